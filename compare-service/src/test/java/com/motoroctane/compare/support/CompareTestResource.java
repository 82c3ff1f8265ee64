package com.motoroctane.compare.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.devstack.test.DevstackTestResource;
import com.motoroctane.devstack.test.ServiceProcess;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What compare-service's tests run against: the devstack (seeded Mongo-wire server + real Redis), the real
 * catalog-service it reads from and the real admin-service the tests write through (its events reach
 * compare-service over the same Redis stream as in production), both as child processes started in
 * parallel. admin-service's signing keys and first account are made for this run (nothing committed).
 */
public class CompareTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_EMAIL = "root@motoroctane.test";
    /** Meets admin-service's password policy and does not contain the account's name. */
    public static final String ADMIN_PASSWORD = "Gearbox-Ratio-7!";

    private final DevstackTestResource devstack = new DevstackTestResource();
    private ServiceProcess catalog;
    private ServiceProcess admin;

    @Override
    public Map<String, String> start() {
        Map<String, String> infra = devstack.start();
        String mongo = infra.get("quarkus.mongodb.connection-string");
        String database = infra.get("quarkus.mongodb.database");
        String redis = infra.get("quarkus.redis.hosts");

        int catalogPort = RedisProcess.freePort();
        catalog = ServiceProcess.of("catalog-service", catalogPort)
                .jvmFlag("-Dvertx.disableURIValidation=true")
                .env("MONGODB_URI", mongo).env("MONGODB_DATABASE", database).env("REDIS_URL", redis)
                .env("CATALOG_PORT", String.valueOf(catalogPort))
                .env("CATALOG_CURSOR_SECRET", "compare-tests-cursor-key")
                .start();
        int adminPort = RedisProcess.freePort();
        Path keys = signingKeys();
        admin = ServiceProcess.of("admin-service", adminPort)
                .env("MONGODB_URI", mongo).env("MONGODB_DATABASE", database).env("REDIS_URL", redis)
                .env("ADMIN_PORT", String.valueOf(adminPort))
                .env("ADMIN_JWT_PRIVATE_KEY_FILE", keys.resolve("private.pem").toString())
                .env("ADMIN_JWT_PUBLIC_KEY_FILE", keys.resolve("public.pem").toString())
                .env("ADMIN_EMAIL", ADMIN_EMAIL).env("ADMIN_PASSWORD", ADMIN_PASSWORD)
                .env("ADMIN_COOKIE_SECURE", "false")
                .start();
        catalog.awaitReady();
        admin.awaitReady();

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.redis.hosts", redis);
        config.put("devstack.redis.port", infra.get("devstack.redis.port"));
        config.put("quarkus.rest-client.catalog.url", catalog.url());
        config.put("test.catalog.url", catalog.url());
        config.put("test.catalog.pid", String.valueOf(catalog.pid()));
        config.put("test.admin.url", admin.url());
        return config;
    }

    private static Path signingKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("compare-admin-keys");
            pem(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
            pem(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pem(Path file, String type, byte[] der) throws java.io.IOException {
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n");
    }

    @Override
    public void stop() {
        if (admin != null) {
            admin.stop();
        }
        if (catalog != null) {
            catalog.stop();
        }
        devstack.stop();
    }
}
