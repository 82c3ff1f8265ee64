package com.motoroctane.compare;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.motoroctane.cache.ResponseCache;
import com.motoroctane.compare.client.CatalogCache;
import com.motoroctane.compare.support.Admin;
import com.motoroctane.compare.support.CompareTestResource;
import com.motoroctane.compare.support.Events;
import com.motoroctane.compare.support.Poll;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Runs last: it stops the shared catalog-service for good. */
@QuarkusTest
@WithTestResource(value = CompareTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(100)
class CatalogOutageTests {

    @Inject
    ResponseCache cache;

    @Inject
    RedisDataSource redis;

    @Inject
    CatalogCache catalogCopy;

    @Test
    void withCatalogDownACachedComparisonIsServedStaleAndAnUncachedOneIs503() {
        String r = Admin.word();
        String brand = Admin.brand("Outage " + r);
        String m1 = Admin.model(brand, "One " + r, "Coupe");
        String m2 = Admin.model(brand, "Two " + r, "Coupe");
        String v1 = Admin.variant(brand, m1, "Base", 2_000_000, Map.of("fuelType", "Petrol"));
        String v2 = Admin.variant(brand, m2, "Base", 2_100_000, Map.of("fuelType", "Petrol"));
        String v3 = Admin.variant(brand, m2, "Top", 2_200_000, Map.of("fuelType", "Petrol"));
        Events.settled();
        String cachedUrl = "/api/compare?variants=" + v1 + "," + v2;
        String body = given().get(cachedUrl).then().statusCode(200).header("X-Cache", "MISS").extract().asString();
        String key = cache.key("comparisons", (v1.compareTo(v2) < 0 ? v1 + "," + v2 : v2 + "," + v1) + "&onlyDifferences=false");
        Poll.until("the entry is written to Redis (in the background)", () -> redis.key().exists(key), Boolean::booleanValue);

        long pid = Long.parseLong(ConfigProvider.getConfig().getValue("test.catalog.pid", String.class));
        ProcessHandle catalog = ProcessHandle.of(pid).orElseThrow();
        catalog.destroyForcibly();
        catalog.onExit().join();
        // past its L2 life (as after 7200 s): only the copy this replica still holds can answer; by then the copy
        // of catalog-service's reads (10 min) has expired too, or the comparison would be rebuilt from it
        assertEquals(1, redis.key().del(key), "the L2 entry existed");
        catalogCopy.beforeFlush();

        Response stale = Poll.until("the fresh L1 copy has aged", () -> given().get(cachedUrl),
                res -> !"HIT".equals(res.header("X-Cache")));
        stale.then().statusCode(200).header("X-Cache", "STALE");
        assertEquals(body, stale.asString());

        given().get("/api/compare?variants=" + v1 + "," + v3).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
