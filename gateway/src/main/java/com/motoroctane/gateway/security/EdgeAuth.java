package com.motoroctane.gateway.security;

import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.motoroctane.common.auth.AccessTokens;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.Problems;
import com.motoroctane.gateway.proxy.PathPrefixes;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * JWT at the edge, so a forged or expired token never reaches a service (which checks again). The token
 * is read by {@link AccessTokens#pick} ({@code Authorization: Bearer} first, then the {@code token} cookie,
 * exactly as admin-service reads it) and verified against
 * admin-service's JWKS (cached and refreshed by smallrye-jwt) or, while admin-service is not deployed or
 * its JWKS cannot be read, the configured public key.
 *
 * <p>Each key source has its own parser, and with it its own smallrye-jwt principal factory: the factory's token
 * parser keeps the key resolver it made, and with it the JWKS it read (fetched again every {@code jwks-refresh},
 * or for a key id it does not know, at most once per {@code jwks-unknown-key-refresh}; a read that fails is tried
 * again by the next token). {@code DefaultJWTParser.parse(token, context)} makes a new factory on every call, so
 * each admin request fetched the JWKS from admin-service again; the shared default factory
 * ({@code JWTCallerPrincipalFactory.instance()}) would keep the first source's resolver for both.
 */
@Singleton
public class EdgeAuth {

    /** WRITER: a catalogue write, which editors may make too (admin-service checks deletes and bulk again). */
    public enum Requirement { NONE, AUTHENTICATED, WRITER, ADMIN }

    private static final Logger LOG = Logger.getLogger(EdgeAuth.class);

    private final GatewayConfig.Auth config;
    private final Vertx vertx;
    /** Verifies against admin-service's JWKS (null when no JWKS URL is set). */
    private final JWTParser jwks;
    /** Verifies against the configured public key (null when none is set). */
    private final JWTParser publicKey;
    private final Set<String> adminRoles;
    private final Set<String> writerRoles;

    public EdgeAuth(GatewayConfig config, Vertx vertx) {
        this.config = config.auth();
        this.vertx = vertx;
        this.adminRoles = Set.copyOf(this.config.adminRoles());
        this.writerRoles = Set.copyOf(this.config.writerRoles());
        this.jwks = this.config.jwksUrl().filter(u -> !u.isBlank()).map(url -> {
            JWTAuthContextInfo info = base();
            info.setPublicKeyLocation(url);
            info.setJwksRefreshInterval((int) Math.max(1, this.config.jwksRefresh().toMinutes()));
            // a token whose key id the cached JWKS lacks (admin-service rotated its key) reads it again, at most
            // once per jwks-unknown-key-refresh (smallrye-jwt's default waits 30 minutes)
            info.setForcedJwksRefreshInterval((int) Math.max(0, this.config.jwksUnknownKeyRefresh().toMinutes()));
            return parser(info);
        }).orElse(null);
        this.publicKey = this.config.publicKey().filter(k -> !k.isBlank()).map(key -> {
            JWTAuthContextInfo info = base();
            info.setPublicKeyContent(key.trim());
            return parser(info);
        }).orElse(null);
        if (jwks == null && publicKey == null) {
            LOG.warn("Neither gateway.auth.jwks-url nor gateway.auth.public-key is set: every admin request will be refused with 401");
        }
    }

    private static JWTParser parser(JWTAuthContextInfo info) {
        return new DefaultJWTParser(info, new DefaultJWTCallerPrincipalFactory());
    }

    private JWTAuthContextInfo base() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        config.issuer().filter(i -> !i.isBlank()).ifPresent(info::setIssuedBy);
        info.setClockSkew(config.clockSkewSeconds());
        info.setExpGracePeriodSecs(config.clockSkewSeconds());
        return info;
    }

    public Requirement requirement(String path, HttpMethod method) {
        if (method == HttpMethod.OPTIONS) {
            return Requirement.NONE;
        }
        if (PathPrefixes.matchesAny(path, config.writerPaths())) {
            return Requirement.WRITER;
        }
        if (PathPrefixes.matchesAny(path, config.adminPaths())) {
            return Requirement.ADMIN;
        }
        boolean write = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
        if (write && PathPrefixes.matchesAny(path, config.adminWritePaths())) {
            return Requirement.WRITER;
        }
        if (PathPrefixes.matchesAny(path, config.authenticatedPaths())) {
            return Requirement.AUTHENTICATED;
        }
        return Requirement.NONE;
    }

    /** Succeeds with the verified token, or fails with a 401/403 {@link ProblemException}. */
    public Future<JsonWebToken> check(HttpServerRequest request, Requirement requirement) {
        String token = token(request);
        if (token == null) {
            return Future.failedFuture(unauthorized("No bearer token or '" + AccessTokens.COOKIE + "' cookie"));
        }
        return vertx.executeBlocking(() -> verify(token), false).compose(jwt -> {
            if (requirement == Requirement.ADMIN && !hasRole(jwt, adminRoles)) {
                return Future.failedFuture(Problems.problem(403, "forbidden", "Forbidden",
                        "This path needs one of the roles " + adminRoles));
            }
            if (requirement == Requirement.WRITER && !hasRole(jwt, writerRoles)) {
                return Future.failedFuture(Problems.problem(403, "forbidden", "Forbidden",
                        "This needs one of the roles " + writerRoles));
            }
            return Future.succeededFuture(jwt);
        });
    }

    /** The verified token (blocking: a JWKS may be read); a 401 {@link ProblemException} when it is not valid. */
    JsonWebToken verify(String token) {
        Exception last = null;
        for (JWTParser parser : new JWTParser[] {jwks, publicKey}) {
            if (parser == null) {
                continue;
            }
            try {
                return parser.parse(token);
            } catch (Exception e) {
                last = e;
                if (!isUnresolvableKey(e) || parser != jwks) {
                    break; // a token that fails verification is invalid; only an unreachable JWKS falls back
                }
                LOG.debugf("JWKS unavailable (%s); trying the configured public key", e.getMessage());
            }
        }
        throw unauthorized(last == null ? "No verification key is configured" : "Invalid or expired token");
    }

    private static boolean hasRole(JsonWebToken jwt, Set<String> allowed) {
        Set<String> roles = new HashSet<>(jwt.getGroups() == null ? Set.of() : jwt.getGroups());
        Object role = jwt.getClaim("role");
        if (role != null) {
            roles.add(role.toString().replace("\"", ""));
        }
        roles.retainAll(allowed);
        return !roles.isEmpty();
    }

    /** The token the request presents, by the platform's one rule (admin-service reads it the same way). */
    public static String token(HttpServerRequest request) {
        Cookie cookie = request.getCookie(AccessTokens.COOKIE);
        return AccessTokens.pick(request.getHeader("Authorization"), cookie == null ? null : cookie.getValue());
    }

    private static boolean isUnresolvableKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("UnresolvableKey")) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException unauthorized(String detail) {
        return Problems.problem(401, "unauthorized", "Unauthorized", detail);
    }
}
