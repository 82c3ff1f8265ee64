package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * W3C trace context across the gateway as it runs by default: no OTEL_EXPORTER_OTLP_ENDPOINT, so the
 * OpenTelemetry SDK is "disabled" (Quarkus still makes spans and propagates their context, but has no span
 * processor and no exporter). WireMock stands in for media-service (the route with a patient read timeout)
 * to show what a service behind the gateway receives, and for a collector that must never be called.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingTests extends GatewayTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void anIncomingTraceparentReachesTheUpstreamInTheSameTraceUnderTheGatewaysSpan() {
        stub.register(get(urlPathEqualTo(upstreamPath("ab"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/webp").withBody(new byte[16])));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";

        given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .get(upload("ab")).then().statusCode(200);

        Matcher forwarded = forwardedTraceparent(upstreamPath("ab"));
        assertEquals(traceId, forwarded.group(1), "the upstream's work belongs to the caller's trace");
        assertNotEquals(callerSpan, forwarded.group(2), "its parent is the gateway's span, not the caller's");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceTheUpstreamJoins() {
        stub.register(get(urlPathEqualTo(upstreamPath("cd"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/webp").withBody(new byte[16])));

        given().get(upload("cd")).then().statusCode(200);

        Matcher forwarded = forwardedTraceparent(upstreamPath("cd"));
        assertNotEquals("00000000000000000000000000000000", forwarded.group(1));
    }

    @Test
    void aMalformedTraceparentIsReplacedNotRelayed() {
        stub.register(get(urlPathEqualTo(upstreamPath("ef"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/webp").withBody(new byte[16])));

        given().header("traceparent", "not-a-trace").get(upload("ef")).then().statusCode(200);

        forwardedTraceparent(upstreamPath("ef"));
    }

    @Test
    void nothingIsExportedWhileNoCollectorIsNamed() throws InterruptedException {
        stub.register(get(urlPathEqualTo(upstreamPath("0a"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/webp").withBody(new byte[16])));
        for (int i = 0; i < 3; i++) {
            given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                    .get(upload("0a")).then().statusCode(200);
        }
        // the test profile points the exporter at WireMock with a 10 ms batch delay: an exporter, were there
        // one, would have posted these spans many times over by now
        Thread.sleep(1000);
        assertEquals(List.of(), stub.find(postRequestedFor(urlPathMatching("/otlp.*"))));
    }

    /** The path the gateway asks media-service for when a client reads {@link #upload}. */
    private static String upstreamPath(String digit) {
        return "/media-service" + upload(digit);
    }

    private static String upload(String digit) {
        return "/uploads/images/" + digit.repeat(32);
    }

    private Matcher forwardedTraceparent(String upstreamPath) {
        List<LoggedRequest> seen = stub.find(getRequestedFor(urlPathEqualTo(upstreamPath)));
        assertEquals(1, seen.size());
        assertEquals(1, seen.get(0).header("traceparent").values().size(), "one traceparent, not the caller's and ours");
        String header = seen.get(0).getHeader("traceparent");
        Matcher matcher = TRACEPARENT.matcher(String.valueOf(header));
        assertTrue(matcher.matches(), "upstream got traceparent " + header);
        return matcher;
    }
}
