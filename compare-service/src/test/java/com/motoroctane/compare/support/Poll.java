package com.motoroctane.compare.support;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something asynchronous (an event applied, a background flush) by asking again, never by sleeping blindly. */
public final class Poll {

    private static final long TIMEOUT_MILLIS = 20_000;

    private Poll() {
    }

    public static <T> T until(String what, Supplier<T> read, Predicate<T> done) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        T last = read.get();
        while (!done.test(last)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        return last;
    }
}
