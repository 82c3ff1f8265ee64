package com.motoroctane.common.cache;

/**
 * Cache-key naming every service agrees on: each service owns exactly one key prefix in Redis, and
 * everything it caches (entries and response-cache's tag sets {@code <prefix>tag:*}) lives under it, so a
 * full flush ({@code SCAN <prefix>*}) of one service never touches another's keys. A service using the
 * response-cache module sets its prefix as {@code response-cache.key-prefix}. The surrogate keys (tags)
 * entries are evicted by are named by {@link Tags}.
 */
public final class CacheKeys {

    public static final String CATALOG_PREFIX = "catalog:";

    public static final String COMPARE_PREFIX = "compare:";

    private CacheKeys() {
    }
}
