package com.motoroctane.gateway.edgecache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

class IdentityBodiesTest {

    private static byte[] gzip(byte[] identity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(identity);
        }
        return out.toByteArray();
    }

    private static EdgeEntry entry(byte[] identity, int identityLength, byte[] gzip) {
        return new EdgeEntry(200, List.of(), identity == null ? null : OffHeapBody.copyOf(identity), identityLength,
                gzip == null ? null : OffHeapBody.copyOf(gzip), null, null, Set.of(), 0, 0, 60_000, 0, 0, false, 0);
    }

    /** The bytes of a leased body, given back. */
    private static byte[] read(OffHeapBody leased) {
        try {
            return leased.toArray();
        } finally {
            leased.release();
        }
    }

    private static byte[] gunzip(byte[] gzip, int length) {
        ByteBuf compressed = Unpooled.wrappedBuffer(gzip);
        ByteBuf identity = IdentityBodies.gunzip(compressed, length);
        try {
            assertTrue(identity.isDirect(), "decoded off the heap");
            return ByteBufUtil.getBytes(identity);
        } finally {
            identity.release();
        }
    }

    private static byte[] json(String name, int rows) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":\"").append(name).append(i).append("\"}");
        }
        return body.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEntryStoredAsIdentityIsAnsweredAsIs() {
        byte[] identity = json("a", 10);
        EdgeEntry stored = entry(identity, identity.length, null);
        OffHeapBody leased = new IdentityBodies(1024).lease("/a", stored);
        assertSame(stored.identity(), leased);
        assertEquals(2, leased.refCnt(), "the entry's reference and the lease's");
        assertArrayEquals(identity, read(leased));
        assertEquals(1, stored.identity().refCnt(), "the lease given back");
        stored.free();
    }

    @Test
    void aBodyFreedSinceItsEntryWasLookedUpIsNotLeased() throws IOException {
        byte[] identity = json("f", 200);
        IdentityBodies bodies = new IdentityBodies(1 << 20);
        EdgeEntry plain = entry(identity, identity.length, null);
        plain.free(); // its entry left the cache: the last reference went
        assertNull(bodies.lease("/p", plain));
        EdgeEntry compressed = entry(null, identity.length, gzip(identity));
        compressed.free();
        assertNull(bodies.lease("/c", compressed), "nothing decoded from freed memory");
        assertEquals(0, bodies.weightedBytes());
    }

    @Test
    void aCompressedEntryIsDecodedOnceAndKeptWhileItsGzipIsTheOneStored() throws IOException {
        IdentityBodies bodies = new IdentityBodies(1 << 20);
        byte[] identity = json("a", 200);
        EdgeEntry stored = entry(null, identity.length, gzip(identity));
        OffHeapBody first = bodies.lease("/a", stored);
        assertArrayEquals(identity, first.toArray());
        first.release();
        assertEquals(1, first.refCnt(), "the cache's reference");
        OffHeapBody again = bodies.lease("/a", stored);
        assertSame(first, again, "kept decoded");
        again.release();
        EdgeEntry purged = stored.purgedAt(1);
        assertEquals(2, purged.gzip().refCnt(), "the stale copy holds the gzip too");
        OffHeapBody stale = bodies.lease("/a", purged);
        assertSame(first, stale, "marked stale by a purge: the same gzip, the same body");
        stale.release();

        byte[] changed = json("b", 200);
        EdgeEntry replaced = entry(null, changed.length, gzip(changed));
        assertArrayEquals(changed, read(bodies.lease("/a", replaced)), "a body decoded from the replaced entry is not used");
        bodies.cleanUp();
        // Caffeine tells its removal listener on its executor (the common pool), not in the put
        for (long until = System.nanoTime() + 5_000_000_000L; first.refCnt() != 0 && System.nanoTime() < until; ) {
            Thread.onSpinWait();
        }
        assertEquals(0, first.refCnt(), "the body decoded before was dropped, and freed");
        stored.free();
        purged.free();
        replaced.free();
    }

    /** Offers body {@code i} as a fill would, then asks for it: {offered identity, answered identity}. */
    private static byte[][] offerThenRead(IdentityBodies bodies, int i) throws IOException {
        byte[] identity = json("k" + i, 100);
        EdgeEntry stored = entry(null, identity.length, gzip(identity));
        bodies.offer("/k" + i, stored, identity);
        try {
            return new byte[][] {identity, read(bodies.lease("/k" + i, stored))};
        } finally {
            stored.free();
        }
    }

    @Test
    void whatAFillOfferedIsUsedWhileItFits() throws IOException {
        IdentityBodies bodies = new IdentityBodies(16 * 1024);
        // five bodies of ~1.5 KB: within the bound, so nothing is evicted and each offered body is the one answered
        for (int i = 0; i < 5; i++) {
            byte[] identity = json("k" + i, 100);
            EdgeEntry stored = entry(null, identity.length, gzip(identity));
            bodies.offer("/k" + i, stored, identity);
            stored.gzip().release(); // freed: only what was offered can answer now
            OffHeapBody leased = bodies.lease("/k" + i, stored);
            assertNotNull(leased, "the fill's own identity, kept");
            assertArrayEquals(identity, read(leased));
        }
    }

    @Test
    void offersBeyondTheBoundAreEvictedAndStillAnsweredRight() throws IOException {
        IdentityBodies bodies = new IdentityBodies(16 * 1024);
        // twenty bodies of ~1.5 KB, twice the bound: W-TinyLFU may refuse a new one as soon as it is offered (its
        // maintenance runs on Caffeine's executor), so an answer is the right bytes, not necessarily the offered array
        for (int i = 0; i < 20; i++) {
            byte[][] offeredAndAnswered = offerThenRead(bodies, i);
            assertArrayEquals(offeredAndAnswered[0], offeredAndAnswered[1]);
        }
        bodies.cleanUp();
        assertTrue(bodies.weightedBytes() <= 16 * 1024, bodies.weightedBytes() + " bytes kept");
        assertTrue(bodies.weightedBytes() > 0, "the bound evicts, it does not empty");
        byte[] identity = json("k0", 100);
        EdgeEntry stored = entry(null, identity.length, gzip(identity));
        assertArrayEquals(identity, read(bodies.lease("/k0", stored)));
        stored.free();
    }

    @Test
    void aGzipWithOptionalHeaderFieldsIsReadAsAnyGzip() throws IOException {
        byte[] identity = json("n", 80);
        byte[] plain = gzip(identity);
        // the same deflate data behind a header naming a file (FLG.FNAME): not the edge's own bare header
        byte[] named = new byte[plain.length + 7];
        System.arraycopy(plain, 0, named, 0, 10);
        named[3] = 0x08;
        System.arraycopy("a.json\0".getBytes(StandardCharsets.ISO_8859_1), 0, named, 10, 7);
        System.arraycopy(plain, 10, named, 17, plain.length - 10);
        assertArrayEquals(identity, gunzip(named, identity.length));
        assertArrayEquals(identity, gunzip(plain, identity.length));
    }

    @Test
    void aCorruptedGzipIsAnError() throws IOException {
        byte[] identity = json("c", 80);
        byte[] flipped = gzip(identity);
        flipped[flipped.length - 9] ^= 0x01; // the last byte of the deflate data
        assertThrows(RuntimeException.class, () -> gunzip(flipped, identity.length));
        byte[] badCrc = gzip(identity);
        badCrc[badCrc.length - 8] ^= 0x01;
        assertThrows(IllegalStateException.class, () -> gunzip(badCrc, identity.length));
    }

    @Test
    void aGzipThatDoesNotDecodeToTheStoredLengthIsAnError() throws IOException {
        byte[] identity = json("a", 50);
        IdentityBodies bodies = new IdentityBodies(1 << 20);
        EdgeEntry longer = entry(null, identity.length + 1, gzip(identity));
        EdgeEntry shorter = entry(null, identity.length - 1, gzip(identity));
        assertThrows(IllegalStateException.class, () -> bodies.lease("/a", longer));
        assertThrows(IllegalStateException.class, () -> bodies.lease("/b", shorter));
        assertEquals(1, longer.gzip().refCnt(), "the decoding's reference given back");
        longer.free();
        shorter.free();
    }
}
