package com.motoroctane.catalog.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every knob of catalog-service; each has an env-var override (see application.properties). The response
 * cache's own knobs (L1, Redis budget and breaker, HTTP caching headers) are {@code response-cache.*}.
 */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Paging paging();

    Cache cache();

    Cursor cursor();

    Http http();

    interface Http {
        /** Longest request URI accepted; longer is a 414 problem+json (quarkus.http.limits.max-initial-line-length stays above). */
        @WithDefault("8192")
        int maxUriLength();

        /** Most bytes of request headers accepted; more is a 431 problem+json (quarkus.http.limits.max-header-size stays above). */
        @WithDefault("16384")
        int maxHeaderBytes();
    }

    interface Paging {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();

        @WithDefault("50")
        int maxBatchIds();

        @WithDefault("50")
        int maxSearchResults();

        @WithDefault("100")
        int maxQueryLength();
    }

    interface Cache {
        /** Seconds each kind of response lives in L2 (and is advertised to CDNs as s-maxage). */
        Ttl ttl();

        /**
         * Most bytes of surrogate keys one response carries (lists degrade to coarser tags to stay under it),
         * far below the 8 KB a proxy's client accepts for all headers and the 16 KB a CDN allows.
         */
        @WithDefault("2048")
        int surrogateKeyMaxBytes();

        @WithDefault("true")
        boolean warmUp();

        /** How often the derived price/search snapshots are rebuilt from MongoDB in the background. */
        @WithDefault("60s")
        Duration snapshotRefresh();
    }

    interface Ttl {
        @WithDefault("3600")
        int brands();

        @WithDefault("1800")
        int models();

        @WithDefault("900")
        int variants();

        @WithDefault("300")
        int stats();

        @WithDefault("900")
        int search();

        @WithDefault("900")
        int pages();
    }

    interface Cursor {
        /** HMAC key for opaque cursors; all replicas must share it. Random per process when unset. */
        Optional<String> secret();
    }
}
