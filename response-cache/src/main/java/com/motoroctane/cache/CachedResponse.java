package com.motoroctane.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A rendered response as it is cached in both tiers: the serialized JSON bytes plus what the headers
 * need, so a hit does no JSON work at all.
 *
 * @param ttlSeconds the entry's L2 TTL (what the service passed to {@link ResponseCache#serve}); {@code createdAtMillis + ttlSeconds} is when it stops being fresh
 */
public record CachedResponse(byte[] body, String etag, String surrogateKeys, long createdAtMillis, int ttlSeconds) {

    private static final String FORMAT = "mo1";

    /** @param etag a validator the writer also understands (a document's version), or null to hash the bytes */
    public static CachedResponse of(byte[] body, String surrogateKeys, int ttlSeconds, String etag) {
        return new CachedResponse(body, etag != null ? etag : etagOf(body), surrogateKeys, System.currentTimeMillis(), ttlSeconds);
    }

    public java.util.List<String> tags() {
        return surrogateKeys.isBlank() ? java.util.List.of() : java.util.List.of(surrogateKeys.split(" "));
    }

    /** The same entry carrying {@code more} tags after its own, each once (an answer that depends on more than it). */
    public CachedResponse withTags(java.util.Collection<String> more) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(tags());
        all.addAll(more);
        return new CachedResponse(body, etag, String.join(" ", all), createdAtMillis, ttlSeconds);
    }

    public long ageMillis(long now) {
        return now - createdAtMillis;
    }

    public int remainingSeconds(long now) {
        long remaining = ttlSeconds - ageMillis(now) / 1000;
        return (int) Math.max(0, remaining);
    }

    /** One self-describing blob for Redis: a header line, then the body bytes. */
    public byte[] encode() {
        byte[] header = (FORMAT + '\t' + etag + '\t' + createdAtMillis + '\t' + ttlSeconds + '\t' + surrogateKeys + '\n')
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    /** Returns null for anything not written by {@link #encode()} (another format version, a foreign key). */
    public static CachedResponse decode(byte[] blob) {
        if (blob == null) {
            return null;
        }
        int newline = -1;
        for (int i = 0; i < blob.length && i < 8192; i++) {
            if (blob[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return null;
        }
        String[] parts = new String(blob, 0, newline, StandardCharsets.UTF_8).split("\t", 5);
        if (parts.length != 5 || !FORMAT.equals(parts[0])) {
            return null;
        }
        try {
            byte[] body = new byte[blob.length - newline - 1];
            System.arraycopy(blob, newline + 1, body, 0, body.length);
            return new CachedResponse(body, parts[1], parts[4], Long.parseLong(parts[2]), Integer.parseInt(parts[3]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Strong validator: a digest of the exact bytes served. */
    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
