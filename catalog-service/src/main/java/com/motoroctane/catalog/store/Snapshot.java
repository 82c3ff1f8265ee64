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
 * waits for a rebuild except the very first. An invalidation event rebuilds it (or patches the part the
 * event names) on the event's thread before the caches are evicted, readers keeping the previous one
 * meanwhile: a burst of writes never makes readers wait for a rebuild.
 */
final class Snapshot<T> {

    private static final Logger LOG = Logger.getLogger(Snapshot.class);

    private final LoadingCache<Boolean, T> holder;
    private final Supplier<T> loader;

    Snapshot(Duration refresh, Supplier<T> loader) {
        this.loader = loader;
        this.holder = Caffeine.newBuilder()
                .maximumSize(1)
                .refreshAfterWrite(refresh.toMillis(), TimeUnit.MILLISECONDS)
                .build(ignored -> loader.get());
    }

    T get() {
        return holder.get(Boolean.TRUE);
    }

    /**
     * Rebuilds it now, on the caller's thread; readers keep the previous one until the new one is in. When the
     * rebuild fails the previous one is dropped, so the next reader rebuilds it (or fails as it would have).
     */
    void reload() {
        try {
            holder.put(Boolean.TRUE, loader.get());
        } catch (RuntimeException e) {
            LOG.warnf("Rebuild failed (%s): the next reader rebuilds", e.toString());
            holder.invalidateAll();
        }
    }

    /**
     * Replaces it by {@code change} applied to the current one (loaded first if there is none), on the
     * caller's thread. Falls back to a whole {@link #reload} when the change fails.
     */
    void patch(UnaryOperator<T> change) {
        try {
            holder.put(Boolean.TRUE, change.apply(get()));
        } catch (RuntimeException e) {
            LOG.warnf("Patch failed (%s): rebuilding", e.toString());
            reload();
        }
    }

    /** Forces the next reader to rebuild. */
    void invalidate() {
        holder.invalidateAll();
    }
}
