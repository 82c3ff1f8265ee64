package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;
import com.motoroctane.gateway.support.RawHttp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Item 1 of issue 7: the gateway classified the raw path while the services normalise it, so other spellings
 * of a path escaped the failed-login limit, the bulk limit and the edge JWT check. Every request goes out
 * byte for byte over a socket (a client library would normalise some spellings itself).
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class CanonicalPathTests extends GatewayTest {

    @ParameterizedTest(name = "{0} reaches the service as {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/auth/x/../login              | /admin-service/api/auth/login",
        "/api/auth//login                  | /admin-service/api/auth/login",
        "/api/auth/%6cogin                 | /admin-service/api/auth/login",
        "/api/auth/%6Cogin                 | /admin-service/api/auth/login",
        "/api/auth/./login                 | /admin-service/api/auth/login",
        "/api/auth/%2e/login               | /admin-service/api/auth/login",
        "/api/auth/x/%2E%2e/login          | /admin-service/api/auth/login",
        "/api/auth/../bulk/brands          | /admin-service/api/bulk/brands",
        "/api/auth/../admin/users          | /admin-service/api/admin/users",
        "//api///fault//a%7eb%5f/          | /api/fault/a~b_/",
        "/api/fault/x/..                   | /api/fault/",
        "/api/fault/a%c3%a9%2a             | /api/fault/a%C3%A9%2A",
        "/api/fault/./x?q=%2F..%2f&y=a;b/.. | /api/fault/x?q=%2F..%2f&y=a;b/..",
    })
    void otherSpellingsReachTheServiceAsTheCanonicalPath(String spelled, String canonical) throws Exception {
        stub.register(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
        RawHttp.Response answer = RawHttp.get(RestAssured.port, spelled, "Authorization: Bearer " + adminToken());
        assertEquals(200, answer.status(), answer.body());
        List<LoggedRequest> received = stub.find(anyRequestedFor(anyUrl()));
        assertEquals(1, received.size());
        assertEquals(canonical, received.get(0).getUrl());
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
        "/api/auth/login;a=b",
        "/api/auth/login%3Ba=b",
        "/api/auth/login%3b",
        "/api/%2e%2e/x",
        "/api/../q/openapi",
        "/api/..",
        "/..",
        "/api/brands%2F..",
        "/api/brands%2f..%2fadmin",
        "/api/brands%5C..",
        "/api/brands/%00",
        "/api/brands/a%0d%0aX-Injected:%20y",
        "/api/brands/%7F",
    })
    void ambiguousSpellingsAre400ProblemJsonAndReachNobody(String spelled) throws Exception {
        stub.register(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        RawHttp.Response answer = RawHttp.get(RestAssured.port, spelled, "Authorization: Bearer " + adminToken());
        assertEquals(400, answer.status(), answer.body());
        assertThat(answer.header("Content-Type"), containsString("application/problem+json"));
        assertThat(answer.body(), containsString("ambiguous-path"));
        assertThat(answer.body(), containsString("\"detail\":\"The request path is refused: "));
        assertEquals(0, stub.find(anyRequestedFor(anyUrl())).size());
    }

    /**
     * What java.net.URI cannot parse used to be answered by Quarkus before any gateway code ran, with an empty
     * 400. Its check is off (-Dvertx.disableURIValidation=true), so CanonicalPath answers, naming what is wrong.
     */
    @ParameterizedTest(name = "{0} is refused as problem+json: {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "/api/brands\\.. => a backslash ('\\') is ambiguous",
        "/api/brands/%zz => '%zz' is not a valid percent-encoding",
        "/api/brands/%4 => '%4' is not a valid percent-encoding",
        "/api/brands/% => '%' is not a valid percent-encoding",
        "/api/brands/%g1/x => '%g1' is not a valid percent-encoding",
        "/api/brands/a|b => '|' cannot appear in a path",
        "/api/brands/<x> => '<' cannot appear in a path",
        "/api/brands/{x} => '{' cannot appear in a path",
        "/api/brands/a^b => '^' cannot appear in a path",
        "/api/brands/a\"b => '\"' cannot appear in a path",
    })
    void undecodablePathsAre400ProblemJsonNamingTheProblemAndReachNobody(String spelled, String why) throws Exception {
        stub.register(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        RawHttp.Response answer = RawHttp.get(RestAssured.port, spelled, "Authorization: Bearer " + adminToken());
        assertEquals(400, answer.status(), answer.body());
        assertThat(answer.header("Content-Type"), containsString("application/problem+json"));
        assertThat(JsonPath.from(answer.body()).getString("type"), endsWith("/ambiguous-path"));
        assertThat(JsonPath.from(answer.body()).getString("detail"), containsString(why));
        assertEquals(0, stub.find(anyRequestedFor(anyUrl())).size());
    }

    @ParameterizedTest(name = "{0} is refused as problem+json: {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "/api/brands?q=%zz => '%zz' at offset 2 is not a valid percent-encoding",
        "/api/brands?q=50% => '%' at offset 4 is not a valid percent-encoding",
        "/api/brands?q=a|b => '|' at offset 3 cannot appear in a query",
        "/api/brands?q=<x> => '<' at offset 2 cannot appear in a query",
        "/api/brands?q=a\\b => '\\' at offset 3 cannot appear in a query",
    })
    void malformedQueriesAre400ProblemJsonAndReachNobody(String spelled, String why) throws Exception {
        stub.register(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        RawHttp.Response answer = RawHttp.get(RestAssured.port, spelled);
        assertEquals(400, answer.status(), answer.body());
        assertThat(answer.header("Content-Type"), containsString("application/problem+json"));
        assertThat(answer.body(), containsString("malformed-query"));
        assertThat(JsonPath.from(answer.body()).getString("detail"), containsString(why));
        assertEquals(0, stub.find(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void failedLoginsThroughEverySpellingShareOneLimit() throws Exception {
        stub.register(post(urlPathEqualTo("/admin-service/api/auth/login")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Invalid credentials\"}")));
        String[] spellings = {"/api/auth/x/../login", "/api/auth//login", "/api/auth/%6cogin", "/api/auth/%6Cogin",
            "/api/auth/./login"};
        for (int i = 0; i < spellings.length; i++) {
            // a different account each time: only the per-client count can add up to the limit
            RawHttp.Response answer = login(spellings[i], "user" + i + "@motoroctane.com");
            assertEquals(401, answer.status(), spellings[i]);
            assertEquals("5;w=900", answer.header("RateLimit-Policy"), spellings[i] + " is counted as a login");
        }
        RawHttp.Response sixth = login("/api/auth/login", "user6@motoroctane.com");
        assertEquals(429, sixth.status());
        assertThat(sixth.header("Content-Type"), containsString("application/problem+json"));
        assertEquals(5, stub.find(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void theBulkLimitHoldsForADotSegmentSpelling() throws Exception {
        stub.register(post(urlPathEqualTo("/admin-service/api/bulk/brands")).willReturn(aResponse().withStatus(200)));
        String token = adminToken();
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + token).post("/api/bulk/brands").then().statusCode(200);
        }
        for (int i = 0; i < 5; i++) {
            RawHttp.Response answer = RawHttp.send(RestAssured.port, "POST", "/api/auth/../bulk/brands", new byte[0],
                    "Authorization: Bearer " + token);
            assertEquals(200, answer.status());
            assertEquals("10;w=3600", answer.header("RateLimit-Policy"));
        }
        RawHttp.Response eleventh = RawHttp.send(RestAssured.port, "POST", "/api/auth/../bulk/brands", new byte[0],
                "Authorization: Bearer " + token);
        assertEquals(429, eleventh.status());
        assertEquals(10, stub.find(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void adminPathsReachedThroughADotSegmentStillNeedAToken() throws Exception {
        stub.register(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        for (String spelled : new String[] {"/api/auth/../admin/users", "/api/auth/%2e%2e/admin/users",
            "/api/brands/../admin/export", "/api/auth//..//admin/users"}) {
            RawHttp.Response answer = RawHttp.get(RestAssured.port, spelled);
            assertEquals(401, answer.status(), spelled);
            assertEquals("Bearer", answer.header("WWW-Authenticate"));
            assertThat(answer.header("Content-Type"), containsString("application/problem+json"));
        }
        assertEquals(0, stub.find(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void theGatewaysOwnAdminEndpointsCannotBeReachedAroundTheirCheck() throws Exception {
        for (String spelled : new String[] {"/api/brands/../monitoring/stats", "/api/monitoring//metrics",
            "/api/monitoring/%6detrics"}) {
            RawHttp.Response answer = RawHttp.get(RestAssured.port, spelled);
            assertEquals(401, answer.status(), spelled);
            assertNotNull(answer.header("RateLimit-Limit"), "counted like any public request");
        }
    }

    private static RawHttp.Response login(String target, String email) throws Exception {
        byte[] body = ("{\"email\":\"" + email + "\",\"password\":\"wrong\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response answer = RawHttp.send(RestAssured.port, "POST", target, body, "Content-Type: application/json");
        assertTrue(answer.status() > 0);
        return answer;
    }
}
