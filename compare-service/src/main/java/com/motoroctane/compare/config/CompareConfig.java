package com.motoroctane.compare.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** compare-service's own settings (the catalog-service client and the response cache have their own prefixes). */
@ConfigMapping(prefix = "compare")
public interface CompareConfig {

    Items items();

    Ttl ttl();

    Alternatives alternatives();

    Trending trending();

    Invalidation invalidation();

    CatalogCache catalogCache();

    interface Items {
        /** Longest variant, model or slug id accepted; catalog-service's own limit is 200. */
        @WithDefault("200")
        int maxIdLength();

        /** Longest {brand}-{model}-vs-… path accepted before any slug resolution. */
        @WithDefault("600")
        int maxSlugPathLength();
    }

    /** L2 TTLs in seconds. */
    interface Ttl {
        @WithDefault("7200")
        int comparisons();

        @WithDefault("900")
        int alternatives();

        @WithDefault("7200")
        int popular();

        @WithDefault("60")
        int trending();

        /** What the models and slug forms resolve to (variant ids), cached so a cached comparison stays reachable. */
        @WithDefault("900")
        int resolutions();
    }

    interface Alternatives {
        @WithDefault("6")
        int defaultLimit();

        @WithDefault("20")
        int maxLimit();

        /** ±share of the variant's price that counts as "similar". */
        @WithDefault("0.15")
        double priceBand();

        /** Pages of 100 variants read from catalog-service per price band, at most. */
        @WithDefault("10")
        int maxPages();
    }

    interface Trending {
        @WithDefault("1s")
        Duration flushEvery();

        /** Members kept per hour bucket after a trim. */
        @WithDefault("1000")
        int bucketTopN();

        /** Trim a bucket (ZREMRANGEBYRANK) on every n-th flush that writes to it. */
        @WithDefault("30")
        int trimEvery();

        @WithDefault("10")
        int defaultLimit();

        @WithDefault("50")
        int maxLimit();
    }

    interface Invalidation {
        /**
         * catalog-service evicts its own cache on the same event a moment later or earlier than we do; a
         * comparison rebuilt in between could hold pre-write data, so every event's tags are evicted again
         * after this delay (0 = never).
         */
        @WithDefault("2s")
        Duration reEvictAfter();
    }

    /** compare-service's own copy of catalog-service's models, brands and cheapest variants ({@code client.CatalogCache}). */
    interface CatalogCache {
        /** At most this many models, brands and cheapest variants (0 = no copy: every read goes to catalog-service). */
        @WithDefault("20000")
        int maxEntries();

        /** A copy is read again after this long even when no event named it (a safety net; events evict it). */
        @WithDefault("10m")
        Duration ttl();
    }
}
