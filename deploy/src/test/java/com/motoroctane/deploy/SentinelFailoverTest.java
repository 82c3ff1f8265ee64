package com.motoroctane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.devstack.test.DevstackTestResource;
import com.motoroctane.devstack.test.ServiceProcess;

/**
 * The Sentinel mode the cluster uses (components/redis-sentinel: REDIS_CLIENT_TYPE=sentinel, REDIS_URL = the
 * sentinels, the password from QUARKUS_REDIS_PASSWORD), against real redis-server processes: a master (the
 * devstack's), a replica and a sentinel. catalog-service finds the master through the sentinel, writes its L2
 * there, and after a failover writes to the new master (auto-failover closes the connections to the old one,
 * which would answer READONLY), staying ready throughout.
 */
class SentinelFailoverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DevstackTestResource DEVSTACK = new DevstackTestResource();

    private static RedisProcess replica;
    private static Process sentinel;
    private static ServiceProcess catalog;
    private static String password;
    private static int masterPort;
    private static int sentinelPort;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> infra = DEVSTACK.start();
        password = infra.get("devstack.redis.password");
        masterPort = Integer.parseInt(infra.get("devstack.redis.port"));
        replica = new RedisProcess(0, Files.createTempDirectory("redis-replica"), password).start();
        assertEquals("OK", reply(replica.port(), "CONFIG", "SET", "masterauth", password));
        assertEquals("OK", reply(replica.port(), "REPLICAOF", "127.0.0.1", String.valueOf(masterPort)));

        sentinelPort = RedisProcess.freePort();
        Path dir = Files.createTempDirectory("redis-sentinel");
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n",
                "port " + sentinelPort, "bind 127.0.0.1", "dir " + dir.toAbsolutePath(), "requirepass " + password,
                "sentinel monitor mymaster 127.0.0.1 " + masterPort + " 1",
                "sentinel auth-pass mymaster " + password,
                "sentinel down-after-milliseconds mymaster 2000",
                "sentinel failover-timeout mymaster 10000", ""));
        Path binary = RedisProcess.binary(System.getenv(RedisProcess.OVERRIDE_ENV)).path();
        sentinel = new ProcessBuilder(binary.toString(), conf.toString(), "--sentinel").redirectErrorStream(true)
                .redirectOutput(dir.resolve("sentinel.log").toFile()).start();
        await(() -> {
            Object master = tryReply(sentinelPort, "SENTINEL", "MASTER", "mymaster");
            return master instanceof List<?> fields && fields.contains("num-slaves")
                    && !"0".equals(fields.get(fields.indexOf("num-slaves") + 1));
        }, "the sentinel sees the master and its replica");

        int port = RedisProcess.freePort();
        catalog = ServiceProcess.of("catalog-service", port)
                .jvmFlag("-Dvertx.disableURIValidation=true")
                .env("QUARKUS_HTTP_HOST", "127.0.0.1")
                .env("CATALOG_PORT", String.valueOf(port))
                .env("CATALOG_CURSOR_SECRET", "deploy-tests-cursor-key")
                .env("MONGODB_URI", infra.get("quarkus.mongodb.connection-string"))
                .env("MONGODB_DATABASE", infra.get("quarkus.mongodb.database"))
                // as base/catalog-service/configmap.yaml and deployment.yaml set them, with one local sentinel
                .env("REDIS_CLIENT_TYPE", "sentinel")
                .env("REDIS_URL", "redis://127.0.0.1:" + sentinelPort)
                .env("REDIS_MASTER_NAME", "mymaster")
                .env("QUARKUS_REDIS_PASSWORD", password)
                .start().awaitReady();
    }

    @AfterAll
    static void stop() {
        if (catalog != null) {
            catalog.stop();
        }
        if (sentinel != null) {
            sentinel.destroyForcibly();
        }
        if (replica != null) {
            replica.stop();
        }
        DEVSTACK.stop();
    }

    @Test
    void theServiceFollowsTheMasterThroughAFailover() throws Exception {
        await(SentinelFailoverTest::redisUp, "catalog-service reports Redis up through the sentinel");
        long before = keys(masterPort);
        assertEquals(200, get("/api/brands?limit=3").statusCode());
        await(() -> keys(masterPort) > before, "the cached response is written to the master the sentinel names");

        assertEquals("OK", reply(sentinelPort, "SENTINEL", "FAILOVER", "mymaster"));
        await(() -> String.valueOf(replica.port()).equals(masterAddress().get(1)), "the sentinel promotes the replica");
        await(() -> "slave".equals(((List<?>) tryReply(masterPort, "ROLE")).get(0)), "the old master follows the new one");

        long promoted = keys(replica.port());
        await(() -> {
            try {
                // a new cache key per try: each read is a miss whose L2 write must reach the new master
                get("/api/models?limit=" + (1 + (int) (Math.random() * 90)));
            } catch (Exception e) {
                return false;
            }
            return keys(replica.port()) > promoted;
        }, "after the failover the service writes its L2 to the new master");
        await(SentinelFailoverTest::redisUp, "and reports Redis up");
    }

    private static boolean redisUp() {
        try {
            JsonNode health = JSON.readTree(get("/q/health/ready").body());
            for (JsonNode check : health.path("checks")) {
                if (check.path("name").asText().equals("redis-l2-cache")) {
                    return "up".equals(check.path("data").path("redis").asText());
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<?> masterAddress() {
        Object address = tryReply(sentinelPort, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", "mymaster");
        return address instanceof List<?> list ? list : List.of("", "");
    }

    private static long keys(int port) {
        Object size = tryReply(port, "DBSIZE");
        return size instanceof Long n ? n : -1;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(catalog.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(200);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static Object tryReply(int port, String... command) {
        try {
            return reply(port, command);
        } catch (IOException e) {
            return null;
        }
    }

    private static Object reply(int port, String... command) throws IOException {
        return RedisProcess.reply(port, password, command);
    }
}
