package com.motoroctane.cache;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.motoroctane.common.cache.TagIndex;

/**
 * The in-process tier. Entries are fresh for a few seconds; after that they are kept (bounded by
 * bytes) only so that an origin failure can still be answered with {@code X-Cache: STALE}.
 *
 * <p>An invalidation visits the entries its tags name through a {@link TagIndex} (the one the gateway's edge cache
 * and compare-service's catalog copies use): tags are indexed before their entry is held, and forgotten by the
 * removal of an entry (a replacement included) unless the entry held for the key now carries them too.
 */
@ApplicationScoped
public class L1Cache {

    /** {@code storedAtMillis} is when this process stored it, which is what L1 freshness counts from. */
    public record Entry(CachedResponse response, long storedAtMillis, Set<String> tags) {
    }

    private final Cache<String, Entry> entries;
    private final long freshMillis;
    /** Surrogate key → cache keys holding it, so an invalidation event evicts exactly those. */
    private final TagIndex index = new TagIndex();

    public L1Cache(ResponseCacheConfig config) {
        ResponseCacheConfig.L1 l1 = config.l1();
        this.freshMillis = l1.ttl().toMillis();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(l1.maxBytes())
                .weigher((String key, Entry e) -> key.length() + e.response().body().length + 256)
                .expireAfterWrite(l1.staleRetention().toMillis(), TimeUnit.MILLISECONDS)
                .removalListener((String key, Entry e, RemovalCause cause) -> {
                    if (key != null && e != null) {
                        forget(key, e);
                    }
                })
                .build();
    }

    /** A fresh entry, or null. */
    public CachedResponse fresh(String key, long now) {
        Entry e = entries.getIfPresent(key);
        if (e == null || now - e.storedAtMillis() >= freshMillis || e.response().remainingSeconds(now) == 0) {
            return null;
        }
        return e.response();
    }

    /** Whatever is held for the key, however old: the last resort when the origin fails. */
    public CachedResponse any(String key) {
        Entry e = entries.getIfPresent(key);
        return e == null ? null : e.response();
    }

    /**
     * Holds {@code response} under {@code key}, its tags indexed first: an invalidation between the two finds the
     * key with nothing (or the entry before) held and leaves the index as it is, one after it finds the entry.
     */
    public void put(String key, CachedResponse response) {
        Entry entry = new Entry(response, System.currentTimeMillis(), Set.copyOf(response.tags()));
        index.add(key, entry.tags());
        entries.put(key, entry);
    }

    /** Drops every entry tagged with any of {@code tags}; returns how many it dropped. */
    public int invalidateTags(Collection<String> tags) {
        return index.evict(tags, entries.asMap(), Entry::tags);
    }

    /** The tags of an entry that left {@code key} leave the index, unless the entry now held carries them. */
    private void forget(String key, Entry left) {
        index.remove(key, left.tags(), entries.asMap(), Entry::tags);
    }

    public void invalidate(String key) {
        entries.invalidate(key);
    }

    /** Drops every entry (each removal forgets its tags). */
    public void invalidateAll() {
        entries.invalidateAll();
    }

    public long size() {
        return entries.estimatedSize();
    }

    /** How many (tag, key) pairs the index holds (for tests: it follows what is held). */
    long indexedPairs() {
        return index.pairs();
    }

    /** Runs the cache's pending maintenance (removals and their notifications) now (for tests). */
    void cleanUp() {
        entries.cleanUp();
    }
}
