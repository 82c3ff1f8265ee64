package com.motoroctane.admin;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.motoroctane.admin.support.AdminTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Every way a token can be wrong ends in 401, on a read of the caller's account and on a write. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class TokenTests extends AdminTest {

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("admin.jwt.issuer", String.class);
    }

    /** Everything right, including a live session of the root account, so only the named fault differs. */
    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(issuer()).audience("motoroctane-admin").subject("admin-root").groups("super_admin")
                .claim("role", "super_admin").claim("sid", liveSession()).expiresIn(300);
    }

    private static String liveSession() {
        return claim(login(AdminTestResource.EMAIL, AdminTestResource.PASSWORD), "sid");
    }

    private static PrivateKey realKey() throws Exception {
        String location = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class);
        String pem = java.nio.file.Files.readString(java.nio.file.Path.of(location));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
    }

    private static void rejected(String token) {
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Nope"))
                .post("/api/brands").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aValidlySignedTokenIsAccepted() throws Exception {
        // the control: the same builder with nothing wrong passes, so the 401s below are for the reason named
        given().auth().oauth2(claims().sign(realKey())).get("/api/admin/users").then().statusCode(200);
    }

    @Test
    void algNoneIsRejected() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + issuer() + "\",\"aud\":\"motoroctane-admin\",\"sub\":\"admin-root\","
                + "\"groups\":[\"super_admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}");
        rejected(header + "." + payload + ".");
    }

    @Test
    void wrongKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rejected(claims().sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        long past = Instant.now().getEpochSecond() - 3600;
        rejected(claims().issuedAt(past - 900).expiresAt(past).sign(realKey()));
    }

    @Test
    void wrongIssuerIsRejected() throws Exception {
        rejected(Jwt.issuer("https://evil.example/admin").audience("motoroctane-admin").subject("admin-root")
                .groups("super_admin").expiresIn(300).sign(realKey()));
    }

    @Test
    void wrongAudienceIsRejected() throws Exception {
        rejected(Jwt.issuer(issuer()).audience("someone-else").subject("admin-root").groups("super_admin")
                .expiresIn(300).sign(realKey()));
    }

    @Test
    void aWellSignedTokenWithoutALiveSessionIsRejected() throws Exception {
        // signed with the real key for a real active account, but naming no session that was ever issued
        rejected(claims().claim("sid", "never-issued").sign(realKey()));
        rejected(Jwt.issuer(issuer()).audience("motoroctane-admin").subject("admin-root").groups("super_admin")
                .expiresIn(300).sign(realKey()));
    }

    @Test
    void garbageIsRejected() {
        rejected("not.a.token");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
