package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every error is application/problem+json with type, title, status and detail, including those the HTTP
 * layer or the framework answers before any resource runs (URI or headers too long, wrong method, an
 * Accept nobody serves, a malformed parameter encoding).
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ErrorResponsesTests {

    record Case(String name, int status, java.util.function.Function<RequestSpecification, io.restassured.response.Response> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                new Case("414 URI longer than 8 KB", 414, r -> r.get("/api/brands?q=" + "a".repeat(9000))),
                // the HTTP decoder's default 4 KB line would have refused this with an empty 414 before any code ran
                new Case("400 naming the parameter for a 5 KB id", 400, r -> r.get("/api/variants/" + "v".repeat(5000))),
                new Case("431 headers over 16 KB", 431, r -> r.header("X-Big", "b".repeat(17_000)).get("/api/brands")),
                new Case("431 many headers adding up", 431, r -> {
                    for (int i = 0; i < 40; i++) {
                        r = r.header("X-Part-" + i, "p".repeat(500));
                    }
                    return r.get("/api/brands");
                }),
                new Case("405 DELETE on a list", 405, r -> r.delete("/api/brands")),
                new Case("405 POST on a detail", 405, r -> r.contentType("application/json").body("{}").post("/api/models/model-x")),
                new Case("405 PUT on stats", 405, r -> r.contentType("application/json").body("{}").put("/api/stats")),
                new Case("406 Accept that no endpoint produces", 406, r -> r.accept("text/html").get("/api/brands")),
                new Case("406 Accept XML", 406, r -> r.accept("application/xml").get("/api/variants/variant-x")),
                new Case("400 malformed percent-encoding in a parameter", 400, r -> raw("GET /api/brands?limit=%zz HTTP/1.1")),
                new Case("400 malformed percent-encoding in the path", 400, r -> raw("GET /api/brands/%zz HTTP/1.1")),
                new Case("400 truncated percent-encoding", 400, r -> raw("GET /api/search?q=ab% HTTP/1.1")),
                new Case("400 a character a URI cannot hold", 400, r -> raw("GET /api/search?q=a{b HTTP/1.1")),
                new Case("404 unknown path", 404, r -> r.get("/api/nothing-here"))
        ).map(Arguments::of);
    }

    /** What RestAssured and java.net refuse to send: the request line as a client wrote it. */
    private static io.restassured.response.Response raw(String requestLine) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headersEnd = reply.indexOf("\r\n\r\n");
            String head = reply.substring(0, headersEnd < 0 ? reply.length() : headersEnd);
            String body = headersEnd < 0 ? "" : reply.substring(headersEnd + 4);
            io.restassured.builder.ResponseBuilder response = new io.restassured.builder.ResponseBuilder()
                    .setStatusCode(Integer.parseInt(head.split(" ")[1])).setBody(body);
            head.lines().skip(1).filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .findFirst().ifPresent(l -> response.setContentType(l.substring(l.indexOf(':') + 1).trim()));
            return response.build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyErrorIsProblemJson(Case c) {
        c.send().apply(given()).then()
                .statusCode(c.status())
                .contentType("application/problem+json")
                .body("status", equalTo(c.status()))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
    }
}
