package com.motoroctane.gateway.edgecache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class IdentityBodiesTest {

    private static byte[] gzip(byte[] identity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(identity);
        }
        return out.toByteArray();
    }

    private static EdgeEntry entry(byte[] identity, int identityLength, byte[] gzip) {
        return new EdgeEntry(200, List.of(), identity, identityLength, gzip, null, null, Set.of(), 0, 0, 60_000, 0, 0,
                false, 0);
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
        assertSame(identity, new IdentityBodies(1024).of("/a", entry(identity, identity.length, null)));
    }

    @Test
    void aCompressedEntryIsDecodedOnceAndKeptWhileItsGzipIsTheOneStored() throws IOException {
        IdentityBodies bodies = new IdentityBodies(1 << 20);
        byte[] identity = json("a", 200);
        EdgeEntry stored = entry(null, identity.length, gzip(identity));
        byte[] first = bodies.of("/a", stored);
        assertArrayEquals(identity, first);
        assertSame(first, bodies.of("/a", stored), "kept decoded");
        assertSame(first, bodies.of("/a", stored.purgedAt(1)), "marked stale by a purge: the same gzip, the same body");

        byte[] changed = json("b", 200);
        EdgeEntry replaced = entry(null, changed.length, gzip(changed));
        assertArrayEquals(changed, bodies.of("/a", replaced), "a body decoded from the replaced entry is not used");
    }

    /** Offers body {@code i} as a fill would, then asks for it: {offered identity, answered identity}. */
    private static byte[][] offerThenRead(IdentityBodies bodies, int i) throws IOException {
        byte[] identity = json("k" + i, 100);
        EdgeEntry stored = entry(null, identity.length, gzip(identity));
        bodies.offer("/k" + i, stored, identity);
        return new byte[][] {identity, bodies.of("/k" + i, stored)};
    }

    @Test
    void whatAFillOfferedIsUsedWhileItFits() throws IOException {
        IdentityBodies bodies = new IdentityBodies(16 * 1024);
        // five bodies of ~1.5 KB: within the bound, so nothing is evicted and each offered array is the one answered
        for (int i = 0; i < 5; i++) {
            byte[][] offeredAndAnswered = offerThenRead(bodies, i);
            assertSame(offeredAndAnswered[0], offeredAndAnswered[1], "the fill's own bytes");
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
        assertArrayEquals(identity, bodies.of("/k0", entry(null, identity.length, gzip(identity))));
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
        assertArrayEquals(identity, IdentityBodies.gunzip(named, identity.length));
        assertArrayEquals(identity, IdentityBodies.gunzip(plain, identity.length));
    }

    @Test
    void aCorruptedGzipIsAnError() throws IOException {
        byte[] identity = json("c", 80);
        byte[] flipped = gzip(identity);
        flipped[flipped.length - 9] ^= 0x01; // the last byte of the deflate data
        assertThrows(RuntimeException.class, () -> IdentityBodies.gunzip(flipped, identity.length));
        byte[] badCrc = gzip(identity);
        badCrc[badCrc.length - 8] ^= 0x01;
        assertThrows(IllegalStateException.class, () -> IdentityBodies.gunzip(badCrc, identity.length));
    }

    @Test
    void aGzipThatDoesNotDecodeToTheStoredLengthIsAnError() throws IOException {
        byte[] identity = json("a", 50);
        IdentityBodies bodies = new IdentityBodies(1 << 20);
        assertThrows(IllegalStateException.class, () -> bodies.of("/a", entry(null, identity.length + 1, gzip(identity))));
        assertThrows(IllegalStateException.class, () -> bodies.of("/b", entry(null, identity.length - 1, gzip(identity))));
    }
}
