package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;
import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;
import com.motoroctane.gateway.support.RawHttp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Item 10 of issue 7: every answer the gateway makes itself is application/problem+json with a detail
 * that says what was wrong (the 413 used to be an empty body). Walks each kind of refusal once.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class ErrorShapeTests extends GatewayTest {

    private record Answer(int status, String contentType, String body) {
    }

    @Test
    void everyErrorTheGatewayMakesIsProblemJsonWithADetail() {
        stub.register(get(urlPathEqualTo("/api/fault/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        stub.register(get(urlPathEqualTo("/api/fault/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stub.register(get(urlPathEqualTo("/api/fault/huge-headers")).willReturn(aResponse().withStatus(200)
                .withHeader("Surrogate-Key", "k".repeat(40_000))));
        stub.register(post(urlPathEqualTo("/admin-service/api/auth/login")).willReturn(aResponse().withStatus(401)));

        Map<Integer, Supplier<Answer>> cases = new LinkedHashMap<>();
        cases.put(400, () -> raw("GET", "/api/brands/%2F..", null));
        cases.put(401, () -> restAssured(given().get("/api/admin/users")));
        cases.put(403, () -> restAssured(given().header("Authorization", "Bearer " + token(Set.of("viewer")))
                .get("/api/admin/users")));
        cases.put(404, () -> restAssured(given().get("/api/nothing-here")));
        cases.put(405, () -> restAssured(given().post("/api/compare")));
        cases.put(413, () -> raw("POST", "/api/auth/refresh", "Content-Length: 20000000"));
        cases.put(414, () -> restAssured(given().get("/api/brands?q=" + "x".repeat(9000))));
        cases.put(431, () -> restAssured(given().header("X-Padding", "y".repeat(20_000)).get("/api/brands")));
        cases.put(429, () -> {
            for (int i = 0; i < 5; i++) {
                given().contentType("application/json").body("{\"email\":\"e@motoroctane.com\"}").post("/api/auth/login");
            }
            return restAssured(given().contentType("application/json").body("{\"email\":\"e@motoroctane.com\"}")
                    .post("/api/auth/login"));
        });
        cases.put(502, () -> restAssured(given().get("/api/fault/huge-headers")));
        cases.put(503, () -> restAssured(given().get("/api/compare")));
        cases.put(504, () -> restAssured(given().get("/api/fault/slow")));

        List<String> wrong = new ArrayList<>();
        cases.forEach((status, call) -> {
            Answer answer = call.get();
            String detail = answer.status() == status && answer.body().startsWith("{")
                    ? JsonPath.from(answer.body()).getString("detail") : null;
            if (answer.status() != status || answer.contentType() == null
                    || !answer.contentType().startsWith("application/problem+json") || detail == null || detail.isBlank()) {
                wrong.add(status + " -> " + answer);
            }
        });
        assertTrue(wrong.isEmpty(), "not problem+json with a detail: " + wrong);
        assertEquals(12, cases.size());
    }

    private static Answer restAssured(io.restassured.response.Response response) {
        return new Answer(response.statusCode(), response.contentType(), response.asString());
    }

    private static Answer raw(String method, String target, String header) {
        try {
            RawHttp.Response answer = header == null ? RawHttp.send(RestAssured.port, method, target, null)
                    : RawHttp.send(RestAssured.port, method, target, null, header);
            return new Answer(answer.status(), answer.header("Content-Type"), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
