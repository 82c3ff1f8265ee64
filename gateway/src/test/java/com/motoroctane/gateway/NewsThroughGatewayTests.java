package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The news section through the gateway: public reads go to the real catalog-service as public reads; the
 * news admin paths go to admin-service (a stub here) behind the same JWT and role check as every admin path.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class NewsThroughGatewayTests extends GatewayTest {

    @Test
    void theHomePagesNewsCallAnswersSeededArticlesAsAPublicRead() {
        JsonPath body = given().get("/api/news?limit=6").then().statusCode(200)
                .header("RateLimit-Limit", equalTo("60"))
                .header("X-Cache", notNullValue())
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body("data.size()", equalTo(6))
                .body("articles.size()", equalTo(6))
                .body("page", equalTo(1))
                .extract().jsonPath();
        assertEquals(body.getList("data.slug"), body.getList("articles.slug"));
        assertEquals(body.getLong("pagination.total"), body.getLong("total"));
    }

    @Test
    void everyNewsReadAnswersThroughTheGateway() {
        String slug = given().get("/api/news?limit=1").jsonPath().getString("data[0].slug");
        for (String path : List.of("/api/news/" + slug, "/api/news/featured/list", "/api/news/trending/list",
                "/api/news/categories/list", "/api/news/tags/list", "/api/news?category=reviews&tag=suv&search=review")) {
            given().get(path).then().statusCode(200).header("RateLimit-Limit", equalTo("60"));
        }
        given().get("/api/news/no-such-article").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/news?limit=abc").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("limit"));
    }

    @Test
    void anArticleIsNeverAnEdgeHitSoEveryReadIsCountedWhileListsAre() throws InterruptedException {
        String slug = given().get("/api/news?limit=1&page=1").jsonPath().getString("data[0].slug");
        String list = null;
        for (int i = 0; i < 50 && !"EDGE-HIT".equals(list); i++) { // the edge stores a fill just after answering it
            Thread.sleep(i == 0 ? 0 : 20);
            list = given().get("/api/news?limit=1&page=1").header("X-Cache");
        }
        assertEquals("EDGE-HIT", list, "a news list is held at the edge");
        given().get("/api/news/" + slug).then().statusCode(200);
        Thread.sleep(200); // time enough for a (wrong) edge store to land
        given().get("/api/news/" + slug).then().statusCode(200)
                .header("Cache-Control", containsString("private"))
                .header("X-Cache", not(equalTo("EDGE-HIT")));
    }

    @Test
    void newsIsReadOnlyOnThePublicRoute() {
        given().contentType("application/json").body("{}").post("/api/news").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", containsString("GET"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/articles", "/api/admin/categories", "/api/admin/tags", "/api/admin/authors",
                            "/api/admin/articles/article-x"})
    void newsAdminPathsNeedAnEditorTokenAndGoToAdminService(String path) {
        stub.register(any(urlPathMatching("/admin-service/api/admin/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + token(Set.of("viewer"))).get(path).then().statusCode(403)
                .contentType("application/problem+json");
        stub.verifyThat(exactly(0), anyRequestedFor(urlPathEqualTo("/admin-service" + path)));

        // editors run the news desk (admin-service itself keeps deletes of categories, tags, authors to admins)
        String editor = token(Set.of("editor"));
        given().header("Authorization", "Bearer " + editor).get(path).then().statusCode(200);
        given().header("Authorization", "Bearer " + adminToken()).get(path).then().statusCode(200);
        given().header("Authorization", "Bearer " + editor).contentType("application/json").body("{\"title\":\"x\"}")
                .patch(path).then().statusCode(200)
                .header("RateLimit-Limit", equalTo("20")); // a write counts against the modify limit
        stub.verifyThat(exactly(3), anyRequestedFor(urlPathEqualTo("/admin-service" + path)));
    }

    @Test
    void thePublicApiDescriptionListsTheNewsReads() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/news"))
                .body("paths", hasKey("/api/news/{slug}"))
                .body("paths", hasKey("/api/news/trending/list"));
    }
}
