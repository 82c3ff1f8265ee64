package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The previous system's monitoring shapes, now over every service (details for an admin token), plus
 * Prometheus on the management port and the merged OpenAPI.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class MonitoringTests extends GatewayTest {

    @ConfigProperty(name = "killable.port")
    int killablePort;

    /** Prometheus is on the management interface, not on the public port. */
    @TestHTTPResource(value = "/metrics", management = true) // relative to the management root, /q
    URL prometheus;

    @TestHTTPResource(value = "/swagger-ui/", management = true)
    URL swaggerUi;

    @TestHTTPResource(value = "/openapi", management = true)
    URL managementOpenApi;

    private void stubbedServicesAreHealthy() {
        stub.register(get(urlPathMatching("(/admin-service|/media-service)?/q/health/ready"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"UP\",\"checks\":[]}")));
    }

    @Test
    void healthIsHealthyWhenEveryServiceMongoAndRedisAreUp() {
        stubbedServicesAreHealthy();
        WireMockServer killable = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(killablePort));
        killable.start();
        try {
            killable.stubFor(get(urlPathMatching("/q/health/ready")).willReturn(aResponse().withStatus(200)));
            assertHealthy();
        } finally {
            killable.stop();
        }
    }

    private void assertHealthy() {
        given().get("/api/monitoring/health").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", "Bearer " + adminToken()).get("/api/monitoring/health").then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("services.database", equalTo("connected"))
                .body("services.redis", equalTo("connected"))
                .body("services.memory", containsString("MB / "))
                .body("services.upstreams.catalog.status", equalTo("up"))
                .body("services.upstreams.compare.status", equalTo("not-deployed"))
                .body("$", hasKey("uptime")).body("$", hasKey("version")).body("$", hasKey("environment"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void healthIsDegraded503WhenAServiceIsDown() {
        // the stubbed services answer 404 to their health probe: down
        given().get("/api/monitoring/health").then().statusCode(503).body("status", equalTo("DOWN"));
        given().header("Authorization", "Bearer " + adminToken()).get("/api/monitoring/health").then().statusCode(503)
                .body("status", equalTo("degraded"))
                .body("services.upstreams.fault.status", equalTo("down"))
                .body("services.upstreams.catalog.status", equalTo("up"));
    }

    @Test
    void readyAndLiveKeepTheirShapes() {
        given().header("Authorization", "Bearer " + adminToken()).get("/api/monitoring/ready").then().statusCode(200)
                .body("ready", equalTo(true)).body("timestamp", notNullValue()).body("rateLimit.store", equalTo("redis"));
        given().get("/api/monitoring/live").then().statusCode(200)
                .body("alive", equalTo(true)).body("timestamp", notNullValue());
    }

    @Test
    void statsCountRealRequestsAndLatencies() {
        for (int i = 0; i < 3; i++) {
            given().get("/api/stats").then().statusCode(200);
        }
        given().header("Authorization", "Bearer " + adminToken()).get("/api/monitoring/stats").then().statusCode(200)
                .body("requests.total", greaterThanOrEqualTo(3))
                .body("requests.success", greaterThanOrEqualTo(3))
                .body("requests.averageResponseTime", greaterThan(0f))
                .body("requests.byRoute.catalog.total", greaterThanOrEqualTo(3))
                .body("cache.redis.connected", equalTo(true))
                .body("$", hasKey("database"));
    }

    @Test
    void metricsKeepTheirShape() {
        given().header("Authorization", "Bearer " + adminToken()).get("/api/monitoring/metrics").then().statusCode(200)
                .body("system.pid", greaterThan(0))
                .body("memory.heapUsed", greaterThan(0))
                .body("$", hasKey("cpu"))
                .body("database.status", equalTo("connected"))
                .body("cache.redis.connected", equalTo(true))
                .body("cache.memory.maxSize", greaterThan(0));
    }

    @Test
    void prometheusHasRouteLatencyBreakerAndRateLimitMetrics() {
        given().get("/api/brands?limit=1").then().statusCode(200);
        for (int i = 0; i < 61; i++) {
            given().get("/api/stats");
        }
        String metrics = given().get(prometheus).then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("gateway_requests_seconds_bucket{"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("route=\"catalog\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("quantile=\"0.99\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("gateway_circuit_breaker_state{upstream=\"catalog\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("gateway_rate_limit_rejections_total{class=\"public\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("gateway_rate_limit_redis"));
    }

    @Test
    void openApiIsOneDocumentForTheWholePublicApiWithSwaggerUi() {
        given().header("Authorization", "Bearer " + adminToken()).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/brands"))
                .body("paths", hasKey("/api/variants/{id}"))
                .body("paths", hasKey("/api/monitoring/health"))
                .body("info.title", equalTo("MotorOctane public API"));
        given().get("/q/openapi").then().statusCode(200).contentType(containsString("yaml"));
        // Swagger UI and the full document are on the (internal) management interface
        given().get(swaggerUi).then().statusCode(200);
        given().get(managementOpenApi + "?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/monitoring/metrics"));
    }
}
