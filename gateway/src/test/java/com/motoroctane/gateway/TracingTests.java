package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
 * W3C trace context across the gateway, with the OpenTelemetry SDK on as it is where a collector is
 * configured (the test profile turns it on and exports nowhere). The WireMock upstream shows what a
 * service behind the gateway receives.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingTests extends GatewayTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void anIncomingTraceparentReachesTheUpstreamInTheSameTraceUnderTheGatewaysSpan() {
        stub.register(get(urlPathEqualTo("/api/fault/traced")).willReturn(aResponse().withStatus(200).withBody("{}")));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";

        given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .get("/api/fault/traced").then().statusCode(200);

        Matcher forwarded = forwardedTraceparent("/api/fault/traced");
        assertEquals(traceId, forwarded.group(1), "the upstream's work belongs to the caller's trace");
        assertNotEquals(callerSpan, forwarded.group(2), "its parent is the gateway's span, not the caller's");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceTheUpstreamJoins() {
        stub.register(get(urlPathEqualTo("/api/fault/untraced")).willReturn(aResponse().withStatus(200).withBody("{}")));

        given().get("/api/fault/untraced").then().statusCode(200);

        Matcher forwarded = forwardedTraceparent("/api/fault/untraced");
        assertNotEquals("00000000000000000000000000000000", forwarded.group(1));
    }

    @Test
    void aMalformedTraceparentIsReplacedNotRelayed() {
        stub.register(get(urlPathEqualTo("/api/fault/garbled")).willReturn(aResponse().withStatus(200).withBody("{}")));

        given().header("traceparent", "not-a-trace").get("/api/fault/garbled").then().statusCode(200);

        forwardedTraceparent("/api/fault/garbled");
    }

    private Matcher forwardedTraceparent(String path) {
        List<LoggedRequest> seen = stub.find(getRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, seen.size());
        String header = seen.get(0).getHeader("traceparent");
        Matcher matcher = TRACEPARENT.matcher(String.valueOf(header));
        assertTrue(matcher.matches(), "upstream got traceparent " + header);
        return matcher;
    }
}
