package com.motoroctane.common.cache;

/**
 * Cache-key naming every service agrees on: each service owns one key prefix in Redis. The surrogate
 * keys (tags) entries are evicted by are named by {@link Tags}.
 */
public final class CacheKeys {

    public static final String CATALOG_PREFIX = "catalog:";

    private CacheKeys() {
    }
}
