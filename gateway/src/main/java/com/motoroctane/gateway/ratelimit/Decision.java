package com.motoroctane.gateway.ratelimit;

/**
 * The answer of one limiter call. {@code resetMillis} is how long until the oldest counted request leaves
 * the window (when refused: until a request will be accepted again). {@code store} says who decided.
 */
public record Decision(boolean allowed, int limit, int remaining, long resetMillis, String policy, Store store,
                       String member) {

    public enum Store { REDIS, MEMORY }

    public long resetSeconds() {
        return Math.max(1, (resetMillis + 999) / 1000);
    }
}
