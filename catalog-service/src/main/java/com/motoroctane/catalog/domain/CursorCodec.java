package com.motoroctane.catalog.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.catalog.config.CatalogConfig;
import com.motoroctane.common.error.ProblemException;

/**
 * Opaque keyset cursors: the position as compact JSON, bound to the query it came from, signed with an
 * HMAC so a tampered or foreign cursor is refused with a 400 instead of reaching the database.
 */
@ApplicationScoped
public class CursorCodec {

    private static final Logger LOG = Logger.getLogger(CursorCodec.class);
    private static final int MAX_LENGTH = 1024;
    private static final int MAC_BYTES = 16;

    private final ObjectMapper json;
    private final SecretKeySpec key;

    public CursorCodec(ObjectMapper json, CatalogConfig config) {
        this.json = json;
        byte[] secret = config.cursor().secret().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    LOG.warn("catalog.cursor.secret (CATALOG_CURSOR_SECRET) is not set: cursors are signed with a "
                            + "per-process key and will not work across replicas or restarts");
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String encode(Position position, String fingerprint) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("v", position.value());
        payload.put("i", position.id());
        payload.put("n", position.nullSegment());
        payload.put("p", position.page());
        payload.put("q", fingerprintHash(fingerprint));
        try {
            byte[] body = json.writeValueAsBytes(payload);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(body) + "." + b64.encodeToString(mac(body));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot encode cursor", e);
        }
    }

    public Position decode(String cursor, String fingerprint) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid("is too long");
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot == cursor.length() - 1) {
            throw invalid("is malformed");
        }
        byte[] body;
        byte[] signature;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            body = b64.decode(cursor.substring(0, dot));
            signature = b64.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("is malformed");
        }
        if (!MessageDigest.isEqual(mac(body), signature)) {
            throw invalid("has been altered or was not issued by this service");
        }
        Map<?, ?> payload;
        try {
            payload = json.readValue(body, Map.class);
        } catch (Exception e) {
            throw invalid("is malformed");
        }
        if (!fingerprintHash(fingerprint).equals(payload.get("q"))) {
            throw invalid("belongs to a different query (filters or sort changed); start again without it");
        }
        Object value = payload.get("v");
        if (!(payload.get("i") instanceof String id) || !(payload.get("n") instanceof Boolean nullSegment)
                || !(payload.get("p") instanceof Integer page) || page < 2
                || !(value == null || value instanceof String || value instanceof Number)) {
            throw invalid("is malformed");
        }
        return new Position(value, id, nullSegment, page);
    }

    private static ProblemException invalid(String why) {
        return ProblemException.badParameter("cursor", "the cursor " + why);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(body);
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprintHash(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
