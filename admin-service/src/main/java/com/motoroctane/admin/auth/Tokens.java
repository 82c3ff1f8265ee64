package com.motoroctane.admin.auth;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.error.ProblemException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.event.Observes;

/**
 * Access tokens (RS256, short-lived, {@code groups} = role, {@code sid} = session family; admin-service
 * itself authorises by the account's current role and the session's liveness, not by these claims) and opaque
 * refresh tokens stored only as SHA-256 hashes. Every refresh rotates; presenting a rotated or revoked
 * token again is treated as theft and revokes its whole family.
 */
@ApplicationScoped
public class Tokens {

    public record Issued(String accessToken, String refreshToken, long expiresIn, String sessionId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> refresh;
    private final AdminConfig.Jwt config;
    /** "userId sessionId" → whether the session family still has an unrevoked refresh token. */
    private final StateCache<String, Boolean> live;

    public Tokens(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                  AdminConfig config) {
        this.refresh = mongo.getDatabase(database).getCollection("refreshtokens");
        this.config = config.jwt();
        this.live = new StateCache<>(config.session().checkTtl());
    }

    void indexes(@Observes StartupEvent start) {
        refresh.createIndexes(List.of(new IndexModel(Indexes.ascending("hash"), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending("familyId")), new IndexModel(Indexes.ascending("userId"))));
    }

    /** A new session: a new family. */
    public Issued login(Document user) {
        return issue(user, UUID.randomUUID().toString());
    }

    /** Rotates {@code presented}; returns the user id the new pair is for. */
    public String rotate(String presented) {
        if (presented == null || presented.isBlank()) {
            throw unauthorized();
        }
        String hash = sha256(presented);
        Document rotated = refresh.findOneAndUpdate(
                and(eq("hash", hash), eq("rotatedAt", null), eq("revoked", false)),
                Updates.set("rotatedAt", new Date()));
        if (rotated == null) {
            Document known = refresh.find(eq("hash", hash)).first();
            if (known != null) {
                revokeFamily(known.getString("familyId"));
            }
            throw unauthorized();
        }
        if (rotated.getDate("expiresAt").toInstant().isBefore(Instant.now())) {
            throw unauthorized();
        }
        return rotated.getString("userId") + ' ' + rotated.getString("familyId");
    }

    public Issued issue(Document user, String familyId) {
        String access = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(user.getString("id"))
                .upn(user.getString("email"))
                .groups(user.getString("role"))
                .claim("email", user.getString("email"))
                .claim("name", user.getString("name"))
                .claim("role", user.getString("role"))
                .claim("sid", familyId)
                .expiresIn(config.accessTtl())
                .jws().keyId(config.keyId())
                .sign();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        refresh.insertOne(new Document("hash", sha256(token)).append("familyId", familyId)
                .append("userId", user.getString("id")).append("createdAt", new Date())
                .append("expiresAt", Date.from(Instant.now().plus(config.refreshTtl())))
                .append("rotatedAt", null).append("revoked", false));
        return new Issued(access, token, config.accessTtl().toSeconds(), familyId);
    }

    public void revokeFamily(String familyId) {
        refresh.updateMany(eq("familyId", familyId), Updates.set("revoked", true));
        live.invalidateIf(key -> key.endsWith(' ' + familyId));
    }

    /**
     * Whether an access token's session may still act: its family was neither logged out nor revoked
     * (theft detected, password changed, account demoted or deactivated). Access tokens are not stored,
     * so this is what makes revoking a session end the access tokens already issued for it.
     */
    public boolean sessionLive(String userId, String familyId) {
        if (userId == null || familyId == null) {
            return false;
        }
        return live.get(userId + ' ' + familyId, key -> refresh.countDocuments(
                and(eq("familyId", familyId), eq("userId", userId), eq("revoked", false)), new CountOptions().limit(1)) > 0);
    }

    public void revokeByToken(String presented) {
        if (presented == null || presented.isBlank()) {
            return;
        }
        Document known = refresh.find(eq("hash", sha256(presented))).first();
        if (known != null) {
            revokeFamily(known.getString("familyId"));
        }
    }

    /** Every session of the user except {@code keepFamilyId} (null: all). */
    public void revokeUser(String userId, String keepFamilyId) {
        refresh.updateMany(keepFamilyId == null ? eq("userId", userId)
                : and(eq("userId", userId), ne("familyId", keepFamilyId)), Updates.set("revoked", true));
        live.invalidateIf(key -> key.startsWith(userId + ' '));
    }

    private static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "Unauthorized", "Invalid or expired refresh token", null);
    }

    static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
