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

    /** The promise: a revocation reaches every replica within this. */
    static final Duration MAX_TTL = Duration.ofSeconds(5);

    private final Cache<K, V> cache;

    StateCache(Duration ttl) {
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("admin.session.check-ttl is " + ttl
                    + ": at most " + MAX_TTL + ", or a revoked token would keep working longer");
        }
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
