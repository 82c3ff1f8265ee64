package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Image delivery through the gateway: media-service's caching and negotiation headers (Vary, immutable
 * Cache-Control, ETag, Content-Range) reach the client untouched, the client's Accept and Range reach
 * media-service, and image bytes are never re-encoded (no compression of a 206).
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class MediaThroughGatewayTests extends GatewayTest {

    private static final String PATH = "/uploads/images/" + "ab".repeat(32);

    @Test
    void negotiatedRangeRequestPassesHeadersBothWays() {
        byte[] image = new byte[4096];
        new Random(3).nextBytes(image);
        byte[] part = Arrays.copyOfRange(image, 0, 100);
        stub.register(get(urlPathEqualTo("/media-service" + PATH)).willReturn(aResponse().withStatus(206)
                .withHeader("Content-Type", "image/avif").withHeader("Vary", "Accept")
                .withHeader("Cache-Control", "public, max-age=31536000, immutable")
                .withHeader("ETag", "\"images-ab-w640.avif\"").withHeader("Accept-Ranges", "bytes")
                .withHeader("Content-Range", "bytes 0-99/4096").withHeader("Surrogate-Key", "media:abab")
                .withBody(part)));

        byte[] received = given().header("Accept", "image/avif,image/webp,*/*").header("Accept-Encoding", "gzip")
                .header("Range", "bytes=0-99").when().get(PATH + "?w=640").then().statusCode(206)
                .header("Content-Type", "image/avif").header("Vary", org.hamcrest.Matchers.containsString("Accept"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"images-ab-w640.avif\"").header("Content-Range", "bytes 0-99/4096")
                .header("Content-Encoding", org.hamcrest.Matchers.not(org.hamcrest.Matchers.equalToIgnoringCase("gzip")))
                .extract().asByteArray();
        assertArrayEquals(part, received);
        stub.verifyThat(getRequestedFor(urlPathEqualTo("/media-service" + PATH))
                .withQueryParam("w", equalTo("640"))
                .withHeader("Accept", equalTo("image/avif,image/webp,*/*"))
                .withHeader("Range", equalTo("bytes=0-99")));
    }

    @Test
    void notModifiedPassesThrough() {
        stub.register(get(urlPathEqualTo("/media-service" + PATH)).withHeader("If-None-Match", equalTo("\"e1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"e1\"").withHeader("Vary", "Accept")
                        .withHeader("Cache-Control", "public, max-age=31536000, immutable")));
        given().header("If-None-Match", "\"e1\"").when().get(PATH).then().statusCode(304).header("ETag", "\"e1\"")
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }
}
