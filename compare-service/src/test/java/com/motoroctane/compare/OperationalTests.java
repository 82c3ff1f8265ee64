package com.motoroctane.compare;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.motoroctane.compare.support.CompareTestResource;
import com.motoroctane.compare.support.Fixtures;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What operators and the gateway read: readiness, metrics, the OpenAPI document the gateway merges. */
@QuarkusTest
@WithTestResource(value = CompareTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(6)
class OperationalTests {

    @Test
    void readinessReportsCatalogServiceAndRedis() throws InterruptedException {
        // catalog-service's readiness is asked in the background: a probe reports its last answer
        String catalog = null;
        for (int i = 0; i < 100 && !"up".equals(catalog); i++) {
            catalog = given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.name", hasItems("catalog-service", "redis-l2-cache"))
                    .body("checks.find { it.name == 'redis-l2-cache' }.data.redis", equalTo("up"))
                    .extract().jsonPath().getString("checks.find { it.name == 'catalog-service' }.data.catalog");
            if (!"up".equals(catalog)) {
                Thread.sleep(50);
            }
        }
        assertEquals("up", catalog);
    }

    @Test
    void metricsCountComparisonsAndTrendingFlushes() {
        Fixtures f = Fixtures.get();
        given().get("/api/compare?variants=" + f.a + "," + f.b).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("compare_comparisons_served_total{"))
                .body(containsString("compare_trending_flush_total{result=\"ok\"}"))
                .body(containsString("compare_cache_requests_total{"));
    }

    @Test
    void openApiDescribesEveryPublicPathAndNothingElse() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/compare", "/api/compare/{slugs}", "/api/compare/alternatives",
                        "/api/popular-comparisons", "/api/comparisons/trending"))
                .body("paths.keySet()", not(hasItems("/api/curated-comparisons")));
    }
}
