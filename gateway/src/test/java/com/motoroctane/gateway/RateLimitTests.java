package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.gateway.ratelimit.Decision;
import com.motoroctane.gateway.ratelimit.RateClass;
import com.motoroctane.gateway.ratelimit.RateLimiter;
import com.motoroctane.gateway.ratelimit.RedisCounters;
import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/** Limits that hold across replicas, survive a Redis outage and cannot be dodged with a forged header. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class RateLimitTests extends GatewayTest {

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisUrl;

    @TestHTTPResource(value = "/health/ready", management = true) // relative to the management root, /q
    java.net.URL readiness;

    @Test
    void the61stPublicRequestInAMinuteIsRefusedWith429ProblemJson() {
        for (int i = 1; i <= 60; i++) {
            given().get("/api/stats").then().statusCode(200).header("RateLimit-Remaining", equalTo(String.valueOf(60 - i)));
        }
        given().get("/api/stats").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://motoroctane.com/problems/rate-limited"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", equalTo("0"))
                .header("RateLimit-Limit", equalTo("60"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void imagesCountInTheirOwnClassAndLeaveThePublicBudgetAlone() {
        String image = "/uploads/images/" + "cd".repeat(32) + "?w=320";
        stub.register(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/media-service/uploads/images/" + "cd".repeat(32)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(new byte[16])));
        // a model page's worth of images and then some: more than the whole public budget
        for (int i = 1; i <= 61; i++) {
            given().get(image).then().statusCode(200)
                    .header("RateLimit-Limit", equalTo(String.valueOf(config.rateLimit().media().limit())))
                    .header("RateLimit-Remaining", equalTo(String.valueOf(config.rateLimit().media().limit() - i)));
        }
        given().get("/api/stats").then().statusCode(200)
                .header("RateLimit-Limit", equalTo("60"))
                .header("RateLimit-Remaining", equalTo("59"));
        assertEquals(RateClass.MEDIA, limiterClass("/uploads/brands/x.webp", io.vertx.core.http.HttpMethod.HEAD));
        assertEquals(RateClass.MODIFY, limiterClass("/uploads/brands/x.webp", io.vertx.core.http.HttpMethod.DELETE),
                "only reads of images get the image budget");
        assertEquals(RateClass.PUBLIC, limiterClass("/uploadsx", io.vertx.core.http.HttpMethod.GET), "prefixes match whole segments");
    }

    @Inject
    RateLimiter limiter;

    private RateClass limiterClass(String path, io.vertx.core.http.HttpMethod method) {
        return limiter.classify(path, method).orElseThrow();
    }

    @Test
    void aClientLimitedThroughOneGatewayIsLimitedOnAnotherAfterItsNextSync() throws Exception {
        Vertx otherVertx = Vertx.vertx();
        try {
            RateLimiter other = replica(otherVertx);
            List<String> client = List.of("ip:127.0.0.1");
            assertTrue(acquire(other, client).allowed(), "the second replica admits what it knows to fit");
            await(other.sync()); // the other replica's request reaches Redis
            for (int i = 0; i < 59; i++) {
                given().get("/api/stats").then().statusCode(200);
            }
            await(syncAgain(limiter)); // this gateway's 59 reach Redis and it reads the total, 60, back
            given().get("/api/stats").then().statusCode(429);
            // the other replica last read the count before this gateway's 59 arrived: the request it gets now
            // may still be admitted (one sync interval's traffic, the documented bound); once it has synced the
            // key it saw traffic for, it refuses as well
            acquire(other, client);
            await(other.sync());
            Decision onOther = acquire(other, client);
            assertFalse(onOther.allowed(), "the second replica refuses too after its sync");
            assertEquals(Decision.Store.REDIS, onOther.store());
        } finally {
            otherVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Two replicas with their own local counts over the one devstack Redis, driven in rounds of {@code k}
     * requests each, then a sync of both: the sync interval's traffic is exactly {@code k} per replica, so
     * the README's bound (limit + N replicas × one interval's traffic) is checked exactly, and so is that no
     * replica refuses while the limit is not reached.
     */
    @Test
    void twoReplicasTogetherAdmitAtLeastTheLimitAndAtMostTheLimitPlusOneSyncIntervalEach() throws Exception {
        Vertx vertxA = Vertx.vertx();
        Vertx vertxB = Vertx.vertx();
        try {
            RateLimiter a = replica(vertxA);
            RateLimiter b = replica(vertxB);
            int limit = limiter.quota(RateClass.PUBLIC).limit();
            int perInterval = 7;
            List<String> client = List.of("ip:198.51.100.200");
            int admitted = 0;
            int refusedBeforeTheLimit = 0;
            for (int round = 0; round < 2 * limit / perInterval + 2; round++) {
                for (int i = 0; i < perInterval; i++) {
                    for (RateLimiter replica : List.of(a, b)) {
                        if (acquire(replica, client).allowed()) {
                            admitted++;
                        } else if (admitted < limit) {
                            refusedBeforeTheLimit++;
                        }
                    }
                }
                await(a.sync());
                await(b.sync());
            }
            assertEquals(0, refusedBeforeTheLimit, "nobody is refused before the limit is reached");
            assertTrue(admitted >= limit, "admitted " + admitted + " of a limit of " + limit);
            assertTrue(admitted <= limit + 2 * perInterval,
                    "admitted " + admitted + ": more than the limit " + limit + " + 2 replicas × " + perInterval);
            assertFalse(acquire(a, client).allowed());
            assertFalse(acquire(b, client).allowed());
        } finally {
            vertxA.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertxB.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFreshReplicaStartsFromTheGlobalCountOnceItHasSynced() throws Exception {
        Vertx otherVertx = Vertx.vertx();
        try {
            for (int i = 0; i < 50; i++) {
                given().get("/api/stats").then().statusCode(200);
            }
            await(syncAgain(limiter));
            RateLimiter other = replica(otherVertx);
            List<String> client = List.of("ip:127.0.0.1");
            Decision first = acquire(other, client);
            assertTrue(first.allowed());
            assertEquals(59, first.remaining(), "before its first sync a replica only knows its own requests");
            await(other.sync());
            Decision second = acquire(other, client);
            assertEquals(8, second.remaining(), "50 through the gateway + 2 here, of 60");
        } finally {
            otherVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A second gateway replica: its own Vert.x, Redis connection and counts; the test's clock. Synced by hand. */
    private RateLimiter replica(Vertx vertx) {
        return new RateLimiter(config.rateLimit(), vertx, new RedisCounters(Redis.createClient(vertx, redisUrl)),
                new GatewayMetrics(new SimpleMeterRegistry()), clock);
    }

    /** The gateway's own limiter also syncs on its timer: the second call runs a drain of its own. */
    private static io.vertx.core.Future<Void> syncAgain(RateLimiter limiter) {
        return limiter.sync().recover(ignored -> io.vertx.core.Future.succeededFuture()).compose(ignored -> limiter.sync());
    }

    private static void await(io.vertx.core.Future<Void> future) throws Exception {
        future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void redisKilledLimitsAreStillEnforcedPerReplicaAndReadinessSaysSo() throws Exception {
        for (int i = 0; i < 30; i++) {
            given().get("/api/stats").then().statusCode(200);
        }
        await(syncAgain(limiter));
        RedisProcess.command(redisPort, "SHUTDOWN NOSAVE");
        try {
            for (int i = 0; i < 29; i++) {
                given().get("/api/stats").then().statusCode(200);
            }
            String store = "";
            for (int i = 0; i < 200 && !"memory".equals(store); i++) {
                Thread.sleep(25); // the next sync finds Redis gone
                store = given().get(readiness).jsonPath().getString("checks.find { it.name == 'rate-limit-store' }.data.store");
            }
            assertEquals("memory", store);
            // the gateway's own endpoints count like any public read: this is request 60
            given().header("Authorization", "Bearer " + adminToken()).get("/api/monitoring/ready").then().statusCode(200)
                    .body("ready", equalTo(true)).body("rateLimit.store", equalTo("memory"));
            given().get("/api/stats").then().statusCode(429).header("Retry-After", notNullValue());
        } finally {
            new RedisProcess(redisPort, Files.createTempDirectory("redis-restart")).start();
        }
        clearRateLimits();
        String store = "";
        for (int i = 0; i < 100 && !"redis".equals(store); i++) {
            Thread.sleep(50);
            given().get("/api/stats");
            store = given().get(readiness).jsonPath().getString("checks.find { it.name == 'rate-limit-store' }.data.store");
        }
        assertEquals("redis", store, "limits are shared through Redis again once it is back");
    }

    @Test
    void spoofedForwardedForFromAnUntrustedPeerDoesNotChangeTheClient() {
        for (int i = 0; i < 60; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).get("/api/stats").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.77").get("/api/stats").then().statusCode(429);
    }

    @Test
    void forwardedForFromATrustedProxyNamesTheClient() throws Exception {
        for (int i = 0; i < 60; i++) {
            viaTrustedProxy().header("X-Forwarded-For", "203.0.113.9").get("/api/stats").then().statusCode(200);
        }
        viaTrustedProxy().header("X-Forwarded-For", "203.0.113.9").get("/api/stats").then().statusCode(429);
        viaTrustedProxy().header("X-Forwarded-For", "203.0.113.10").get("/api/stats").then().statusCode(200)
                .header("RateLimit-Remaining", equalTo("59"));
    }

    @Test
    void writesAreLimitedTo20PerMinute() {
        stub.register(post(urlPathEqualTo("/api/fault/notes")).willReturn(aResponse().withStatus(201)));
        for (int i = 0; i < 20; i++) {
            given().post("/api/fault/notes").then().statusCode(201).header("RateLimit-Policy", equalTo("20;w=60"));
        }
        given().post("/api/fault/notes").then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    void bulkImportsAreLimitedTo10PerHour() {
        stub.register(post(urlPathEqualTo("/admin-service/api/bulk/brands")).willReturn(aResponse().withStatus(200)));
        String token = adminToken();
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", "Bearer " + token).post("/api/bulk/brands").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("10;w=3600"));
        }
        given().header("Authorization", "Bearer " + token).post("/api/bulk/brands").then().statusCode(429);
    }

    @Test
    void onlyFailedLoginsCountAndTheSixthFailureIsRefused() {
        stubLogin();
        for (int i = 0; i < 4; i++) {
            login("a@motoroctane.com", "wrong").then().statusCode(401);
        }
        for (int i = 0; i < 3; i++) {
            login("a@motoroctane.com", "right").then().statusCode(200);
        }
        login("a@motoroctane.com", "wrong").then().statusCode(401).header("RateLimit-Policy", equalTo("5;w=900"));
        login("a@motoroctane.com", "wrong").then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    void failedLoginsAreAlsoCountedPerAccountAcrossAddresses() throws Exception {
        stubLogin();
        for (int i = 0; i < 5; i++) {
            viaTrustedProxy().header("X-Forwarded-For", "192.0.2." + i).contentType("application/json")
                    .body("{\"email\":\"Target@motoroctane.com\",\"password\":\"guess" + i + "\"}")
                    .post("/api/auth/login").then().statusCode(401);
        }
        viaTrustedProxy().header("X-Forwarded-For", "192.0.2.99").contentType("application/json")
                .body("{\"email\":\"target@motoroctane.com\",\"password\":\"guess\"}")
                .post("/api/auth/login").then().statusCode(429);
    }

    private void stubLogin() {
        stub.register(post(urlPathEqualTo("/admin-service/api/auth/login")).atPriority(2)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Invalid credentials\",\"code\":\"INVALID_CREDENTIALS\"}")));
        stub.register(post(urlPathEqualTo("/admin-service/api/auth/login")).atPriority(1)
                .withRequestBody(containing("\"right\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
    }

    private io.restassured.response.Response login(String email, String password) {
        return given().contentType("application/json").body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/api/auth/login");
    }

    /** Connects from 127.0.0.2, the proxy the test profile trusts. */
    @SuppressWarnings("deprecation")
    private static RequestSpecification viaTrustedProxy() throws Exception {
        InetAddress proxy = InetAddress.getByName("127.0.0.2");
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam(org.apache.http.conn.params.ConnRoutePNames.LOCAL_ADDRESS, proxy)));
    }

    private static Decision acquire(RateLimiter limiter, List<String> identities) throws Exception {
        return limiter.acquire(RateClass.PUBLIC, identities).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
