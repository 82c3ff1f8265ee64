package com.motoroctane.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every knob of the gateway. application.properties sets each one with an env-var override; the
 * {@code %test} and {@code %bench} profiles shorten or raise them.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name. An upstream without {@code url} is configured but not deployed. */
    Map<String, Upstream> upstreams();

    /** The routing table: path prefixes (and optionally methods) mapped to an upstream, by route name. */
    Map<String, Route> routes();

    ClientIp clientIp();

    RateLimit rateLimit();

    Cors cors();

    Auth auth();

    Limits limits();

    SecurityHeaders securityHeaders();

    Compression compression();

    Monitoring monitoring();

    EdgeCache edgeCache();

    interface Upstream {
        Optional<String> url();

        @WithDefault("1s")
        Duration connectTimeout();

        /** Longest silence allowed while waiting for the upstream's headers or the next body chunk. */
        @WithDefault("10s")
        Duration readTimeout();

        /** Extra attempts for GET/HEAD only, after a connect failure or a 502/503. */
        @WithDefault("2")
        int retries();

        /** First backoff; each further retry doubles it, plus up to 50% jitter. */
        @WithDefault("50ms")
        Duration retryBackoff();

        /** Bulkhead: requests in flight to this upstream beyond this answer 503 at once. */
        @WithDefault("1024")
        int maxConcurrent();

        /** Keep-alive connections per event loop (each loop has its own pool). */
        @WithDefault("256")
        int poolSize();

        /**
         * Background refreshes of soft-purged edge-cache entries in flight to this upstream at most (per replica).
         * They are best effort: past this a purged entry keeps being answered stale and a later request asks
         * again (so the keys asked for most are refreshed first), and a write that purges hundreds of entries
         * cannot flood the origin.
         */
        @WithDefault("4")
        int maxRefreshes();

        Breaker breaker();

        /**
         * Largest response header block accepted from this upstream (bytes). Services send long Surrogate-Key
         * headers; past this the answer is a 502 that is neither retried nor counted by the breaker.
         */
        @WithDefault("32768")
        int maxHeaderSize();

        @WithDefault("/q/health/ready")
        String healthPath();

        @WithDefault("/q/openapi?format=json")
        String openapiPath();
    }

    interface Breaker {
        /** Calls remembered (a count-based rolling window); no decision before it is full. */
        @WithDefault("20")
        int window();

        @WithDefault("0.5")
        double failureRatio();

        /** Time the breaker stays open before one probe request is let through. */
        @WithDefault("5s")
        Duration delay();
    }

    interface Route {
        String upstream();

        List<String> prefixes();

        /** Methods this route takes; all of them when absent. */
        Optional<List<String>> methods();
    }

    interface ClientIp {
        /** Peers (IPs or CIDRs) whose X-Forwarded-For is believed; everyone else is identified by socket address. */
        Optional<List<String>> trustedProxies();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("rl:")
        String keyPrefix();

        /** Budget for one sync call to Redis; slower counts as Redis being down. */
        @WithDefault("100ms")
        Duration redisTimeout();

        /** After a failed sync, how long the replica goes on with its local counts alone before Redis is tried again. */
        @WithDefault("2s")
        Duration redisRetryInterval();

        /**
         * How often this replica flushes its counts to Redis and reads back the global ones. The overshoot
         * across N replicas is at most what they admit in one interval (README, "Rate limits").
         */
        @WithDefault("100ms")
        Duration syncInterval();

        /** Keys per Lua call of one sync (two window counters each). */
        @WithDefault("500")
        int syncBatch();

        /** Upper bound of client keys this replica keeps counters for. */
        @WithDefault("200000")
        int memoryMaxKeys();

        @WithName("public")
        Limit publicReads();

        /** Reads of images ({@link #mediaPaths()}), counted apart from the other public reads. */
        Limit media();

        Limit modify();

        Limit bulk();

        Limit auth();

        /** Login endpoints: limited per client IP and per account, counting only failed attempts. */
        List<String> authPaths();

        List<String> bulkPaths();

        /** GET/HEAD under these prefixes count in the {@code media} class instead of {@code public}. */
        @WithDefault("/uploads")
        List<String> mediaPaths();

        /** Never limited; none by default (probes and Prometheus use the management port). */
        Optional<List<String>> exemptPaths();

        /** JSON field of a login body naming the account. */
        @WithDefault("email")
        String accountField();

        /** Largest login body read to find the account. */
        @WithDefault("16384")
        int maxAuthBodyBytes();
    }

    interface Limit {
        int limit();

        Duration window();
    }

    interface Cors {
        List<String> origins();

        List<String> methods();

        List<String> headers();

        List<String> exposedHeaders();

        @WithDefault("PT24H")
        Duration maxAge();
    }

    interface Auth {
        /** admin-service's JWKS; checked first when set. */
        Optional<String> jwksUrl();

        /** PEM or base64 DER public key used while admin-service (and its JWKS) is not deployed. */
        Optional<String> publicKey();

        Optional<String> issuer();

        @WithDefault("PT10M")
        Duration jwksRefresh();

        /**
         * A token whose key id the cached JWKS lacks (admin-service rotated its key) reads the JWKS again, at most
         * this often (whole minutes; 0: every such token, though jose4j never reads it twice within 300 ms). Bounds
         * what tokens with made-up key ids can cost admin-service.
         */
        @WithDefault("PT1M")
        Duration jwksUnknownKeyRefresh();

        @WithDefault("60")
        int clockSkewSeconds();

        List<String> adminRoles();

        /** Roles that may write catalogue documents (editors create and edit; admin-service refuses their deletes). */
        List<String> writerRoles();

        /**
         * Every method needs a writer token (editor or above): the news desk under {@code /api/admin}, which
         * editors run (admin-service refuses their deletes). Matched before {@link #adminPaths()}.
         */
        List<String> writerPaths();

        /** Every method needs an admin token. */
        List<String> adminPaths();

        /** Writes (POST/PUT/PATCH/DELETE) need an admin token; reads are public. */
        List<String> adminWritePaths();

        /** Any valid token. */
        List<String> authenticatedPaths();
    }

    interface Limits {
        @WithDefault("8192")
        int maxUriLength();

        @WithDefault("16384")
        int maxHeaderBytes();

        /**
         * Request bodies above this are refused with 413: a declared Content-Length before anything is read,
         * any other body (chunked) as soon as the bytes counted while relaying it pass the limit.
         */
        @WithDefault("10485760")
        long maxBodyBytes();

        /** How long the rest of a refused body is read away before the connection is closed on the client. */
        @WithDefault("5s")
        Duration drainTimeout();

        /** {@code Retry-After} on a 503 from load shedding (the extension writes that answer, without one). */
        @WithDefault("1s")
        Duration shedRetryAfter();
    }

    interface SecurityHeaders {
        String hsts();

        String contentSecurityPolicy();

        String referrerPolicy();

        String permissionsPolicy();
    }

    interface Compression {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1024")
        int minBytes();
    }

    interface Monitoring {
        @WithDefault("1s")
        Duration upstreamProbeTimeout();

        @WithDefault("60s")
        Duration openapiCacheTtl();

        @WithDefault("production")
        String environment();
    }

    /** The HTTP cache over the services' public GET/HEAD answers (README, "Edge cache"). */
    interface EdgeCache {
        @WithDefault("true")
        boolean enabled();

        /** Bound of everything held (bodies of every variant, headers, key), by a Caffeine weigher. */
        @WithDefault("134217728")
        long maxBytes();

        /**
         * Bound of the identity bodies decoded from stored gzip for clients that accept no encoding (an entry worth
         * compressing is stored as gzip and br only), by a Caffeine weigher; apart from {@code max-bytes}.
         */
        @WithDefault("16777216")
        long identityMaxBytes();

        /** An identity body larger than this is relayed but not stored. */
        @WithDefault("2097152")
        int maxObjectBytes();

        /** Upper bound of any entry's life, whatever the upstream's {@code s-maxage}; purges handle changes. */
        @WithDefault("1h")
        Duration maxTtl();

        /** Statuses that may be stored (when the upstream's Cache-Control allows it). */
        @WithDefault("200,301,404")
        List<Integer> statuses();

        /** Upper bound for a 404: a missing page that appears must not stay missing for long. */
        @WithDefault("10s")
        Duration notFoundTtl();

        /** Upper bound for an answer the upstream served from stale data ({@code X-Cache: STALE}); 0 = never stored. */
        @WithDefault("1s")
        Duration staleTtl();

        /** br variants next to gzip (brotli4j, when its native library loads on this platform). */
        @WithDefault("true")
        boolean brotli();

        @WithDefault("5")
        int brotliQuality();

        /** Response header carrying the upstream's tags, space separated. */
        @WithDefault("Surrogate-Key")
        String surrogateKeyHeader();

        /**
         * An event's tags are purged again this long after the first purge (0: never). The services apply the same
         * event on their own, a moment later; a miss refilled from one that had not yet would otherwise keep the
         * old answer for its whole TTL (compare-service re-evicts for the same reason).
         */
        @WithDefault("2s")
        Duration rePurgeAfter();

        /**
         * A purged entry is still answered ({@code X-Cache: EDGE-STALE}) while one background request fetches its
         * new answer, for its upstream's {@code stale-while-revalidate} and at most this long (0: purges drop
         * entries, and the next request waits for the origin).
         */
        @WithDefault("60s")
        Duration serveStaleAfterPurge();

        /**
         * An answer that is stale (purged past the window above, or past its TTL) is kept for its upstream's
         * {@code stale-if-error} (RFC 5861), at most this long, and given ({@code X-Cache: EDGE-STALE-IF-ERROR})
         * instead of an error when the request for it cannot get a new one: the upstream refused (bulkhead, open
         * breaker), failed (connect, reset, timeout) or answered 500/502/503/504. 0: errors are relayed.
         */
        @WithDefault("1h")
        Duration serveStaleIfError();
    }
}
