package com.motoroctane.admin.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Logins shared by the tests: one account per role, created once through the API by the super_admin. */
public abstract class AdminTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    public static final String PASSWORD = "Test-pass-1!";

    protected static String login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    protected static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> {
            String root = login(AdminTestResource.EMAIL, AdminTestResource.PASSWORD);
            if ("super_admin".equals(r)) {
                return root;
            }
            String email = r + "-" + UUID.randomUUID().toString().substring(0, 8) + "@motoroctane.test";
            given().auth().oauth2(root).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", PASSWORD, "name", r, "role", r))
                    .post("/api/admin/users").then().statusCode(201);
            return login(email, PASSWORD);
        });
    }

    /** A fresh account of {@code role}, for tests that change or end it (the shared logins must stay valid). */
    protected static String newAccount(String role) {
        String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@motoroctane.test";
        as("super_admin").body(Map.of("email", email, "password", PASSWORD, "name", "U", "role", role))
                .post("/api/admin/users").then().statusCode(201)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("password")));
        return email;
    }

    protected static Response loginResponse(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
    }

    /** A claim of a token we issued, read without verifying (the server verifies). */
    protected static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(payload);
        return m.find() ? m.group(1) : null;
    }

    protected static RequestSpecification as(String role) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return role == null ? spec : spec.auth().oauth2(token(role));
    }

    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
