package com.motoroctane.gateway.edgecache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The identity bodies of entries stored compressed only, for the clients that accept no encoding (Varnish keeps
 * gzip only and gunzips on delivery the same way). An entry worth compressing is stored as gzip and br, about a
 * third of its identity for JSON; its identity is decoded from the gzip when asked for and kept here, in a small
 * byte-bounded Caffeine cache (W-TinyLFU: the frequently asked ones stay, a one-off does not push them out), so
 * the hot answers are not decoded again per request. A body decoded from an entry replaced since is not used: the
 * entry's gzip is the check (an entry marked stale by a purge keeps it, and its decoded body).
 */
final class IdentityBodies {

    private record Decoded(byte[] gzip, byte[] identity) {
    }

    private final Cache<String, Decoded> decoded;

    IdentityBodies(long maxBytes) {
        this.decoded = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher((String key, Decoded body) -> 64 + key.length() * 2 + body.identity().length)
                .build();
    }

    /** The identity body of {@code entry}, stored for {@code key}: its own, or decoded from its gzip. */
    byte[] of(String key, EdgeEntry entry) {
        if (entry.identity() != null) {
            return entry.identity();
        }
        Decoded held = decoded.getIfPresent(key);
        if (held != null && held.gzip() == entry.gzip()) {
            return held.identity();
        }
        byte[] identity = gunzip(entry.gzip(), entry.identityLength());
        decoded.put(key, new Decoded(entry.gzip(), identity));
        return identity;
    }

    /** Keeps the identity a fill just had in hand (no decoding needed for its first identity requests). */
    void offer(String key, EdgeEntry entry, byte[] identity) {
        if (entry.identity() == null && entry.gzip() != null) {
            decoded.put(key, new Decoded(entry.gzip(), identity));
        }
    }

    long weightedBytes() {
        return decoded.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    void cleanUp() {
        decoded.cleanUp();
    }

    private static byte[] gunzip(byte[] gzip, int length) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), Math.min(64 * 1024, Math.max(512, gzip.length)))) {
            byte[] identity = in.readNBytes(length);
            if (identity.length != length || in.read() != -1) {
                throw new IllegalStateException("stored gzip decodes to a body of another length than stored");
            }
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("stored gzip does not decode", e);
        }
    }
}
