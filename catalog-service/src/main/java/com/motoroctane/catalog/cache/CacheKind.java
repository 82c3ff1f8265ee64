package com.motoroctane.catalog.cache;

import com.motoroctane.catalog.config.CatalogConfig;

/** What a cached response holds, which decides its TTL and the first segment of its key. */
public enum CacheKind {
    BRANDS, MODELS, VARIANTS, STATS, SEARCH, PAGES;

    public int ttlSeconds(CatalogConfig.Ttl ttl) {
        return switch (this) {
            case BRANDS -> ttl.brands();
            case MODELS -> ttl.models();
            case VARIANTS -> ttl.variants();
            case STATS -> ttl.stats();
            case SEARCH -> ttl.search();
            case PAGES -> ttl.pages();
        };
    }

    public String segment() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
