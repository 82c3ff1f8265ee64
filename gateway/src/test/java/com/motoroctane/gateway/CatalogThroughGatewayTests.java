package com.motoroctane.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Normal behaviour, end to end through the real catalog-service. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogThroughGatewayTests extends GatewayTest {

    @Test
    void brandListComesThroughWithSecurityAndRateLimitHeaders() {
        given().get("/api/brands?limit=5").then().statusCode(200)
                .body("data.size()", equalTo(5))
                .body("pagination.total", greaterThan(5))
                .header("Strict-Transport-Security", startsWith("max-age="))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("Permissions-Policy", not(emptyOrNullString()))
                .header("Server", nullValue())
                .header("X-Powered-By", nullValue())
                .header("RateLimit-Limit", equalTo("60"))
                .header("RateLimit-Remaining", equalTo("59"))
                .header("RateLimit-Policy", equalTo("60;w=60"))
                .header("RateLimit-Reset", notNullValue())
                .header("X-Cache", notNullValue())
                .header("ETag", notNullValue())
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void everyCatalogueEndpointAnswersThroughTheGateway() {
        JsonPath brand = given().get("/api/brands?limit=1").then().statusCode(200).extract().jsonPath();
        String brandId = brand.getString("data[0].id");
        String brandSlug = brand.getString("data[0].slug");
        JsonPath model = given().get("/api/models?limit=1&brandId=" + brandId).then().statusCode(200).extract().jsonPath();
        String modelId = model.getString("data[0].id");
        String variantId = given().get("/api/variants?limit=1&modelId=" + modelId).then().statusCode(200)
                .extract().jsonPath().getString("data[0].id");
        for (String path : new String[] {"/api/brands/" + brandId, "/api/brands/" + brandId + "/formatted",
                "/api/models/" + modelId, "/api/variants/" + variantId, "/api/variants/by?ids=" + variantId,
                "/api/stats", "/api/search?q=" + brandSlug.substring(0, 3), "/api/frontend/brands/" + brandId + "/models",
                "/api/frontend/models/" + model.getString("data[0].slug"), "/api/pages/brand/" + brandSlug}) {
            given().get(path).then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("RateLimit-Limit", equalTo("60"));
        }
    }

    /** Issue 10's "done when": the model list's default page is cards with their aggregates, under the 100 KB budget. */
    @Test
    void modelListDefaultPageIsCardsWithAggregatesUnderTheBudget() {
        Response page = raw().header("Accept-Encoding", "identity").get("/api/models");
        page.then().statusCode(200).body("data.size()", equalTo(20))
                .body("data[0]", hasKey("startingPrice")).body("data[0]", hasKey("variantCount"))
                .body("data[0]", hasKey("brandName")).body("data[0]", not(hasKey("description")));
        int bytes = page.asByteArray().length;
        org.junit.jupiter.api.Assertions.assertTrue(bytes <= 100 * 1024, "default model page is " + bytes + " bytes");
        given().get("/api/models?view=full&limit=1").then().statusCode(200).body("data[0]", hasKey("description"));
    }

    @Test
    void serviceErrorsPassThroughAsTheirProblemJson() {
        given().get("/api/brands/no-such-brand").then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Frame-Options", equalTo("DENY"));
        given().get("/api/models?limit=1000").then().statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("limit"));
    }

    @Test
    void conditionalRequestIsAnswered304ThroughTheGateway() {
        String etag = given().get("/api/stats").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/stats").then().statusCode(304)
                .header("ETag", equalTo(etag));
    }

    @Test
    void headIsProxiedWithoutABody() {
        given().head("/api/brands?limit=2").then().statusCode(200).header("RateLimit-Limit", equalTo("60"));
    }

    @Test
    void clientRequestIdIsKeptAndReturned() {
        given().header("X-Request-Id", "client-trace-42").get("/api/stats").then().statusCode(200)
                .header("X-Request-Id", equalTo("client-trace-42"));
        given().header("X-Request-Id", "bad id with spaces\"").get("/api/stats").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void largeJsonIsGzippedAndSmallJsonIsNot() {
        Response large = raw().header("Accept-Encoding", "gzip").get("/api/models?limit=50");
        large.then().statusCode(200).header("Content-Encoding", equalTo("gzip"));
        raw().header("Accept-Encoding", "gzip").get("/api/stats").then().statusCode(200)
                .header("Content-Encoding", nullValue());
        raw().header("Accept-Encoding", "identity").get("/api/models?limit=50").then().statusCode(200)
                .header("Content-Encoding", nullValue());
    }

    /** Without the client's own decoding, which would hide Content-Encoding. */
    private static RequestSpecification raw() {
        return given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    @Test
    void unknownPathIs404ProblemJsonWithRequestId() {
        given().header("X-Request-Id", "trace-404").get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("requestId", equalTo("trace-404"))
                .header("Content-Security-Policy", not(emptyOrNullString()));
        given().get("/somewhere/else").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void routeToUndeployedServiceIs503ProblemJson() {
        given().get("/api/compare/a-vs-b").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://motoroctane.com/problems/service-not-deployed"))
                .header("X-Frame-Options", equalTo("DENY"));
        // trending comparisons are compare-service's too, not an unknown path
        given().get("/api/comparisons/trending").then().statusCode(503)
                .body("type", equalTo("https://motoroctane.com/problems/service-not-deployed"));
    }

    @Test
    void writeMethodOnReadOnlyRouteIs405WithAllow() {
        given().put("/api/search?q=x").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }
}
