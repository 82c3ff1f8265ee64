package com.motoroctane.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.motoroctane.admin.support.AdminTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Passwords: bcrypt's 72-byte limit is a stated 400, never a 500; new passwords are checked against
 * common and guessable passwords and the account's own email and name; names are plain text and account
 * bodies carry only known fields.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class PasswordPolicyTests extends AdminTest {

    /** A password that satisfies the policy, padded with ASCII to exactly {@code bytes} UTF-8 bytes. */
    private static String strongOfBytes(int bytes) {
        StringBuilder p = new StringBuilder("Quiet-Harbour-Lantern-7-");
        while (p.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            p.append('x');
        }
        return p.toString();
    }

    /** name, password, UTF-8 bytes (for the reader of the table). */
    static Stream<Arguments> overTheLimit() {
        return Stream.of(
                Arguments.of("73 ASCII bytes", strongOfBytes(73), 73),
                Arguments.of("25 four-byte emoji: 25 chars, 100 bytes", "\uD83D\uDE00".repeat(25), 100),
                Arguments.of("70 ASCII + one 4-byte emoji", strongOfBytes(70) + "\uD83D\uDE00", 74),
                Arguments.of("37 two-byte letters", "\u00e9".repeat(37), 74));
    }

    private static String newEmail() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8) + "@motoroctane.test";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overTheLimit")
    void loginWithMoreThan72BytesIs400StatingTheLimit(String name, String password, int bytes) {
        org.junit.jupiter.api.Assertions.assertEquals(bytes, password.getBytes(StandardCharsets.UTF_8).length);
        // the same answer for a real account and an unknown one: it depends on the input alone
        for (String email : new String[] {AdminTestResource.EMAIL, "nobody@motoroctane.test"}) {
            loginResponse(email, password).then().statusCode(400).contentType("application/problem+json")
                    .body("parameter", equalTo("password")).body("detail", containsString("72 bytes"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overTheLimit")
    void changeAndCreateWithMoreThan72BytesIs400StatingTheLimit(String name, String password, int bytes) {
        String token = login(newAccount("editor"), PASSWORD);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", password))
                .post("/api/auth/change-password").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("newPassword")).body("detail", containsString("72 bytes"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", password, "newPassword", "Wander-Copper-19?"))
                .post("/api/auth/change-password").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("currentPassword")).body("detail", containsString("72 bytes"));
        as("super_admin").body(Map.of("email", newEmail(), "password", password, "name", "P", "role", "editor"))
                .post("/api/admin/users").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("password")).body("detail", containsString("72 bytes"));
    }

    @Test
    void exactly72BytesIsStillAPassword() {
        String password = strongOfBytes(72);
        String email = newEmail();
        as("super_admin").body(Map.of("email", email, "password", password, "name", "P", "role", "editor"))
                .post("/api/admin/users").then().statusCode(201);
        loginResponse(email, password).then().statusCode(200);
        // 72 bytes of the wrong password is an ordinary failed login, not a 400
        loginResponse(email, strongOfBytes(71) + "y").then().statusCode(401);
    }

    /** Each meets the old composition rule (8+, upper, lower, digit, symbol) and must still be refused. */
    @ParameterizedTest
    @ValueSource(strings = {"Password1!", "P@ssw0rd!", "Welcome1!", "Qwerty123!", "Iloveyou1!", "Letmein1!",
            "Changeme1!", "Admin@123", "Summer2024!", "Motoroctane2024!", "Abcdefg1!", "Aa1!aaaa"})
    void commonPasswordsAreRefused(String password) {
        as("super_admin").body(Map.of("email", newEmail(), "password", password, "name", "P", "role", "editor"))
                .post("/api/admin/users").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("password"));
        given().auth().oauth2(login(newAccount("editor"), PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", password))
                .post("/api/auth/change-password").then().statusCode(400).body("parameter", equalTo("newPassword"));
    }

    @Test
    void passwordsBuiltOnTheAccountsEmailOrNameAreRefused() {
        String local = "kavya" + UUID.randomUUID().toString().substring(0, 4);
        as("super_admin").body(Map.of("email", local + "@motoroctane.test", "password", "Zq-" + local + "-Kite9!",
                        "name", "P", "role", "editor"))
                .post("/api/admin/users").then().statusCode(400).body("parameter", equalTo("password"))
                .body("detail", containsString("name"));
        as("super_admin").body(Map.of("email", newEmail(), "password", "Ishaan-Mehrotra-42!",
                        "name", "Ishaan Mehrotra", "role", "editor"))
                .post("/api/admin/users").then().statusCode(400).body("parameter", equalTo("password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zebra-Lamp-42!", "Tr0ub4dor&3", "Wander-Copper-19?", "Jañ-Über-Straße-9!"})
    void unusualPasswordsAreAccepted(String password) {
        as("super_admin").body(Map.of("email", newEmail(), "password", password, "name", "P", "role", "editor"))
                .post("/api/admin/users").then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "Ann <ann@x.example>", "a>b", "tab\there", "line\nbreak",
            "nul\u0000", "bidi\u202Eevil", "   "})
    void namesWithMarkupOrControlCharactersAreRefused(String name) {
        as("super_admin").body(Map.of("email", newEmail(), "password", PASSWORD, "name", name, "role", "editor"))
                .post("/api/admin/users").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("name"));
        String id = loginResponse(newAccount("editor"), PASSWORD).path("user.id");
        as("super_admin").body(Map.of("name", name)).patch("/api/admin/users/" + id).then().statusCode(400)
                .body("parameter", equalTo("name"));
    }

    @Test
    void namesHaveALengthLimit() {
        as("super_admin").body(Map.of("email", newEmail(), "password", PASSWORD, "name", "N".repeat(101), "role", "editor"))
                .post("/api/admin/users").then().statusCode(400).body("parameter", equalTo("name"));
        as("super_admin").body(Map.of("email", newEmail(), "password", PASSWORD, "name", "Ñandú O'Brien-Ngũgĩ " + "N".repeat(80),
                        "role", "editor"))
                .post("/api/admin/users").then().statusCode(201);
    }

    @Test
    void unknownFieldsInAccountBodiesAreRefusedNamingThem() {
        Map<String, Object> create = new HashMap<>(Map.of("email", newEmail(), "password", PASSWORD, "name", "P",
                "role", "editor"));
        create.put("isSuperuser", true);
        as("super_admin").body(create).post("/api/admin/users").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("isSuperuser"));
        String id = loginResponse(newAccount("editor"), PASSWORD).path("user.id");
        as("super_admin").body(Map.of("name", "Q", "password", "Zebra-Lamp-42!")).patch("/api/admin/users/" + id)
                .then().statusCode(400).body("parameter", equalTo("password"));
        as("super_admin").get("/api/admin/users").then().statusCode(200);
        loginResponse(newAccount("editor"), PASSWORD).then().statusCode(200);
    }
}
