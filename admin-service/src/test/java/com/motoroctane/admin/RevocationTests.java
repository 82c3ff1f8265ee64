package com.motoroctane.admin;

import static com.mongodb.client.model.Filters.eq;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Updates;
import com.motoroctane.admin.support.AdminTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * An access token stops working as soon as its account or session changes, not when it expires: every
 * request is judged by the account's current status and role and by whether its session is still live.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class RevocationTests extends AdminTest {

    /** Bound for polling a change made behind this replica's back: many times the test profile's check-ttl. */
    private static final int POLLS = 100;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private static String userId(String email) {
        return loginResponse(email, PASSWORD).then().statusCode(200).extract().path("user.id");
    }

    private static io.restassured.response.ValidatableResponse me(String token) {
        return given().auth().oauth2(token).get("/api/auth/me").then();
    }

    private static void refused(String token) {
        me(token).statusCode(401).contentType("application/problem+json").body("detail", containsString("session"));
    }

    @Test
    void aDeactivatedAccountsTokenIsRefused() {
        String email = newAccount("admin");
        String token = login(email, PASSWORD);
        me(token).statusCode(200);
        as("super_admin").delete("/api/admin/users/" + userId(email)).then().statusCode(204);
        me(token).statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/admin/export").then().statusCode(401);
    }

    @Test
    void aDemotedAdminCanNoLongerDeleteOrExportWithTheOldToken() {
        String email = newAccount("admin");
        String token = login(email, PASSWORD);
        // allowed while admin: the delete gets as far as finding nothing, the export runs
        given().auth().oauth2(token).delete("/api/brands/brand-does-not-exist").then().statusCode(404);
        given().auth().oauth2(token).get("/api/admin/export").then().statusCode(200);

        as("super_admin").body(Map.of("role", "editor")).patch("/api/admin/users/" + userId(email))
                .then().statusCode(200).body("role", equalTo("editor"));

        // the token still says admin; the account does not
        given().auth().oauth2(token).delete("/api/brands/brand-does-not-exist").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/admin/export").then().statusCode(403)
                .contentType("application/problem+json");
        me(token).statusCode(200).body("user.role", equalTo("editor"));
    }

    @Test
    void aDemotedAdminsWriteIsAuditedWithTheRoleItWasAllowedUnder() {
        String email = newAccount("admin");
        String token = login(email, PASSWORD);
        String brandId = as("admin").body(Map.of("name", unique("Audited"))).post("/api/brands").then().statusCode(201)
                .extract().path("id");
        as("super_admin").body(Map.of("role", "editor")).patch("/api/admin/users/" + userId(email)).then().statusCode(200);

        // editors may still update; the token's claim says admin, the audit must say what the account is now
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("summary", "after demotion"))
                .patch("/api/brands/" + brandId).then().statusCode(200);
        as("admin").queryParam("entity", "brand").queryParam("limit", 100).get("/api/admin/audit").then().statusCode(200)
                .body("data.find { it.entityId == '" + brandId + "' && it.action == 'update' }.actor.role",
                        equalTo("editor"));
    }

    @Test
    void aPromotedEditorGetsTheNewRoleWithoutANewToken() {
        String email = newAccount("editor");
        String token = login(email, PASSWORD);
        given().auth().oauth2(token).delete("/api/brands/brand-does-not-exist").then().statusCode(403);
        as("super_admin").body(Map.of("role", "admin")).patch("/api/admin/users/" + userId(email)).then().statusCode(200);
        given().auth().oauth2(token).delete("/api/brands/brand-does-not-exist").then().statusCode(404);
    }

    @Test
    void afterLogoutTheOldAccessTokenIsRefused() {
        Response login = loginResponse(newAccount("editor"), PASSWORD);
        String token = login.path("token");
        me(token).statusCode(200);
        given().auth().oauth2(token).post("/api/auth/logout").then().statusCode(200);
        refused(token);
        // logging out again with the ended token still succeeds: there is nothing left to end
        given().auth().oauth2(token).post("/api/auth/logout").then().statusCode(200);
    }

    @Test
    void logoutWithOnlyTheRefreshTokenEndsTheAccessTokenToo() {
        Response login = loginResponse(newAccount("editor"), PASSWORD);
        String token = login.path("token");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", login.path("refreshToken")))
                .post("/api/auth/logout").then().statusCode(200);
        refused(token);
    }

    @Test
    void refreshTokenTheftRevokesTheFamilysAccessTokens() {
        Response login = loginResponse(newAccount("editor"), PASSWORD);
        String original = login.path("refreshToken");
        String rotatedAccess = given().contentType(ContentType.JSON).body(Map.of("refreshToken", original))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("token");
        me(rotatedAccess).statusCode(200);
        // the rotated-out refresh token comes back: theft assumed, the family is revoked
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", original)).post("/api/auth/refresh")
                .then().statusCode(401);
        refused(login.path("token"));
        refused(rotatedAccess);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAccessTokens() {
        String email = newAccount("editor");
        String other = login(email, PASSWORD);
        String current = login(email, PASSWORD);
        given().auth().oauth2(current).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "Wander-Copper-19?"))
                .post("/api/auth/change-password").then().statusCode(200);
        refused(other);
        me(current).statusCode(200);
    }

    @Test
    void refreshStillRotatesAndTheNewAccessTokenWorks() {
        Response login = loginResponse(newAccount("editor"), PASSWORD);
        Response refreshed = given().contentType(ContentType.JSON).body(Map.of("refreshToken", login.path("refreshToken")))
                .post("/api/auth/refresh");
        refreshed.then().statusCode(200);
        me(refreshed.path("token")).statusCode(200);
        me(login.path("token")).statusCode(200);
    }

    @Test
    void aChangeMadeByAnotherReplicaIsSeenWithinTheCheckTtl() throws InterruptedException {
        String email = newAccount("editor");
        String token = login(email, PASSWORD);
        me(token).statusCode(200);
        // another replica deactivated the account: nothing in this process was told
        mongo.getDatabase(database).getCollection("adminusers", Document.class)
                .updateOne(eq("email", email), Updates.set("isActive", false));
        int status = 200;
        for (int i = 0; i < POLLS && status != 401; i++) {
            status = given().auth().oauth2(token).get("/api/auth/me").statusCode();
            if (status != 401) {
                Thread.sleep(100);
            }
        }
        me(token).statusCode(401);
    }
}
