package com.motoroctane.gateway.edgecache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

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

    /** gzip's fixed header (RFC 1952) when no optional field is set, and its trailer (CRC-32, length). */
    private static final int HEADER = 10;
    private static final int TRAILER = 8;
    /** Raw deflate, one per thread that decodes (reset per body). */
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

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

    /**
     * Decodes a stored gzip body whose identity is {@code length} bytes long. The gzip the edge makes itself has
     * the bare 10-byte header (no name, comment or extra field), so its deflate data is inflated directly by this
     * thread's own {@link Inflater} (the event loops' threads live as long as the gateway): no stream, no buffer and
     * no zlib state set up and torn down per request. The trailer's CRC-32 and length are checked.
     */
    static byte[] gunzip(byte[] gzip, int length) {
        if (gzip.length < HEADER + TRAILER || (gzip[0] & 0xff) != 0x1f || (gzip[1] & 0xff) != 0x8b || gzip[2] != 8
                || gzip[3] != 0) {
            return gunzipStream(gzip, length); // not the edge's own bare header: read as any gzip
        }
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setInput(gzip, HEADER, gzip.length - HEADER - TRAILER);
        byte[] identity = new byte[length];
        int read = 0;
        try {
            while (read < length && !inflater.finished()) {
                int n = inflater.inflate(identity, read, length - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored gzip does not decode: " + e.getMessage(), e);
        }
        CRC32 crc = new CRC32();
        crc.update(identity, 0, read);
        int trailer = gzip.length - TRAILER;
        if (read != length || !inflater.finished() || (int) crc.getValue() != littleEndianInt(gzip, trailer)
                || length != littleEndianInt(gzip, trailer + 4)) {
            throw new IllegalStateException("stored gzip decodes to another body than the one stored");
        }
        return identity;
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
    }

    private static byte[] gunzipStream(byte[] gzip, int length) {
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
