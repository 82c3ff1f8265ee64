package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** CORS, and JWT at the edge for admin paths. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class SecurityTests extends GatewayTest {

    @Test
    void listedOriginGetsCorsHeadersWithCredentialsAndExposedHeaders() {
        given().header("Origin", "https://www.motoroctane.com").get("/api/stats").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://www.motoroctane.com"))
                .header("Access-Control-Allow-Credentials", equalTo("true"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("X-Cache"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Vary", containsString("Origin"));
    }

    @Test
    void unlistedOriginGetsNoAllowOrigin() {
        given().header("Origin", "https://evil.example").get("/api/stats").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void preflightIsAnsweredAtTheGatewayWithoutTheService() {
        stub.register(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        given().header("Origin", "https://www.motoroctane.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .options("/api/fault/anything").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("https://www.motoroctane.com"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/fault/anything").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        stub.verifyThat(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void adminPathWithoutTokenIs401ProblemJson() {
        given().get("/api/admin/articles").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .header("Strict-Transport-Security", containsString("max-age"));
        given().contentType("application/json").body("{}").post("/api/brands").then().statusCode(401);
    }

    @Test
    void forgedTokenIs401() {
        String token = adminToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().header("Authorization", "Bearer " + forged).get("/api/admin/articles").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void expiredTokenIs401() {
        given().header("Authorization", "Bearer " + expiredToken()).get("/api/admin/articles").then().statusCode(401);
    }

    @Test
    void tokenWithoutAdminRoleIs403() {
        given().header("Authorization", "Bearer " + token(Set.of("editor"))).get("/api/admin/users").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void editorsMayWriteCatalogueDocumentsButNotAdminPaths() {
        stub.register(any(urlPathEqualTo("/admin-service/api/models")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        given().header("Authorization", "Bearer " + token(Set.of("editor"))).contentType("application/json").body("{}")
                .post("/api/models").then().statusCode(201);
        given().header("Authorization", "Bearer " + token(Set.of("viewer"))).contentType("application/json").body("{}")
                .post("/api/models").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token(Set.of("editor"))).post("/api/bulk/models").then().statusCode(403);
    }

    @Test
    void anyValidTokenMayReadItsOwnAccount() {
        stub.register(any(urlPathEqualTo("/admin-service/api/auth/me")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        given().header("Authorization", "Bearer " + token(Set.of("editor"))).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void validAdminTokenFromHeaderOrCookieIsForwardedWithIt() {
        stub.register(any(urlPathEqualTo("/admin-service/api/admin/articles")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        String token = adminToken();
        given().header("Authorization", "Bearer " + token).get("/api/admin/articles").then().statusCode(200);
        given().cookie("token", token).get("/api/admin/articles").then().statusCode(200);
        stub.verifyThat(exactly(1), getRequestedFor(urlPathEqualTo("/admin-service/api/admin/articles"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token)));
        stub.verifyThat(exactly(2), getRequestedFor(urlPathEqualTo("/admin-service/api/admin/articles")));
    }

    /** The shared rule (common AccessTokens): an explicit Authorization header wins over an ambient cookie. */
    @Test
    void theBearerHeaderIsJudgedBeforeTheCookieAndANonBearerHeaderFallsBackToIt() {
        stub.register(any(urlPathEqualTo("/admin-service/api/admin/articles")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        String valid = adminToken();
        given().header("Authorization", "Bearer " + expiredToken()).cookie("token", valid)
                .get("/api/admin/articles").then().statusCode(401);
        given().header("Authorization", "Bearer " + valid).cookie("token", expiredToken())
                .get("/api/admin/articles").then().statusCode(200);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").cookie("token", valid)
                .get("/api/admin/articles").then().statusCode(200);
    }

    @Test
    void catalogueReadsNeedNoToken() {
        given().get("/api/brands?limit=1").then().statusCode(200);
    }
}
