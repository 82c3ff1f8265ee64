package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Item 13 of issue 7: metrics, detailed monitoring and the admin part of the API description were public
 * and unthrottled. Only a bare health verdict stays public; the rest needs an admin token or the
 * management port.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class OperationalSurfaceTests extends GatewayTest {

    /** Relative to the management root, /q. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL managementReadiness;

    @ParameterizedTest(name = "anonymous {0} is {1}")
    @CsvSource({
        "/q/metrics, 404",
        "/q/health, 404",
        "/q/health/ready, 404",
        "/q/health/live, 404",
        "/q/openapi-gateway, 404",
        "/api/monitoring/metrics, 401",
        "/api/monitoring/stats, 401",
    })
    void anonymousRequestsToOperationalPathsGetNothing(String path, int status) {
        given().get(path).then().statusCode(status)
                .contentType("application/problem+json")
                .body("detail", not(equalTo("")))
                .header("RateLimit-Limit", notNullValue());
    }

    @ParameterizedTest(name = "{0} with an admin token")
    @ValueSource(strings = {"/api/monitoring/metrics", "/api/monitoring/stats"})
    void detailedMonitoringNeedsAnAdminToken(String path) {
        given().header("Authorization", "Bearer " + token(Set.of("editor"))).get(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + adminToken()).get(path).then().statusCode(200)
                .body("timestamp", notNullValue());
    }

    @Test
    void publicHealthAndReadinessSayOnlyTheVerdict() {
        given().get("/api/monitoring/health").then().statusCode(anyOf(equalTo(200), equalTo(503)))
                .body("$", aMapWithSize(1))
                .body("status", anyOf(equalTo("UP"), equalTo("DOWN")))
                .header("RateLimit-Limit", equalTo("60"));
        given().get("/api/monitoring/ready").then().statusCode(200).body("$", aMapWithSize(1)).body("ready", equalTo(true));
        // a token that is not an admin's gets the public answer, not the details
        given().header("Authorization", "Bearer " + token(Set.of("editor"))).get("/api/monitoring/health").then()
                .body("$", aMapWithSize(1));
        given().header("Authorization", "Bearer " + adminToken()).get("/api/monitoring/health").then()
                .body("services.upstreams", hasKey("catalog"))
                .body("$", hasKey("uptime"));
        given().header("Authorization", "Bearer " + adminToken()).get("/api/monitoring/ready").then()
                .body("rateLimit.store", equalTo("redis"));
    }

    @Test
    void theManagementPortServesPrometheusAndProbes() {
        given().get(managementMetrics).then().statusCode(200).body(containsString("gateway_circuit_breaker_state"));
        given().get(managementReadiness).then().statusCode(200)
                .body("checks.find { it.name == 'rate-limit-store' }.status", equalTo("UP"));
    }

    @Test
    void theGatewaysOwnPublicEndpointsAreRateLimitedLikeAnyPublicRead() {
        for (int i = 1; i <= 60; i++) {
            given().get("/api/monitoring/live").then().statusCode(200)
                    .header("RateLimit-Remaining", equalTo(String.valueOf(60 - i)));
        }
        given().get("/api/monitoring/health").then().statusCode(429).contentType("application/problem+json");
        given().get("/q/openapi").then().statusCode(429);
    }

    @Test
    void thePublicApiDescriptionListsNoAdminRoutes() {
        stub.register(get(urlPathMatching(".*/q/openapi")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ADMIN_SERVICE_OPENAPI)));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/brands"))
                .body("paths", hasKey("/api/auth/login"))
                .body("paths", hasKey("/api/monitoring/health"))
                .body("paths", not(hasKey("/api/admin/users")))
                .body("paths", not(hasKey("/api/auth/me")))
                .body("paths", not(hasKey("/api/auth/users")))
                .body("paths", not(hasKey("/api/bulk/{kind}")))
                .body("paths", not(hasKey("/api/monitoring/metrics")))
                .body("paths.'/api/brands'.post", nullValue())
                .body("paths.'/api/brands'.get", notNullValue());
        given().header("Authorization", "Bearer " + adminToken()).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/admin/users"))
                .body("paths", hasKey("/api/auth/me"))
                .body("paths", hasKey("/api/auth/users"))
                .body("paths", hasKey("/api/bulk/{kind}"))
                .body("paths", hasKey("/api/monitoring/metrics"))
                .body("paths.'/api/brands'.post", notNullValue());
    }

    @Test
    void aLocalFrontendIsNotAnAllowedOriginOutsideTheDevProfile() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .options("/api/brands").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    /** What admin-service publishes, in short: smallrye-openapi marks secured operations with security. */
    private static final String ADMIN_SERVICE_OPENAPI = """
            {"openapi":"3.1.0","paths":{
              "/api/auth/login":{"post":{"summary":"login","responses":{"200":{"description":"ok"}}}},
              "/api/auth/me":{"get":{"security":[{"SecurityScheme":[]}],"responses":{"200":{"description":"ok"}}}},
              "/api/auth/users":{"get":{"security":[{"SecurityScheme":["admin"]}],"responses":{"200":{"description":"ok"}}}},
              "/api/admin/users":{"get":{"security":[{"SecurityScheme":["admin"]}],"responses":{"200":{"description":"ok"}}}},
              "/api/bulk/{kind}":{"post":{"responses":{"200":{"description":"ok"}}}},
              "/api/brands":{"post":{"security":[{"SecurityScheme":["editor"]}],"responses":{"201":{"description":"ok"}}}}
            }}""";
}
