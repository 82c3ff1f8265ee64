package com.motoroctane.cache;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

/**
 * The in-process tier. Entries are fresh for a few seconds; after that they are kept (bounded by
 * bytes) only so that an origin failure can still be answered with {@code X-Cache: STALE}.
 */
@ApplicationScoped
public class L1Cache {

    /** {@code storedAtMillis} is when this process stored it, which is what L1 freshness counts from. */
    public record Entry(CachedResponse response, long storedAtMillis) {
    }

    private final Cache<String, Entry> entries;
    private final long freshMillis;
    /** Surrogate key → cache keys holding it, so an invalidation event evicts exactly those. */
    private final Map<String, Set<String>> byTag = new ConcurrentHashMap<>();

    public L1Cache(ResponseCacheConfig config) {
        ResponseCacheConfig.L1 l1 = config.l1();
        this.freshMillis = l1.ttl().toMillis();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(l1.maxBytes())
                .weigher((String key, Entry e) -> key.length() + e.response().body().length + 256)
                .expireAfterWrite(l1.staleRetention().toMillis(), TimeUnit.MILLISECONDS)
                .removalListener((String key, Entry e, RemovalCause cause) -> {
                    if (key != null && e != null && cause != RemovalCause.REPLACED) {
                        untag(key, e.response());
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

    public void put(String key, CachedResponse response) {
        for (String tag : response.tags()) {
            byTag.computeIfAbsent(tag, t -> ConcurrentHashMap.newKeySet()).add(key);
        }
        entries.put(key, new Entry(response, System.currentTimeMillis()));
    }

    /** Drops every entry tagged with any of {@code tags}; returns how many keys that named. */
    public int invalidateTags(Collection<String> tags) {
        Set<String> keys = new HashSet<>();
        for (String tag : tags) {
            Set<String> tagged = byTag.remove(tag);
            if (tagged != null) {
                keys.addAll(tagged);
            }
        }
        entries.invalidateAll(keys);
        return keys.size();
    }

    private void untag(String key, CachedResponse response) {
        for (String tag : response.tags()) {
            Set<String> tagged = byTag.get(tag);
            if (tagged != null) {
                tagged.remove(key);
            }
        }
    }

    public void invalidate(String key) {
        entries.invalidate(key);
    }

    public void invalidateAll() {
        entries.invalidateAll();
        byTag.clear();
    }

    public long size() {
        return entries.estimatedSize();
    }
}
