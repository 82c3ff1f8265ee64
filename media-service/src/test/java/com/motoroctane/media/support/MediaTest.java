package com.motoroctane.media.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;

import com.mongodb.client.MongoClient;
import com.motoroctane.media.store.Assets;

import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Tokens signed with the run's key, uploads, and the "nothing stored, nothing left behind" checks. */
public abstract class MediaTest {

    public static final String ISSUER = "https://motoroctane.test/admin";

    @Inject
    protected MongoClient mongo;

    protected String token(Set<String> groups) {
        return Jwt.issuer(ISSUER).subject("user-test").claim("email", "admin@motoroctane.test").groups(groups)
                .claim("role", groups.iterator().next()).expiresIn(300).sign(privateKey());
    }

    protected String adminToken() {
        return token(Set.of("admin"));
    }

    protected String viewerToken() {
        return token(Set.of("editor"));
    }

    protected String expiredToken() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject("user-test").groups(Set.of("admin"))
                .issuedAt(now - 7200).expiresAt(now - 3600).sign(privateKey());
    }

    private static PrivateKey privateKey() {
        String key = ConfigProvider.getConfig().getValue("test.jwt.private-key", String.class);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    protected ValidatableResponse upload(String path, String field, String filename, byte[] bytes, String token) {
        var request = given().multiPart(field, filename, bytes, "application/octet-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post(path).then();
    }

    protected ValidatableResponse uploadImage(String filename, byte[] bytes) {
        return upload("/api/upload/image", "image", filename, bytes, adminToken());
    }

    protected static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }

    protected long assetCount() {
        return mongo.getDatabase("motoroctane").getCollection(Assets.COLLECTION).countDocuments();
    }

    protected Document asset(String id) {
        return mongo.getDatabase("motoroctane").getCollection(Assets.COLLECTION).find(new Document("_id", id)).first();
    }

    /** Objects in the bucket (S3Proxy's filesystem store: one file per object under the bucket's folder). */
    protected static long storedObjects() {
        Path bucket = Path.of(ConfigProvider.getConfig().getValue("devstack.s3.dir", String.class),
                ConfigProvider.getConfig().getValue("devstack.s3.bucket", String.class));
        if (!Files.isDirectory(bucket)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected static Path tempRoot() {
        return Path.of(ConfigProvider.getConfig().getValue("media.temp-dir", String.class), "motoroctane-media");
    }

    /** Temporary files of uploads in flight; removal after an answer may lag by a moment (async close). */
    protected static void assertNoTempFiles() {
        long deadline = System.currentTimeMillis() + 5000;
        long left;
        do {
            left = countFiles(tempRoot());
            if (left == 0) {
                return;
            }
            sleep(50);
        } while (System.currentTimeMillis() < deadline);
        assertEquals(0, left, "temporary files left in " + tempRoot());
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).count();
        } catch (IOException e) {
            return -1;
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
