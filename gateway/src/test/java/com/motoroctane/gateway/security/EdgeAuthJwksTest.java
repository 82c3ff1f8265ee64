package com.motoroctane.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.error.ProblemException;
import com.motoroctane.gateway.config.GatewayConfig;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.build.Jwt;

/**
 * The gateway verifies admin tokens against admin-service's JWKS. It must read that JWKS once and keep it (until
 * {@code jwks-refresh}, or a key id it does not know), not on every admin request: smallrye-jwt's
 * {@code DefaultJWTParser.parse(token, context)} made a new key resolver per call, and each admin write fetched the
 * JWKS from admin-service again (seen as one JWKS request per write under the bench's mix). A real HTTP server
 * serves the JWKS and counts its requests; the gateway's own configuration is read from its
 * application.properties, only the JWKS URL and issuer pointed here.
 */
class EdgeAuthJwksTest {

    private static final String ISSUER = "https://motoroctane.test/admin";

    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicReference<String> jwks = new AtomicReference<>();
    /** While true the JWKS URL answers 503 (admin-service not up yet). */
    private volatile boolean unavailable;
    private HttpServer server;
    private KeyPair first;
    private EdgeAuth auth;

    @BeforeEach
    void serveJwks() throws IOException, NoSuchAlgorithmException {
        first = rsa();
        jwks.set(jwksOf(Map.of("k1", first)));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            jwksRequests.incrementAndGet();
            if (unavailable) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        auth = new EdgeAuth(config("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json"), null);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theJwksIsReadOnceForManyTokens() {
        for (int i = 0; i < 5; i++) {
            assertEquals("admin-" + i, auth.verify(token("admin-" + i, "k1", first)).getSubject());
        }
        assertEquals(1, jwksRequests.get(), "JWKS requests for five admin requests");
    }

    @Test
    void madeUpKeyIdsReadTheJwksAgainOnlyOncePerInterval() throws Exception {
        auth.verify(token("genuine", "k1", first));
        KeyPair other = rsa();
        for (int i = 0; i < 3; i++) {
            pastJose4jsRefreshReprieve(); // so that only jwks-unknown-key-refresh holds the next reads back
            String madeUp = "made-up-" + i;
            ProblemException refused = assertThrows(ProblemException.class, () -> auth.verify(token("x", madeUp, other)));
            assertEquals(401, refused.status());
        }
        assertEquals(2, jwksRequests.get(),
                "JWKS requests: the first read and one for the first unknown key id, none more within jwks-unknown-key-refresh");
    }

    @Test
    void aTokenSignedWithAKeyTheJwksDidNotHaveYetReadsItAgain() throws Exception {
        auth.verify(token("before", "k1", first));
        pastJose4jsRefreshReprieve();
        KeyPair rotated = rsa();
        jwks.set(jwksOf(Map.of("k1", first, "k2", rotated)));

        assertEquals("after", auth.verify(token("after", "k2", rotated)).getSubject());
        assertEquals("again", auth.verify(token("again", "k2", rotated)).getSubject());
        assertEquals(2, jwksRequests.get(), "JWKS requests: the first read, and one for the new key id");
    }

    @Test
    void aJwksThatCouldNotBeReadIsReadAgainByTheNextToken() {
        unavailable = true;
        ProblemException refused = assertThrows(ProblemException.class, () -> auth.verify(token("early", "k1", first)));
        assertEquals(401, refused.status());
        int whileUnavailable = jwksRequests.get(); // jose4j's HTTP get retries a failed read a few times
        unavailable = false;
        assertEquals("later", auth.verify(token("later", "k1", first)).getSubject());
        assertEquals("again", auth.verify(token("again", "k1", first)).getSubject());
        assertEquals(whileUnavailable + 1, jwksRequests.get(), "JWKS requests once it answers: one, then kept");
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderAKnownIdIsRefused() throws NoSuchAlgorithmException {
        auth.verify(token("genuine", "k1", first));
        ProblemException refused = assertThrows(ProblemException.class, () -> auth.verify(token("forged", "k1", rsa())));
        assertEquals(401, refused.status());
    }

    /** jose4j's HttpsJwks skips a refresh asked for within 300 ms of its last read (its refresh reprieve). */
    private static void pastJose4jsRefreshReprieve() throws InterruptedException {
        Thread.sleep(400);
    }

    private static String token(String subject, String keyId, KeyPair key) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of("admin")).expiresIn(300)
                .jws().keyId(keyId).sign(key.getPrivate());
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String jwksOf(Map<String, KeyPair> keys) {
        JsonWebKeySet set = new JsonWebKeySet();
        keys.forEach((id, pair) -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
            jwk.setKeyId(id);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            set.addJsonWebKey(jwk);
        });
        return set.toJson();
    }

    private static GatewayConfig config(String jwksUrl) {
        URL properties = EdgeAuthJwksTest.class.getClassLoader().getResource("application.properties");
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withSources(new PropertiesConfigSource(Map.of("gateway.auth.jwks-url", jwksUrl,
                            "gateway.auth.public-key", "", "gateway.auth.issuer", ISSUER), "EdgeAuthJwksTest", 400))
                    .withConverter(Duration.class, 100, new DurationConverter())
                    .withMapping(GatewayConfig.class)
                    .withValidateUnknown(false)
                    .build();
            return config.getConfigMapping(GatewayConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
