package com.motoroctane.gateway.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.devstack.test.DevstackTestResource;
import com.motoroctane.devstack.test.ServiceProcess;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything the gateway's tests run against: the devstack (seeded Mongo-wire server + real Redis), the
 * real catalog-service as a child process on a free port, a WireMock stub standing in for faults and for
 * services that do not exist yet, and an RSA key pair made for this run (never committed).
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private final DevstackTestResource devstack = new DevstackTestResource();
    private ServiceProcess catalog;
    private WireMockServer wiremock;

    @Override
    public Map<String, String> start() {
        Map<String, String> infra = devstack.start();
        wiremock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(24).jettyAcceptors(2)
                // room for the oversized response headers a fault test makes the stub send
                .jettyHeaderResponseSize(128 * 1024).jettyHeaderBufferSize(128 * 1024));
        wiremock.start();
        int catalogPort = RedisProcess.freePort();
        startCatalog(infra, catalogPort);

        KeyPair keys = rsaKeyPair();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.redis.hosts", infra.get("quarkus.redis.hosts"));
        config.put("devstack.redis.port", infra.get("devstack.redis.port"));
        config.put("gateway.upstreams.catalog.url", "http://127.0.0.1:" + catalogPort);
        config.put("wiremock.port", String.valueOf(wiremock.port()));
        config.put("killable.port", String.valueOf(RedisProcess.freePort()));
        config.put("gateway.auth.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        config.put("test.jwt.private-key", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        return config;
    }

    private void startCatalog(Map<String, String> infra, int port) {
        catalog = ServiceProcess.of("catalog-service", port)
                .jvmFlag("-Dvertx.disableURIValidation=true")
                .env("MONGODB_URI", infra.get("quarkus.mongodb.connection-string"))
                .env("MONGODB_DATABASE", infra.get("quarkus.mongodb.database"))
                .env("REDIS_URL", infra.get("quarkus.redis.hosts"))
                .env("CATALOG_PORT", String.valueOf(port))
                .env("CATALOG_CURSOR_SECRET", "gateway-tests-cursor-key")
                .start()
                .awaitReady();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (catalog != null) {
            catalog.stop();
        }
        if (wiremock != null) {
            wiremock.stop();
        }
        devstack.stop();
    }
}
