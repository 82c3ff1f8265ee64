package com.motoroctane.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.motoroctane.admin.support.AdminTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class AuthTests extends AdminTest {

    @Test
    void loginSetsHttpOnlyCookiesAndReturnsTokens() {
        Response r = loginResponse(AdminTestResource.EMAIL, AdminTestResource.PASSWORD);
        r.then().statusCode(200).body("token", notNullValue()).body("refreshToken", notNullValue())
                .body("user.role", equalTo("super_admin")).body("user", not(hasKey("password")));
        String cookies = String.join("\n", r.headers().getValues("Set-Cookie"));
        assertEquals(true, cookies.contains("token=") && cookies.contains("refreshToken=") && cookies.contains("HttpOnly")
                && cookies.contains("SameSite=Strict"), cookies);
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        String wrong = loginResponse(AdminTestResource.EMAIL, "Nope-nope-1!").then().statusCode(401)
                .contentType("application/problem+json").extract().path("detail");
        String unknown = loginResponse("nobody@motoroctane.test", "Nope-nope-1!").then().statusCode(401)
                .extract().path("detail");
        assertEquals(wrong, unknown);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String email = newAccount("editor");
        for (int i = 0; i < 4; i++) {
            loginResponse(email, "Wrong-pass-1!").then().statusCode(401);
        }
        loginResponse(email, PASSWORD).then().statusCode(401);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        Response first = loginResponse(newAccount("editor"), PASSWORD);
        String original = first.path("refreshToken");
        String rotated = given().contentType(ContentType.JSON).body(Map.of("refreshToken", original))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("refreshToken");
        // the old token again: theft assumed, whole family revoked
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", original)).post("/api/auth/refresh")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", rotated)).post("/api/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void refreshTokenIsReadFromTheCookieToo() {
        String refresh = loginResponse(newAccount("editor"), PASSWORD).path("refreshToken");
        given().cookie("refreshToken", refresh).post("/api/auth/refresh").then().statusCode(200);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String refresh = loginResponse(newAccount("editor"), PASSWORD).path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh)).post("/api/auth/logout")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh)).post("/api/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void changePasswordIsSavedAndRevokesOtherSessions() {
        String email = newAccount("admin");
        String other = loginResponse(email, PASSWORD).path("refreshToken");
        String access = login(email, PASSWORD);
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "Brand-new-2?"))
                .post("/api/auth/change-password").then().statusCode(200);
        loginResponse(email, PASSWORD).then().statusCode(401);
        loginResponse(email, "Brand-new-2?").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", other)).post("/api/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void weakPasswordIsRejectedNamingTheField() {
        given().auth().oauth2(login(newAccount("editor"), PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "alllowercase1"))
                .post("/api/auth/change-password").then().statusCode(400).body("parameter", equalTo("newPassword"));
    }

    @Test
    void meNeedsAToken() {
        given().get("/api/auth/me").then().statusCode(401);
        as("editor").get("/api/auth/me").then().statusCode(200).body("user.role", equalTo("editor"));
    }

    @Test
    void jwksPublishesTheRsaKey() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].n", notNullValue()).body("keys[0]", not(hasKey("d")))
                .header("Cache-Control", containsString("max-age"));
    }
}
