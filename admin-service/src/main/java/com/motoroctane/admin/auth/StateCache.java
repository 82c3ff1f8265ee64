package com.motoroctane.admin.auth;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A replica's short memory of account and session state, so that not every request reads MongoDB. An
 * entry lives at most {@code ttl}, which bounds how long another replica's revocation takes to reach this
 * one; this replica's own changes invalidate at once. A zero ttl reads MongoDB every time.
 */
final class StateCache<K, V> {

    private final Cache<K, V> cache;

    StateCache(Duration ttl) {
        this.cache = ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    V get(K key, Function<K, V> load) {
        return cache == null ? load.apply(key) : cache.get(key, load);
    }

    void invalidate(K key) {
        if (cache != null) {
            cache.invalidate(key);
        }
    }

    void invalidateIf(Predicate<K> which) {
        if (cache != null) {
            cache.asMap().keySet().removeIf(which);
        }
    }
}
