package com.motoroctane.cache;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The response cache's knobs, under {@code response-cache.*} in the adopting service's
 * application.properties (env overrides as usual: {@code RESPONSE_CACHE_L1_TTL}, ...). The per-kind TTLs
 * are the service's own: it passes one to every {@link ResponseCache#serve} call.
 */
@ConfigMapping(prefix = "response-cache")
public interface ResponseCacheConfig {

    /**
     * The Redis key prefix this service owns (one per service, see common's {@code CacheKeys}), e.g.
     * {@code catalog:}. No default: every key, tag set and full flush ({@code SCAN <prefix>*}) lives under
     * it, so it must be named, non-blank and end with {@code ':'}.
     */
    String keyPrefix();

    /** First segment of every meter and of the consumer thread's name, e.g. {@code catalog}. No default. */
    String metricsPrefix();

    L1 l1();

    /** Per-call Redis budget; slower answers count as failures and the request goes on without L2. */
    @WithDefault("50ms")
    Duration redisTimeout();

    /** Rolling-window size, failure ratio and open time of the circuit breaker around Redis. */
    @WithDefault("10")
    int redisBreakerVolume();

    @WithDefault("0.5")
    double redisBreakerFailureRatio();

    @WithDefault("5s")
    Duration redisBreakerDelay();

    /** {@code max-age} is the smaller of this and the entry's TTL. */
    @WithDefault("60")
    int browserMaxAge();

    @WithDefault("60")
    int staleWhileRevalidate();

    @WithDefault("86400")
    int staleIfError();

    /** Response header carrying the entry's tags for CDN purges. */
    @WithDefault("Surrogate-Key")
    String surrogateKeyHeader();

    /**
     * Seconds a Redis tag set ({@code <keyPrefix>tag:<tag>}) lives after its last write. It must outlive the
     * longest entry TTL or a set could forget a live entry; {@link RedisL2} therefore never gives a set less
     * than the TTL of the entry it just added, whatever this says.
     */
    @WithDefault("7200")
    int tagTtlSeconds();

    /**
     * Whether answers carry {@code X-Invalidations-Applied} ({@link InvalidationStamps}): true for a service whose
     * answers are built from its own reads; false for one that builds them from another service's answers, which
     * may lag behind it (the edge then orders them by its second purge instead).
     */
    @WithDefault("true")
    boolean stampAnswers();

    /** {@code Retry-After} on the 503 answered when the origin fails and nothing stale is held. */
    @WithDefault("5")
    int retryAfterSeconds();

    interface L1 {
        /** How long an in-process entry is fresh. */
        @WithDefault("10s")
        Duration ttl();

        /** Entries past their freshness are kept this long to answer {@code X-Cache: STALE} when the origin fails. */
        @WithDefault("10m")
        Duration staleRetention();

        /** Bound of the in-process tier in bytes (body + key + overhead per entry). */
        @WithName("max-bytes")
        @WithDefault("67108864")
        long maxBytes();
    }
}
