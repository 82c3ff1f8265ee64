package com.motoroctane.gateway.ratelimit;

import java.util.function.LongSupplier;

import jakarta.inject.Singleton;

/**
 * Where the limiter's windows start: epoch millis, windows aligned to multiples of their length, so every
 * replica whose clock is NTP-synced agrees on the boundaries (a skew of δ shifts one replica's boundary by
 * δ, moving at most a δ/window share of the previous window's weight).
 */
@Singleton
public class WindowClock implements LongSupplier {

    @Override
    public long getAsLong() {
        return System.currentTimeMillis();
    }
}
