package com.motoroctane.admin.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.bson.Document;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.motoroctane.admin.auth.AdminUsers;
import com.motoroctane.admin.auth.ClientIp;
import com.motoroctane.admin.auth.LoginThrottle;
import com.motoroctane.admin.auth.Passwords;
import com.motoroctane.admin.auth.Tokens;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.error.ProblemException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.smallrye.common.annotation.Blocking;

/** Login, refresh (rotating), logout, me and change-password. Tokens go in httpOnly cookies and the body. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuthResource {

    public record Credentials(String email, String password) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** One message whatever was wrong, so a caller cannot tell which accounts exist. */
    private static final String LOGIN_FAILED = "Invalid email or password";

    private final AdminUsers users;
    private final Passwords passwords;
    private final Tokens tokens;
    private final AdminConfig.Jwt config;

    @Inject
    JsonWebToken jwt;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    private final ClientIp clientIp;
    private final LoginThrottle throttle;

    public AuthResource(AdminUsers users, Passwords passwords, Tokens tokens, AdminConfig config,
                        ClientIp clientIp, LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.config = config.jwt();
        this.clientIp = clientIp;
        this.throttle = throttle;
    }

    @POST
    @Path("/login")
    @PermitAll
    public Response login(Credentials body, @Context HttpServerRequest request) {
        if (body == null || body.email() == null || body.email().isBlank()) {
            throw ProblemException.badParameter("email", "is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ProblemException.badParameter("password", "is required");
        }
        Passwords.requireWithinLimit("password", body.password());
        String ip = clientIp.of(request);
        throttle.check(ip);
        Document user = users.byEmail(body.email());
        if (user == null) {
            passwords.decoy(body.password());
            throttle.recordFailure(ip);
            throw loginFailed();
        }
        boolean locked = users.lockedUntil(user) != null;
        boolean matches = passwords.matches(body.password(), user.getString("password"));
        if (locked || !matches || !user.getBoolean("isActive", false)) {
            if (!locked && !matches) {
                users.recordFailure(user);
            }
            throttle.recordFailure(ip);
            throw loginFailed();
        }
        users.recordSuccess(user);
        return withTokens(user, tokens.login(user));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response refresh(String body, @CookieParam("refreshToken") String cookie) {
        String presented = presented(body, cookie);
        String[] userAndFamily = tokens.rotate(presented).split(" ");
        Document user = users.byId(userAndFamily[0]);
        if (user == null || !user.getBoolean("isActive", false)) {
            tokens.revokeFamily(userAndFamily[1]);
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The account is disabled", null);
        }
        return withTokens(user, tokens.issue(user, userAndFamily[1]));
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response logout(String body, @CookieParam("refreshToken") String cookie) {
        tokens.revokeByToken(presented(body, cookie));
        String sid = sessionOfCaller();
        if (sid != null) {
            tokens.revokeFamily(sid);
        }
        return Response.ok(Map.of("success", true))
                .cookie(cookie("token", "", 0), cookie("refreshToken", "", 0)).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public Map<String, Object> me() {
        Document user = users.byId(jwt.getSubject());
        if (user == null) {
            throw ProblemException.notFound("Admin user", jwt.getSubject());
        }
        return Map.of("success", true, "user", AdminUsers.view(user));
    }

    @POST
    @Path("/change-password")
    @Authenticated
    public Map<String, Object> changePassword(PasswordChange body) {
        Document user = users.byId(jwt.getSubject());
        if (body != null) {
            Passwords.requireWithinLimit("currentPassword", body.currentPassword());
        }
        if (user == null || body == null || !passwords.matches(body.currentPassword(), user.getString("password"))) {
            throw new ProblemException(400, "invalid-parameter", "Invalid request parameter",
                    "Parameter 'currentPassword': does not match", "currentPassword");
        }
        users.setPassword(user, body.newPassword());
        Object sid = jwt.getClaim("sid");
        tokens.revokeUser(user.getString("id"), sid == null ? null : sid.toString());
        return Map.of("success", true);
    }

    /**
     * The session of the access token the caller presented, if it is still valid. Logout must succeed
     * with an ended session too, so a refused token is not an error here.
     */
    private String sessionOfCaller() {
        try {
            return identity.isAnonymous() || jwt.getClaim("sid") == null ? null : jwt.getClaim("sid").toString();
        } catch (AuthenticationFailedException e) {
            return null;
        }
    }

    /** The body's {@code refreshToken} if there is one (a JSON body is optional), else the cookie. */
    private String presented(String body, String cookie) {
        if (body != null && !body.isBlank()) {
            try {
                var node = json.readTree(body).get("refreshToken");
                if (node != null && node.isTextual()) {
                    return node.asText();
                }
            } catch (java.io.IOException e) {
                throw ProblemException.badParameter("body", "is not valid JSON");
            }
        }
        return cookie;
    }

    private Response withTokens(Document user, Tokens.Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("user", AdminUsers.view(user));
        body.put("token", issued.accessToken());
        body.put("refreshToken", issued.refreshToken());
        body.put("expiresIn", issued.expiresIn());
        return Response.ok(body)
                .header("Cache-Control", "no-store")
                .cookie(cookie("token", issued.accessToken(), (int) issued.expiresIn()),
                        cookie("refreshToken", issued.refreshToken(), (int) config.refreshTtl().toSeconds()))
                .build();
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(config.cookieSecure())
                .sameSite(NewCookie.SameSite.valueOf(config.cookieSameSite().toUpperCase(java.util.Locale.ROOT)))
                .build();
    }

    private static ProblemException loginFailed() {
        return new ProblemException(401, "unauthorized", "Unauthorized", LOGIN_FAILED, null);
    }
}
