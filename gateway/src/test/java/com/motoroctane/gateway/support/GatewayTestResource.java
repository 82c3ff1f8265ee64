package com.motoroctane.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything the gateway's tests run against: the devstack (seeded Mongo-wire server + real Redis), the
 * real catalog-service as a child process on a free port, a WireMock stub standing in for faults and for
 * services that do not exist yet, and an RSA key pair made for this run (never committed).
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private final DevstackTestResource devstack = new DevstackTestResource();
    private Process catalog;
    private WireMockServer wiremock;
    private Path catalogLog;

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
        Path root = repositoryRoot();
        Path jar = root.resolve("catalog-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The gateway tests run against the real catalog-service, but " + jar
                    + " does not exist. Build it first: run `mvn verify` from the repository root, or "
                    + "`mvn -pl gateway -am verify`, which packages catalog-service before the gateway.");
        }
        try {
            catalogLog = Files.createTempFile("catalog-service-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-Dvertx.disableURIValidation=true", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(catalogLog.toFile());
            builder.environment().put("MONGODB_URI", infra.get("quarkus.mongodb.connection-string"));
            builder.environment().put("MONGODB_DATABASE", infra.get("quarkus.mongodb.database"));
            builder.environment().put("REDIS_URL", infra.get("quarkus.redis.hosts"));
            builder.environment().put("CATALOG_PORT", String.valueOf(port));
            builder.environment().put("CATALOG_CURSOR_SECRET", "gateway-tests-cursor-key");
            catalog = builder.start();
            Process started = catalog;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            awaitReady(port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start catalog-service", e);
        }
    }

    private void awaitReady(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!catalog.isAlive()) {
                throw new IllegalStateException("catalog-service exited with " + catalog.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("catalog-service not ready after 120 s:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(catalogLog);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("catalog-service")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        return dir.getParent();
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (catalog != null) {
            catalog.destroy();
            try {
                if (!catalog.waitFor(10, TimeUnit.SECONDS)) {
                    catalog.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (wiremock != null) {
            wiremock.stop();
        }
        devstack.stop();
    }
}
