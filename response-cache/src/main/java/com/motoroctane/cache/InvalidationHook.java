package com.motoroctane.cache;

import java.util.Set;

import com.motoroctane.common.events.InvalidationEvent;

/**
 * A service's own work on an invalidation event, run by {@link InvalidationConsumer} on its thread before
 * the cache is touched (so a reload the eviction triggers already sees it): refreshing derived snapshots,
 * widening the tags an event evicts. Implement it as a CDI bean (e.g. {@code @ApplicationScoped}); every
 * such bean is called, in no defined order.
 */
public interface InvalidationHook {

    /**
     * Called for every readable event that is not a full flush.
     *
     * @param tags the event's surrogate keys, a mutable set the hook may add to
     * @return the tags to evict (usually {@code tags}, possibly with more)
     */
    default Set<String> beforeEvict(InvalidationEvent event, Set<String> tags) {
        return tags;
    }

    /** Called before every full flush (a {@code *} tag, an unreadable event, a gap in the stream). */
    default void beforeFlush() {
    }
}
