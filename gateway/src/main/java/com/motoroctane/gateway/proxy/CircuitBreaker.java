package com.motoroctane.gateway.proxy;

import java.util.function.LongSupplier;

import com.motoroctane.gateway.config.GatewayConfig;

/**
 * Per-upstream breaker over a count-based rolling window. Open: every call is refused at once (the
 * gateway answers 503 without touching the upstream) until {@code delay} has passed; then one probe goes
 * through, and its outcome closes the breaker or opens it for another delay.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int windowSize;
    private final int minimumCalls;
    private final double failureRatio;
    private final long delayMillis;
    private final LongSupplier clock;

    private final boolean[] outcomes;
    private int next;
    private int recorded;
    private int failures;
    private State state = State.CLOSED;
    private long openedAt;
    private boolean probing;

    public CircuitBreaker(GatewayConfig.Breaker config, LongSupplier clock) {
        this.windowSize = Math.max(1, config.window());
        this.minimumCalls = Math.max(1, Math.min(config.minimumCalls(), windowSize));
        this.failureRatio = config.failureRatio();
        this.delayMillis = config.delay().toMillis();
        this.clock = clock;
        this.outcomes = new boolean[windowSize];
    }

    /** May a call go to the upstream now? In half-open state only one probe at a time may. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN) {
            if (clock.getAsLong() - openedAt < delayMillis) {
                return false;
            }
            state = State.HALF_OPEN;
            probing = false;
        }
        if (state == State.HALF_OPEN) {
            if (probing) {
                return false;
            }
            probing = true;
        }
        return true;
    }

    public synchronized void onSuccess() {
        if (state == State.HALF_OPEN) {
            close();
            return;
        }
        record(false);
    }

    public synchronized void onFailure() {
        if (state == State.HALF_OPEN) {
            open();
            return;
        }
        if (state == State.OPEN) {
            return;
        }
        record(true);
        if (recorded >= minimumCalls && failures >= failureRatio * recorded) {
            open();
        }
    }

    /** A call that was let through but never reached a verdict (client went away): free the probe slot. */
    public synchronized void onAbandoned() {
        if (state == State.HALF_OPEN) {
            probing = false;
        }
    }

    public synchronized State state() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= delayMillis) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Seconds until a probe is allowed, for Retry-After. */
    public synchronized long retryAfterSeconds() {
        long left = delayMillis - (clock.getAsLong() - openedAt);
        return Math.max(1, (left + 999) / 1000);
    }

    public synchronized void reset() {
        close();
    }

    private void record(boolean failed) {
        if (recorded == windowSize) {
            if (outcomes[next]) {
                failures--;
            }
        } else {
            recorded++;
        }
        outcomes[next] = failed;
        if (failed) {
            failures++;
        }
        next = (next + 1) % windowSize;
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.getAsLong();
        probing = false;
    }

    private void close() {
        state = State.CLOSED;
        probing = false;
        next = 0;
        recorded = 0;
        failures = 0;
        java.util.Arrays.fill(outcomes, false);
    }
}
