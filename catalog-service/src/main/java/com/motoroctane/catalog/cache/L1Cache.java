package com.motoroctane.catalog.cache;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.motoroctane.catalog.config.CatalogConfig;

/**
 * The in-process tier. Entries are fresh for a few seconds; after that they are kept (bounded by
 * bytes) only so that a MongoDB failure can still be answered with {@code X-Cache: STALE}.
 */
@ApplicationScoped
public class L1Cache {

    /** {@code storedAtMillis} is when this process stored it, which is what L1 freshness counts from. */
    public record Entry(CachedResponse response, long storedAtMillis) {
    }

    private final Cache<String, Entry> entries;
    private final long freshMillis;

    public L1Cache(CatalogConfig config) {
        CatalogConfig.L1 l1 = config.cache().l1();
        this.freshMillis = l1.ttl().toMillis();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(l1.maxBytes())
                .weigher((String key, Entry e) -> key.length() + e.response().body().length + 256)
                .expireAfterWrite(l1.staleRetention().toMillis(), TimeUnit.MILLISECONDS)
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

    public void put(String key, CachedResponse response) {
        entries.put(key, new Entry(response, System.currentTimeMillis()));
    }

    public void invalidate(String key) {
        entries.invalidate(key);
    }

    public void invalidateAll() {
        entries.invalidateAll();
    }

    public long size() {
        return entries.estimatedSize();
    }
}
