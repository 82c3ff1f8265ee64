package com.motoroctane.gateway.ratelimit;

import java.time.Duration;

/** At most {@code limit} requests in any window of {@code window}: a sliding window, never a fixed one. */
public record Quota(int limit, Duration window) {

    public long windowMillis() {
        return window.toMillis();
    }

    /** The IETF RateLimit-Policy value, e.g. {@code 60;w=60}. */
    public String policy() {
        return limit + ";w=" + window.toSeconds();
    }
}
