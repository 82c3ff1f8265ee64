package com.motoroctane.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.motoroctane.admin.support.AdminTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * admin-service's own failed-login limit per client IP, so calling it around the gateway gains nothing.
 * The test profile trusts only 127.0.0.1 as a proxy; a request from 127.0.0.2 is a direct caller.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class LoginThrottleTests extends AdminTest {

    private static int limit() {
        return ConfigProvider.getConfig().getValue("admin.login.ip-failures", Integer.class);
    }

    /** A request whose socket peer is {@code source} (any 127/8 address is this machine). */
    private static RequestSpecification from(String source) {
        try {
            RestAssuredConfig config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", InetAddress.getByName(source)));
            return given().config(config).baseUri("http://127.0.0.1").contentType(ContentType.JSON);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The right password for the root account; never a wrong one, which would lock the account itself. */
    private static Response login(RequestSpecification request, String password) {
        return request.body(Map.of("email", AdminTestResource.EMAIL, "password", password)).post("/api/auth/login");
    }

    /** A guess at an account that does not exist: a failed login for the IP, and no account backs off. */
    private static Response guess(RequestSpecification request, int i) {
        return request.body(Map.of("email", "nobody-" + i + "@motoroctane.test", "password", "Wrong-guess-" + i + "!"))
                .post("/api/auth/login");
    }

    private static String documentationAddress() {
        // TEST-NET-3 (RFC 5737): never a real client
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private static void assertThrottled(Response response) {
        response.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("detail", containsString("Too many failed logins"));
        int retryAfter = Integer.parseInt(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60 + 1, "Retry-After " + retryAfter);
    }

    @Test
    void aDirectCallerIsThrottledWhateverXForwardedForItSends() {
        String direct = "127.0.0." + ThreadLocalRandom.current().nextInt(2, 250);
        for (int i = 0; i < limit(); i++) {
            // a new "client" every time, claimed by a peer nobody trusts: all counted against the peer
            guess(from(direct).header("X-Forwarded-For", documentationAddress()), i).then().statusCode(401);
        }
        assertThrottled(guess(from(direct).header("X-Forwarded-For", documentationAddress()), -1));
        // even the right password: a throttled address learns nothing
        assertThrottled(login(from(direct), AdminTestResource.PASSWORD));
        // the limit is the address's, not everyone's
        login(from("127.0.0.1").header("X-Forwarded-For", documentationAddress()), AdminTestResource.PASSWORD)
                .then().statusCode(200);
    }

    @Test
    void behindTheTrustedProxyTheClientIsTheRightMostUntrustedHop() {
        String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < limit(); i++) {
            // the client wrote the left part itself; the proxy appended the address it saw
            guess(from("127.0.0.1").header("X-Forwarded-For", documentationAddress() + ", " + client), i)
                    .then().statusCode(401);
        }
        assertThrottled(guess(from("127.0.0.1").header("X-Forwarded-For", documentationAddress() + ", " + client), -1));
        assertThrottled(login(from("127.0.0.1").header("X-Forwarded-For", client), AdminTestResource.PASSWORD));
    }

    @Test
    void inputErrorsDoNotCountAsFailedLogins() {
        String client = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < limit() + 1; i++) {
            from("127.0.0.1").header("X-Forwarded-For", client)
                    .body(Map.of("email", "nobody@motoroctane.test", "password", "x".repeat(73)))
                    .post("/api/auth/login").then().statusCode(400);
        }
        login(from("127.0.0.1").header("X-Forwarded-For", client), AdminTestResource.PASSWORD).then().statusCode(200);
    }
}
