package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Trace context across the gateway with tracing on, as where OTEL_EXPORTER_OTLP_ENDPOINT names a collector
 * (common's TracingSwitch then sets what this profile sets). The test profile's collector is WireMock.
 */
@QuarkusTest
@TestProfile(TracingOnTests.On.class)
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingOnTests extends GatewayTest {

    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }
    }

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void theUpstreamJoinsTheCallersTraceUnderTheGatewaysSpanAndSpansAreExported() throws InterruptedException {
        TracingTests.stubUpload(stub, "ab");

        given().header("traceparent", TracingTests.CALLER_TRACEPARENT).get(TracingTests.upload("ab")).then().statusCode(200);

        Matcher forwarded = traceparent(TracingTests.upstreamRequest(
                stub.find(getRequestedFor(urlPathEqualTo(TracingTests.upstreamPath("ab"))))));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", forwarded.group(1), "the caller's trace");
        assertNotEquals("00f067aa0ba902b7", forwarded.group(2), "under the gateway's span, not the caller's");

        List<LoggedRequest> exports = List.of();
        for (int i = 0; i < 200 && exports.isEmpty(); i++) {
            Thread.sleep(25);
            exports = stub.find(postRequestedFor(urlPathEqualTo("/otlp/v1/traces")));
        }
        assertFalse(exports.isEmpty(), "spans exported to the collector");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceTheUpstreamJoins() {
        TracingTests.stubUpload(stub, "cd");

        given().get(TracingTests.upload("cd")).then().statusCode(200);

        traceparent(TracingTests.upstreamRequest(stub.find(getRequestedFor(urlPathEqualTo(TracingTests.upstreamPath("cd"))))));
    }

    @Test
    void aMalformedTraceparentIsReplacedNotRelayed() {
        TracingTests.stubUpload(stub, "ef");

        given().header("traceparent", "not-a-trace").get(TracingTests.upload("ef")).then().statusCode(200);

        traceparent(TracingTests.upstreamRequest(stub.find(getRequestedFor(urlPathEqualTo(TracingTests.upstreamPath("ef"))))));
    }

    private static Matcher traceparent(LoggedRequest seen) {
        assertEquals(1, seen.header("traceparent").values().size(), "one traceparent: " + seen.header("traceparent"));
        Matcher matcher = TRACEPARENT.matcher(seen.getHeader("traceparent"));
        assertTrue(matcher.matches(), "upstream got traceparent " + seen.getHeader("traceparent"));
        return matcher;
    }
}
