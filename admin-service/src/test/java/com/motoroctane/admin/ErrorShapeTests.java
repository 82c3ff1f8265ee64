package com.motoroctane.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.notNullValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.motoroctane.admin.support.AdminTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Every error admin-service gives is application/problem+json with type, title, status and detail. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class ErrorShapeTests extends AdminTest {

    /** who (null: nobody), method, path, content type, body, expected status, expected parameter (or null). */
    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("no token", null, "GET", "/api/auth/me", null, null, 401, null),
                Arguments.of("no token on a write", null, "POST", "/api/brands", "application/json", "{\"name\":\"X\"}", 401, null),
                Arguments.of("no token on users", null, "GET", "/api/admin/users", null, null, 401, null),
                Arguments.of("editor deletes", "editor", "DELETE", "/api/brands/brand-x", null, null, 403, null),
                Arguments.of("editor lists users", "editor", "GET", "/api/admin/users", null, null, 403, null),
                Arguments.of("admin reads users", "admin", "GET", "/api/admin/users", null, null, 403, null),
                Arguments.of("malformed JSON", "super_admin", "POST", "/api/admin/users", "application/json", "{\"email\":", 400, "body"),
                Arguments.of("malformed login", null, "POST", "/api/auth/login", "application/json", "{nope", 400, "body"),
                Arguments.of("text for a boolean", "super_admin", "PATCH", "/api/admin/users/admin-root", "application/json",
                        "{\"isActive\":\"maybe\"}", 400, "isActive"),
                Arguments.of("object for a text", "super_admin", "PATCH", "/api/admin/users/admin-root", "application/json",
                        "{\"name\":{\"$gt\":\"\"}}", 400, "name"),
                Arguments.of("array for a text on login", null, "POST", "/api/auth/login", "application/json",
                        "{\"email\":[\"a\"],\"password\":\"x\"}", 400, "email"),
                Arguments.of("array for the body", "super_admin", "POST", "/api/admin/users", "application/json", "[]", 400, "body"),
                Arguments.of("audit page not a number", "admin", "GET", "/api/admin/audit?page=abc", null, null, 400, "page"),
                Arguments.of("audit page overflows", "admin", "GET", "/api/admin/audit?page=99999999999", null, null, 400, "page"),
                Arguments.of("audit skip overflows an int", "admin", "GET", "/api/admin/audit?page=2147483647&limit=100", null, null, 400, "page"),
                Arguments.of("audit page zero", "admin", "GET", "/api/admin/audit?page=0", null, null, 400, "page"),
                Arguments.of("audit limit not a number", "admin", "GET", "/api/admin/audit?limit=ten", null, null, 400, "limit"),
                Arguments.of("audit limit too big", "admin", "GET", "/api/admin/audit?limit=101", null, null, 400, "limit"),
                Arguments.of("no such path", "admin", "GET", "/api/admin/nothing-here", null, null, 404, null),
                Arguments.of("wrong method", null, "DELETE", "/api/auth/login", null, null, 405, null),
                Arguments.of("wrong content type", null, "POST", "/api/auth/login", "text/plain", "email=a", 415, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyErrorIsProblemJson(String name, String who, String method, String path, String contentType, String body,
                                 int status, String parameter) {
        RequestSpecification request = who == null ? given() : given().auth().oauth2(token(who));
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        var response = request.request(method, path).then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", not(emptyOrNullString())).body("title", not(emptyOrNullString()))
                .body("status", equalTo(status)).body("detail", not(emptyOrNullString()));
        if (parameter != null) {
            response.body("parameter", equalTo(parameter));
        }
    }

    @Test
    void aHugePageWithinRangeIsAnEmptyPageNotAnError() {
        as("admin").get("/api/admin/audit?page=21474836&limit=100").then().statusCode(200)
                .body("data.size()", equalTo(0)).body("pagination.page", equalTo(21474836));
    }

    @Test
    void theAuthorizationHeaderWinsOverTheCookie() {
        // a valid header with a broken cookie is accepted: the header is what the client chose to send
        given().auth().oauth2(token("editor")).cookie("token", "not.a.token").get("/api/auth/me")
                .then().statusCode(200).body("user.role", equalTo("editor"));
        // a broken header with a valid cookie is refused: the cookie never overrides an explicit header
        given().auth().oauth2("not.a.token").cookie("token", token("editor")).get("/api/auth/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theCookieAloneStillAuthenticates() {
        given().cookie("token", token("editor")).get("/api/auth/me").then().statusCode(200)
                .body("user", notNullValue());
    }
}
