package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Redis is a cache, never a dependency: stopping or stalling it costs hits, not answers. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class RedisOutageTests {

    @ConfigProperty(name = "devstack.redis.port")
    int redisPort;

    @Inject
    MeterRegistry registry;

    @Test
    void redisStoppedMidTestThenRestarted() throws Exception {
        String before = "/api/variants?sort=name&limit=17&page=3";
        given().get(before).then().statusCode(200);
        given().get(before).then().statusCode(200).header("X-Cache", "HIT");

        RedisProcess.command(redisPort, "SHUTDOWN NOSAVE");
        RedisProcess replacement = null;
        try {
            // reads keep working from L1 and MongoDB; nothing is a 5xx
            given().get(before).then().statusCode(200);
            String during = "/api/models?sort=name&limit=17&page=2";
            for (int i = 0; i < 6; i++) {
                given().get("/api/variants?sort=price&limit=11&page=" + (i + 1)).then().statusCode(200);
            }
            given().get(during).then().statusCode(200).header("X-Cache", "MISS");
            given().get(during).then().statusCode(200).header("X-Cache", "HIT");
            given().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'redis-l2-cache' }.data.redis", equalTo("degraded"));

            replacement = new RedisProcess(redisPort, Files.createTempDirectory("redis-restart")).start();
            awaitRedisUp();
            // L1 was flushed before L2 came back into use: the entry cached during the outage is gone
            given().get(during).then().statusCode(200).header("X-Cache", "MISS");
            given().get(during).then().statusCode(200).header("X-Cache", "HIT");
        } finally {
            if (replacement == null) {
                new RedisProcess(redisPort, Files.createTempDirectory("redis-restart")).start();
                awaitRedisUp();
            }
        }
    }

    @Test
    void redisSlowerThanTheBudgetIsBypassed() throws Exception {
        String url = "/api/variants?sort=name&limit=19&page=4";
        CompletableFuture<String> stall = CompletableFuture.supplyAsync(() -> {
            try {
                return RedisProcess.command(redisPort, "DEBUG SLEEP 1.5");
            } catch (IOException e) {
                return e.toString();
            }
        });
        Thread.sleep(100); // Redis is now frozen for 1.5 s
        given().get(url).then().statusCode(200).header("X-Cache", "MISS");
        given().get(url).then().statusCode(200).header("X-Cache", "HIT");
        assertEquals("+OK", stall.get());
        awaitRedisUp();
    }

    /**
     * A Redis slow enough to open the L2 breaker (every call past the budget) is no gap in the invalidations: once it
     * answers again, what L1 held is still answered from L1, not flushed and loaded again from L2 or the origin.
     */
    @Test
    void aBreakerOpenedBySlownessAloneKeepsL1() throws Exception {
        String kept = "/api/variants?sort=name&limit=13&page=5";
        given().get(kept).then().statusCode(200);
        given().get(kept).then().statusCode(200).header("X-Cache", "HIT");
        CompletableFuture<String> stall = CompletableFuture.supplyAsync(() -> {
            try {
                return RedisProcess.command(redisPort, "DEBUG SLEEP 2.5");
            } catch (IOException e) {
                return e.toString();
            }
        });
        Thread.sleep(100); // Redis is now frozen for 2.5 s: each L2 read of a miss waits its budget and gives up
        for (int i = 0; i < 6; i++) {
            given().get("/api/variants?sort=price&limit=13&page=" + (i + 1)).then().statusCode(200);
        }
        assertEquals("+OK", stall.get());
        awaitRedisUp(); // the breaker, opened by the timeouts, closed again
        double before = l1Hits();
        given().get(kept).then().statusCode(200).header("X-Cache", "HIT");
        assertEquals(before + 1, l1Hits(), "answered from L1: it was not flushed");
    }

    private double l1Hits() {
        return registry.find("catalog.cache.requests").tags("result", "hit", "tier", "l1").counter().count();
    }

    private void awaitRedisUp() throws InterruptedException {
        String state = "";
        for (int i = 0; i < 200 && !"up".equals(state); i++) {
            Thread.sleep(100);
            state = given().get("/q/health/ready").jsonPath().getString("checks.find { it.name == 'redis-l2-cache' }.data.redis");
        }
        assertEquals("up", state, "readiness reports Redis up again after recovery");
    }
}
