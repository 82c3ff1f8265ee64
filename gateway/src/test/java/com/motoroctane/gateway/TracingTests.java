package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Trace context across the gateway as it runs by default: no OTEL_EXPORTER_OTLP_ENDPOINT, so the OpenTelemetry
 * SDK is off. The caller's W3C headers still reach the service behind, so its spans (where tracing is on) join
 * the caller's trace, and nothing is exported. WireMock stands in for media-service (the route with a patient
 * read timeout) and for a collector that must not be called. {@link TracingOnTests}: the same with tracing on.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingTests extends GatewayTest {

    static final String CALLER_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theCallersTraceContextReachesTheUpstreamUntouched() {
        stubUpload(stub, "ab");

        given().header("traceparent", CALLER_TRACEPARENT).header("tracestate", "vendor=1")
                .get(upload("ab")).then().statusCode(200);

        LoggedRequest seen = upstreamRequest(stub.find(getRequestedFor(urlPathEqualTo(upstreamPath("ab")))));
        assertEquals(List.of(CALLER_TRACEPARENT), seen.header("traceparent").values());
        assertEquals(List.of("vendor=1"), seen.header("tracestate").values());
    }

    @Test
    void withoutACallerTraceNoneIsMadeUp() {
        stubUpload(stub, "cd");

        given().get(upload("cd")).then().statusCode(200);

        LoggedRequest seen = upstreamRequest(stub.find(getRequestedFor(urlPathEqualTo(upstreamPath("cd")))));
        assertFalse(seen.containsHeader("traceparent"), "tracing is off: " + seen.getHeader("traceparent"));
    }

    @Test
    void nothingIsExportedWhileNoCollectorIsNamed() throws InterruptedException {
        stubUpload(stub, "0a");
        for (int i = 0; i < 3; i++) {
            given().header("traceparent", CALLER_TRACEPARENT).get(upload("0a")).then().statusCode(200);
        }
        // the test profile points the exporter at WireMock with a 10 ms batch delay: an exporter, were there
        // one, would have posted these requests' spans many times over by now (TracingOnTests sees it do so)
        Thread.sleep(1000);
        assertEquals(List.of(), stub.find(postRequestedFor(urlPathMatching("/otlp.*"))));
    }

    /** Media-service's stand-in answers a picture at {@link #upstreamPath}. */
    static void stubUpload(WireMock stub, String digit) {
        stub.register(get(urlPathEqualTo(upstreamPath(digit))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/webp").withBody(new byte[16])));
    }

    /** The path the gateway asks media-service for when a client reads {@link #upload}. */
    static String upstreamPath(String digit) {
        return "/media-service" + upload(digit);
    }

    static String upload(String digit) {
        return "/uploads/images/" + digit.repeat(32);
    }

    static LoggedRequest upstreamRequest(List<LoggedRequest> seen) {
        assertEquals(1, seen.size(), "requests upstream");
        return seen.get(0);
    }
}
