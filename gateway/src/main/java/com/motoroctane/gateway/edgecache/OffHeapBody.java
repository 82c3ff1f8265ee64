package com.motoroctane.gateway.edgecache;

import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.ReferenceCounted;

/**
 * A stored body kept off the Java heap, in a direct buffer of its own (malloc'd, not pooled: it lives as long as
 * its entry), freed when its last reference is given back. On the heap, the edge cache's bodies (tens of MB) were
 * most of the gateway's old generation and every new or decoded body was copied into it by the young collections:
 * under the bench's mix the serial collector ran a full collection of ~120 ms every ~2 s, the mix's p99. Off the
 * heap, the collector neither copies nor marks them.
 *
 * <p>References: whoever holds the body in a cache (an {@link EdgeEntry} in the map, a decoded identity in
 * {@link IdentityBodies}) owns one, given back when it leaves; an answer or a decoding that reads it takes its own
 * with {@link #tryRetain()} and gives it back when done (an answer once its bytes are written). A reader that
 * found the entry just before it left the cache gets {@code false} from {@link #tryRetain()}, never freed memory.
 */
final class OffHeapBody extends AbstractReferenceCounted {

    /** Bytes of every body not yet freed, in this JVM (a gauge, and the tests' check that nothing is left over). */
    private static final AtomicLong LIVE_BYTES = new AtomicLong();

    private final ByteBuf bytes;

    private OffHeapBody(ByteBuf bytes) {
        this.bytes = bytes;
        LIVE_BYTES.addAndGet(bytes.readableBytes());
    }

    /** A copy of {@code bytes} off the heap, with one reference (the caller's). */
    static OffHeapBody copyOf(byte[] bytes) {
        ByteBuf direct = UnpooledByteBufAllocator.DEFAULT.directBuffer(bytes.length, bytes.length);
        direct.writeBytes(bytes);
        return new OffHeapBody(direct);
    }

    /** Takes over {@code direct}, a buffer written in full that nobody else releases, with one reference (the caller's). */
    static OffHeapBody adopt(ByteBuf direct) {
        return new OffHeapBody(direct);
    }

    /** A direct buffer for {@link #adopt}: {@code length} bytes to be written. */
    static ByteBuf allocate(int length) {
        return UnpooledByteBufAllocator.DEFAULT.directBuffer(length, length);
    }

    static long liveBytes() {
        return LIVE_BYTES.get();
    }

    int length() {
        return bytes.readableBytes();
    }

    /**
     * Takes a reference for one read (an answer, a decoding): false when the body was freed meanwhile, its entry
     * having left the cache since it was looked up. Given back with {@link #release()}.
     */
    boolean tryRetain() {
        try {
            retain();
            return true;
        } catch (IllegalReferenceCountException freed) {
            return false;
        }
    }

    /** A view of the bytes (own indexes, shared memory), valid while the caller holds a reference. */
    ByteBuf view() {
        return bytes.duplicate();
    }

    /** A copy on the heap (tests, and the rare gzip that is not the edge's own). */
    byte[] toArray() {
        byte[] copy = new byte[bytes.readableBytes()];
        bytes.getBytes(bytes.readerIndex(), copy);
        return copy;
    }

    @Override
    protected void deallocate() {
        LIVE_BYTES.addAndGet(-bytes.readableBytes());
        bytes.release();
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        return this;
    }
}
