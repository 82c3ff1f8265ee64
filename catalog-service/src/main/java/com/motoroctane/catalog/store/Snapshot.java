package com.motoroctane.catalog.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * A derived view of the whole catalogue (price summaries, the search index) held in memory. After
 * {@code refresh} it is rebuilt in the background while readers keep the previous one, so no request
 * waits for a rebuild except the very first.
 */
final class Snapshot<T> {

    private final LoadingCache<Boolean, T> holder;

    Snapshot(Duration refresh, Supplier<T> loader) {
        this.holder = Caffeine.newBuilder()
                .maximumSize(1)
                .refreshAfterWrite(refresh.toMillis(), TimeUnit.MILLISECONDS)
                .build(ignored -> loader.get());
    }

    T get() {
        return holder.get(Boolean.TRUE);
    }

    /** Forces the next reader to rebuild (after a write was announced). */
    void invalidate() {
        holder.invalidateAll();
    }
}
