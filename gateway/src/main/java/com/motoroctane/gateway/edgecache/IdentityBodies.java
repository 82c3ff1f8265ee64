package com.motoroctane.gateway.edgecache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import io.netty.buffer.ByteBuf;

/**
 * The identity bodies of entries stored compressed only, for the clients that accept no encoding (Varnish keeps
 * gzip only and gunzips on delivery the same way). An entry worth compressing is stored as gzip and br, about a
 * third of its identity for JSON; its identity is decoded from the gzip when asked for and kept here, in a small
 * byte-bounded Caffeine cache (W-TinyLFU: the frequently asked ones stay, a one-off does not push them out), so
 * the hot answers are not decoded again per request. A body decoded from an entry replaced since is not used: the
 * entry's gzip is the check (an entry marked stale by a purge keeps it, and its decoded body). Decoded bodies are
 * kept off the heap as the entries' are ({@link OffHeapBody}; this cache owns one reference to each, given back when
 * it drops one), and decoded straight into direct memory: a body decoded per request costs no heap.
 */
final class IdentityBodies {

    /** gzip's fixed header (RFC 1952) when no optional field is set, and its trailer (CRC-32, length). */
    private static final int HEADER = 10;
    private static final int TRAILER = 8;
    /** Raw deflate, one per thread that decodes (reset per body). */
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    /** A decoded identity, and the gzip (of the entry stored when it was decoded) it was decoded from. */
    private record Decoded(OffHeapBody gzip, OffHeapBody identity) {
    }

    private final Cache<String, Decoded> decoded;

    IdentityBodies(long maxBytes) {
        this.decoded = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher((String key, Decoded body) -> 64 + key.length() * 2 + body.identity().length())
                // every Decoded put is a new one: whatever the cause it leaves by, its identity is given back
                .removalListener((String key, Decoded body, RemovalCause cause) -> {
                    if (body != null) {
                        body.identity().release();
                    }
                })
                .build();
    }

    /**
     * The identity body of {@code entry}, stored for {@code key} (its own, or decoded from its gzip), with a
     * reference taken for the caller, who gives it back ({@link OffHeapBody#release()}) when done with it; null
     * when the entry's bodies were freed meanwhile (it left the cache since it was looked up).
     */
    OffHeapBody lease(String key, EdgeEntry entry) {
        if (entry.identity() != null) {
            return entry.identity().tryRetain() ? entry.identity() : null;
        }
        Decoded held = decoded.getIfPresent(key);
        if (held != null && held.gzip() == entry.gzip() && held.identity().tryRetain()) {
            return held.identity();
        }
        OffHeapBody gzip = entry.gzip();
        if (!gzip.tryRetain()) {
            return null;
        }
        OffHeapBody identity;
        try {
            identity = OffHeapBody.adopt(gunzip(gzip.view(), entry.identityLength()));
        } finally {
            gzip.release();
        }
        identity.retain(); // the caller's; the first reference goes to the cache with it
        decoded.put(key, new Decoded(gzip, identity));
        return identity;
    }

    /** Keeps the identity a fill just had in hand (no decoding needed for its first identity requests). */
    void offer(String key, EdgeEntry entry, byte[] identity) {
        if (entry.identity() == null && entry.gzip() != null) {
            decoded.put(key, new Decoded(entry.gzip(), OffHeapBody.copyOf(identity)));
        }
    }

    long weightedBytes() {
        return decoded.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    void cleanUp() {
        decoded.cleanUp();
    }

    /** Drops every decoded body (given back as each leaves). */
    void clear() {
        decoded.invalidateAll();
        decoded.cleanUp();
    }

    /**
     * Decodes a stored gzip body whose identity is {@code length} bytes long into a direct buffer of its own (one
     * reference, the caller's). The gzip the edge makes itself has the bare 10-byte header (no name, comment or
     * extra field), so its deflate data is inflated directly by this thread's own {@link Inflater} (the event
     * loops' threads live as long as the gateway), from and into direct memory: no stream, no heap buffer and no
     * zlib state set up and torn down per request. The trailer's CRC-32 and length are checked.
     */
    static ByteBuf gunzip(ByteBuf gzip, int length) {
        int at = gzip.readerIndex();
        int size = gzip.readableBytes();
        if (size < HEADER + TRAILER || gzip.getUnsignedByte(at) != 0x1f || gzip.getUnsignedByte(at + 1) != 0x8b
                || gzip.getByte(at + 2) != 8 || gzip.getByte(at + 3) != 0) {
            return gunzipStream(gzip, length); // not the edge's own bare header: read as any gzip
        }
        ByteBuf identity = OffHeapBody.allocate(length);
        try {
            Inflater inflater = INFLATERS.get();
            inflater.reset();
            inflater.setInput(gzip.nioBuffer(at + HEADER, size - HEADER - TRAILER));
            ByteBuffer target = identity.nioBuffer(0, length);
            while (target.hasRemaining() && !inflater.finished()) {
                int n = inflater.inflate(target);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
            int read = target.position();
            CRC32 crc = new CRC32();
            crc.update(identity.nioBuffer(0, read));
            int trailer = at + size - TRAILER;
            if (read != length || !inflater.finished() || (int) crc.getValue() != gzip.getIntLE(trailer)
                    || length != gzip.getIntLE(trailer + 4)) {
                throw new IllegalStateException("stored gzip decodes to another body than the one stored");
            }
            identity.writerIndex(length);
            return identity;
        } catch (DataFormatException e) {
            identity.release();
            throw new IllegalStateException("stored gzip does not decode: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            identity.release();
            throw e;
        }
    }

    private static ByteBuf gunzipStream(ByteBuf gzip, int length) {
        byte[] compressed = new byte[gzip.readableBytes()];
        gzip.getBytes(gzip.readerIndex(), compressed);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), Math.min(64 * 1024, Math.max(512, compressed.length)))) {
            byte[] identity = in.readNBytes(length);
            if (identity.length != length || in.read() != -1) {
                throw new IllegalStateException("stored gzip decodes to a body of another length than stored");
            }
            return OffHeapBody.allocate(length).writeBytes(identity);
        } catch (IOException e) {
            throw new UncheckedIOException("stored gzip does not decode", e);
        }
    }
}
