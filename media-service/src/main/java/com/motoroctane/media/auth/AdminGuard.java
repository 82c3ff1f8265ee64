package com.motoroctane.media.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.motoroctane.common.auth.AccessTokens;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.media.config.MediaConfig;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Checks again what the gateway checked: writes need an access token of admin-service (read by common's
 * {@link AccessTokens#pick}, verified with smallrye-jwt against the same JWKS or public key, {@code mp.jwt.*})
 * whose role is one of {@code media.auth.writer-roles}. Blocking (the first call may fetch the JWKS).
 */
@ApplicationScoped
public class AdminGuard {

    /** Who uploads: the token's subject and e-mail, recorded with the asset. */
    public record Uploader(String id, String email) {
    }

    private final JWTParser parser;
    private final Set<String> roles;

    public AdminGuard(JWTParser parser, MediaConfig config) {
        this.parser = parser;
        this.roles = Set.copyOf(config.auth().writerRoles());
    }

    public Uploader require(String authorization, String cookie) {
        String token = AccessTokens.pick(authorization, cookie);
        if (token == null) {
            throw problem(401, "unauthorized", "Unauthorized", "No bearer token or '" + AccessTokens.COOKIE + "' cookie");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw problem(401, "unauthorized", "Unauthorized", "Invalid or expired token");
        }
        Set<String> held = new HashSet<>(jwt.getGroups() == null ? Set.of() : jwt.getGroups());
        Object role = jwt.getClaim("role");
        if (role != null) {
            held.add(role.toString().replace("\"", ""));
        }
        held.retainAll(roles);
        if (held.isEmpty()) {
            throw problem(403, "forbidden", "Forbidden", "Uploads and deletes need one of the roles " + List.copyOf(roles));
        }
        Object email = jwt.getClaim("email");
        return new Uploader(jwt.getSubject(), email == null ? null : email.toString().replace("\"", ""));
    }

    private static ProblemException problem(int status, String slug, String title, String detail) {
        return new ProblemException(status, slug, title, detail, null);
    }
}
