package com.motoroctane.gateway.support;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.gateway.ratelimit.WindowClock;

import io.quarkus.test.Mock;

/**
 * The real clock, moved forward to the start of a fresh window before each test. The limiter's windows are
 * aligned to the clock (a sliding-window counter weighs the previous window by how far the current one has
 * gone), so a test that happened to cross a boundary would count its first requests at a fraction of their
 * weight; starting every test at a boundary makes its counts exact without waiting for one. Time only ever
 * moves forward.
 */
@Mock
@ApplicationScoped
public class TestWindowClock extends WindowClock {

    private final AtomicLong offset = new AtomicLong();

    @Override
    public long getAsLong() {
        return System.currentTimeMillis() + offset.get();
    }

    /**
     * Jumps to a multiple of {@code windowMillis} (which every shorter window that divides it shares), one
     * whole window past the next boundary: a sync of the previous test still in flight can then only touch a
     * window that is neither current nor previous.
     */
    public void startNextWindow(long windowMillis) {
        long now = getAsLong();
        offset.addAndGet(2 * windowMillis - Math.floorMod(now, windowMillis));
    }
}
