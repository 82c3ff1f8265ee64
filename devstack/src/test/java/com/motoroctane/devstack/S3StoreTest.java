package com.motoroctane.devstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.motoroctane.devstack.test.DevstackWithS3TestResource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The devstack's S3 API as media-service meets it: the AWS SDK v2 client, path-style, signed requests; and
 * what is not let in.
 */
class S3StoreTest {

    @TempDir
    Path dir;

    private static S3Client client(String endpoint, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void theTestResourceServesARealS3ApiInAChildJvmAndRemovesItsFolder() throws Exception {
        DevstackWithS3TestResource resource = new DevstackWithS3TestResource();
        Map<String, String> config = resource.start();
        Path stored;
        try {
            String endpoint = config.get("devstack.s3.endpoint");
            String bucket = config.get("devstack.s3.bucket");
            String accessKey = config.get("devstack.s3.access-key");
            String secretKey = config.get("devstack.s3.secret-key");
            stored = Path.of(config.get("devstack.s3.dir"));
            assertTrue(endpoint.startsWith("http://127.0.0.1:"), endpoint);
            assertEquals("motoroctane-media", bucket);
            assertTrue(config.containsKey("quarkus.mongodb.connection-string"), "the rest of the devstack is there too");
            byte[] body = "a rendition, say".getBytes(StandardCharsets.UTF_8);
            String key = "models/demo/hero.webp";

            try (S3Client s3 = client(endpoint, accessKey, secretKey)) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType("image/webp"), RequestBody.fromBytes(body));
                assertTrue(Files.isRegularFile(stored.resolve(bucket).resolve(key)), "a file in the store's folder");

                ResponseBytes<GetObjectResponse> read = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
                assertArrayEquals(body, read.asByteArray());
                assertEquals("image/webp", read.response().contentType());
                List<S3Object> listed = s3.listObjectsV2(b -> b.bucket(bucket).prefix("models/")).contents();
                assertEquals(List.of(key), listed.stream().map(S3Object::key).toList());
                HttpResponse<String> unsignedRead = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket + "/" + key)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, unsignedRead.statusCode(), "objects are private, as in R2: " + unsignedRead.body());

                s3.deleteObject(b -> b.bucket(bucket).key(key));
                assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)));
            }

            try (S3Client wrong = client(endpoint, accessKey, secretKey + "x")) {
                S3Exception refused = assertThrows(S3Exception.class,
                        () -> wrong.putObject(b -> b.bucket(bucket).key("intruder"), RequestBody.fromString("x")));
                assertEquals(403, refused.statusCode(), "a wrong secret is refused");
            }
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket + "/intruder"))
                            .PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, anonymous.statusCode(), "so is an unsigned request: " + anonymous.body());
            assertFalse(Files.exists(stored.resolve(bucket).resolve("intruder")), "nothing refused was stored");
        } finally {
            resource.stop();
        }
        assertFalse(Files.exists(stored), "the temporary folder is removed on stop");
    }

    @Test
    void theEmbeddedStoreKeepsObjectsInItsFolderAcrossRestarts() throws Exception {
        Path folder = dir.resolve("s3");
        String accessKey = S3ProxyProcess.generateAccessKey();
        String secretKey = RedisProcess.generatePassword();
        try (S3Store store = S3Store.start(folder, "127.0.0.1", 0, accessKey, secretKey, S3ProxyProcess.BUCKET);
                S3Client s3 = client(store.endpoint(), accessKey, secretKey)) {
            s3.putObject(b -> b.bucket(S3ProxyProcess.BUCKET).key("brands/demo.jpg"), RequestBody.fromString("jpeg"));
        }
        assertTrue(Files.isDirectory(folder.resolve(S3ProxyProcess.BUCKET)), "the bucket is a folder");
        try (S3Store again = S3Store.start(folder, "127.0.0.1", 0, accessKey, secretKey, S3ProxyProcess.BUCKET);
                S3Client s3 = client(again.endpoint(), accessKey, secretKey)) {
            assertEquals("jpeg", s3.getObjectAsBytes(b -> b.bucket(S3ProxyProcess.BUCKET).key("brands/demo.jpg")).asUtf8String(),
                    "an existing bucket is kept, not recreated");
        }
    }

    @Test
    void accessKeysLookLikeAwsOnes() {
        String key = S3ProxyProcess.generateAccessKey();
        assertTrue(key.matches("[A-Z0-9]{20}"), key);
        assertFalse(key.equals(S3ProxyProcess.generateAccessKey()));
    }
}
