package com.motoroctane.catalog.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * A derived view of the whole catalogue (price summaries, the search index) held in memory. After
 * {@code refresh} it is rebuilt in the background while readers keep the previous one, so no request
 * waits for a rebuild except the very first. A variant event patches the part it names on the event's
 * thread before the caches are evicted, readers keeping the previous one meanwhile, so frequent writes never
 * make readers wait; rarer writes (brands, models, bulk) drop it for the next reader to rebuild.
 */
final class Snapshot<T> {

    private static final Logger LOG = Logger.getLogger(Snapshot.class);

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

    /**
     * Replaces it by {@code change} applied to the current one (loaded first if there is none), on the
     * caller's thread; readers keep the current one meanwhile. When the change fails it is dropped instead, so
     * the next reader rebuilds it whole.
     */
    void patch(UnaryOperator<T> change) {
        try {
            holder.put(Boolean.TRUE, change.apply(get()));
        } catch (RuntimeException e) {
            LOG.warnf("Patch failed (%s): the next reader rebuilds it", e.toString());
            holder.invalidateAll();
        }
    }

    /** Forces the next reader to rebuild. */
    void invalidate() {
        holder.invalidateAll();
    }
}
