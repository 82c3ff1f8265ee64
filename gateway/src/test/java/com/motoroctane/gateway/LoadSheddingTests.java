package com.motoroctane.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;
import com.motoroctane.gateway.support.RawHttp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Item 10 of issue 7 for the load-shedding 503: quarkus-load-shedding writes that answer itself (an empty
 * body, no hook for one), so the edge adds what it can: Retry-After, no-store and the gateway's headers.
 * With a concurrency limit of one, a second request while one is held open is shed, every time.
 */
@QuarkusTest
@TestProfile(LoadSheddingTests.OneAtATime.class)
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class LoadSheddingTests extends GatewayTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // priority shedding would spare requests while the CPU is idle; the plain limit is deterministic
            return Map.of("quarkus.load-shedding.max-limit", "1", "quarkus.load-shedding.initial-limit", "1",
                    "quarkus.load-shedding.priority.enabled", "false");
        }
    }

    @Test
    void aShedRequestIs503WithRetryAfterAndTheGatewaysHeaders() throws Exception {
        Socket held = null;
        try {
            RawHttp.Response shed = null;
            for (int attempt = 0; attempt < 50 && shed == null; attempt++) {
                if (held == null || answered(held)) {
                    // the held request itself was shed (a probe was in flight when it arrived): hold another
                    if (held != null) {
                        held.close();
                    }
                    held = holdOne();
                }
                RawHttp.Response probe = RawHttp.get(RestAssured.port, "/api/monitoring/live");
                if (probe.status() == 503) {
                    shed = probe;
                }
            }
            assertNotNull(shed, "never shed while a request was held open");
            assertEquals("1", shed.header("Retry-After"));
            assertEquals("no-store", shed.header("Cache-Control"));
            assertNotNull(shed.header("X-Request-Id"));
            assertEquals("nosniff", shed.header("X-Content-Type-Options"));
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    /**
     * The gateway reads a login's body whole before anything else (to key its limit by account), so one that
     * never completes keeps the request in flight at the gateway: it fills the limit of one.
     */
    private static Socket holdOne() throws Exception {
        Socket held = new Socket("127.0.0.1", RestAssured.port);
        OutputStream out = held.getOutputStream();
        out.write(("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return held;
    }

    /** A held request never gets an answer unless it was shed on arrival. */
    private static boolean answered(Socket held) throws Exception {
        return held.getInputStream().available() > 0;
    }
}
