package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Requests the gateway refuses itself, and bodies it must pass on untouched. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class BadInputTests extends GatewayTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void oversizedUrlIs414ProblemJson() {
        given().get("/api/brands?q=" + "x".repeat(9000)).then().statusCode(414)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(414))
                .header("X-Content-Type-Options", org.hamcrest.Matchers.equalTo("nosniff"));
    }

    /**
     * Accept-Encoding is client input like any other: no spelling of it is a 5xx or an answer never finished
     * (";;;" was one: answered 500 on the platform, and a response never finished in this test).
     */
    @Test
    void malformedAcceptEncodingIsAnsweredNeverA5xx() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String acceptEncoding : List.of(";;;", ";", ",,", ";q=0", "gzip;;q=1", "q=x", "gzip;q=abc", ", ;, gzip")) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(root.toURI().resolve("/api/brands"))
                    .header("Accept-Encoding", acceptEncoding).timeout(Duration.ofSeconds(10)).build(), // a hang fails too
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, answer.statusCode(), "Accept-Encoding: " + acceptEncoding);
        }
    }

    @Test
    void oversizedHeadersAre431ProblemJson() {
        given().header("X-Padding", "y".repeat(20_000)).get("/api/brands").then().statusCode(431)
                .contentType("application/problem+json")
                .header("Strict-Transport-Security", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unknownMethodIs405ProblemJson() {
        given().request("BREW", "/api/brands").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", containsString("GET"))
                .header("X-Frame-Options", org.hamcrest.Matchers.equalTo("DENY"));
    }

    @Test
    void malformedJsonPassesThroughToTheServiceWhichAnswers400() {
        String malformed = "{\"name\": \"Tata\", ";
        stub.register(post(urlPathEqualTo("/admin-service/api/brands")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://motoroctane.com/problems/malformed-body\",\"title\":\"Malformed request body\",\"status\":400,\"parameter\":\"body\"}")));
        given().header("Authorization", "Bearer " + adminToken()).contentType("application/json").body(malformed)
                .post("/api/brands").then().statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", org.hamcrest.Matchers.equalTo("body"))
                .header("RateLimit-Limit", org.hamcrest.Matchers.equalTo("20"));
        stub.verifyThat(exactly(1), postRequestedFor(urlPathEqualTo("/admin-service/api/brands"))
                .withRequestBody(equalTo(malformed)));
    }

    @Test
    void largeUploadIsStreamedThroughByteForByte() {
        byte[] image = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(image);
        stub.register(post(urlPathEqualTo("/media-service/api/upload/image"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"processed\":true}")));
        given().header("Authorization", "Bearer " + adminToken()).contentType("application/octet-stream").body(image)
                .post("/api/upload/image").then().statusCode(201);
        byte[] received = stub.find(postRequestedFor(urlPathEqualTo("/media-service/api/upload/image"))).get(0).getBody();
        assertArrayEquals(image, received);
    }

    @Test
    void forwardedHeadersAndRequestIdReachTheService() {
        stub.register(any(urlPathEqualTo("/api/fault/echo")).willReturn(aResponse().withStatus(200)));
        given().header("X-Request-Id", "trace-fwd").header("X-Forwarded-For", "6.6.6.6").get("/api/fault/echo")
                .then().statusCode(200);
        stub.verifyThat(getRequestedFor(urlPathEqualTo("/api/fault/echo"))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Host", matching("localhost:\\d+"))
                .withHeader("X-Request-Id", equalTo("trace-fwd")));
    }
}
