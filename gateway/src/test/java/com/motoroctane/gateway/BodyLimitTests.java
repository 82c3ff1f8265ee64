package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;
import com.motoroctane.gateway.support.RawHttp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Item 8 of issue 7: only a declared Content-Length was checked, so an 11 MB chunked body reached the
 * unauthenticated /api/auth/refresh. Bytes are now counted while they stream.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class BodyLimitTests extends GatewayTest {

    private static final int LIMIT = 10 * 1024 * 1024;

    @Test
    void anElevenMegabyteChunkedBodyIs413AndNeverReachesTheService() throws Exception {
        stub.register(post(urlPathEqualTo("/admin-service/api/auth/refresh")).willReturn(aResponse().withStatus(200)));
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/refresh HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> sendChunks(out, 11 * 1024 * 1024));
            sender.start();
            RawHttp.Response answer = RawHttp.read(socket.getInputStream());
            sender.join(30_000);
            assertEquals(413, answer.status(), answer.body());
            assertThat(answer.header("Content-Type"), containsString("application/problem+json"));
            assertThat(answer.body(), containsString("\"type\":\"https://motoroctane.com/problems/body-too-large\""));
            assertThat(answer.body(), containsString("more than " + LIMIT + " bytes"));
        }
        assertEquals(0, stub.find(postRequestedFor(urlPathEqualTo("/admin-service/api/auth/refresh"))).size(),
                "the service never receives a complete oversized body");
    }

    @Test
    void aDeclaredOversizedBodyIs413ProblemJsonBeforeAnythingIsRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/auth/refresh HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            RawHttp.Response answer = RawHttp.read(socket.getInputStream());
            assertEquals(413, answer.status());
            assertThat(answer.header("Content-Type"), containsString("application/problem+json"));
            assertThat(answer.body(), containsString("declares " + (LIMIT + 1) + " bytes"));
        }
        assertEquals(0, stub.find(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRelayedByteForByte() throws Exception {
        stub.register(post(urlPathEqualTo("/admin-service/api/auth/refresh")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
        byte[] body = new byte[1024 * 1024 + 17];
        new Random(3).nextBytes(body);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/refresh HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 65536) {
                int size = Math.min(65536, body.length - at);
                out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, size);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(200, RawHttp.read(socket.getInputStream()).status());
        }
        byte[] received = stub.find(postRequestedFor(urlPathEqualTo("/admin-service/api/auth/refresh"))).get(0).getBody();
        assertArrayEquals(body, received);
    }

    /** Writes {@code total} bytes as 64 KB chunks; the gateway may cut the connection midway, which is fine. */
    private static void sendChunks(OutputStream out, int total) {
        byte[] chunk = new byte[65536];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try {
            for (int sent = 0; sent < total; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException cutOff) {
            // the gateway answered and closed: exactly what a client over the limit should expect
        }
    }
}
