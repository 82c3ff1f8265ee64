package com.motoroctane.gateway.ratelimit;

/**
 * The answer of one limiter call. {@code resetMillis}: when allowed, how long until the current window
 * ends; when refused, how long until the weighted count has dropped enough for a request to fit again.
 * {@code store} says whether the counts were shared through Redis at the time; {@code windowStart} is the
 * window the request was counted in (what {@link RateLimiter#release} takes it back out of).
 */
public record Decision(boolean allowed, int limit, int remaining, long resetMillis, String policy, Store store,
                       long windowStart) {

    public enum Store { REDIS, MEMORY }

    public long resetSeconds() {
        return Math.max(1, (resetMillis + 999) / 1000);
    }
}
