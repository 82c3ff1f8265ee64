package com.motoroctane.gateway.edgecache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.MultiMap;

/** How long an answer may be served from the edge, from its status and headers alone. */
class CachePolicyTest {

    private final CachePolicy policy = new CachePolicy(new GatewayConfig.EdgeCache() {
        public boolean enabled() { return true; }
        public long maxBytes() { return 1 << 20; }
        public int maxObjectBytes() { return 1 << 16; }
        public long identityMaxBytes() { return 1 << 16; }
        public Duration maxTtl() { return Duration.ofHours(1); }
        public List<Integer> statuses() { return List.of(200, 301, 404); }
        public Duration notFoundTtl() { return Duration.ofSeconds(10); }
        public Duration staleTtl() { return Duration.ofSeconds(1); }
        public boolean brotli() { return false; }
        public int brotliQuality() { return 5; }
        public String surrogateKeyHeader() { return "Surrogate-Key"; }
        public Duration rePurgeAfter() { return Duration.ZERO; }
        public Duration serveStaleAfterPurge() { return Duration.ZERO; }
        public Duration serveStaleIfError() { return Duration.ofHours(1); }
    });

    private static MultiMap headers(String... pairs) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Test
    void sMaxAgeWinsOverMaxAgeAndTheUpstreamsAgeIsSubtracted() {
        assertEquals(300_000, policy.ttlMillis(200, headers("Cache-Control", "public, max-age=60, s-maxage=300")));
        assertEquals(60_000, policy.ttlMillis(200, headers("Cache-Control", "public, max-age=60")));
        assertEquals(200_000, policy.ttlMillis(200, headers("Cache-Control", "s-maxage=300", "Age", "100")));
        assertEquals(0, policy.ttlMillis(200, headers("Cache-Control", "max-age=60", "Age", "61")), "already stale");
        assertEquals(3_600_000, policy.ttlMillis(200, headers("Cache-Control", "s-maxage=86400")), "capped by max-ttl");
    }

    @Test
    void privateNoStoreNoCacheCookiesVaryOtherThanEncodingAndOtherStatusesAreNotStored() {
        assertEquals(0, policy.ttlMillis(200, headers("Cache-Control", "private, max-age=60")));
        assertEquals(0, policy.ttlMillis(200, headers("Cache-Control", "no-store, s-maxage=60")));
        assertEquals(0, policy.ttlMillis(200, headers("Cache-Control", "no-cache, s-maxage=60")));
        assertEquals(0, policy.ttlMillis(200, headers("Cache-Control", "s-maxage=60", "Set-Cookie", "a=b")));
        assertEquals(0, policy.ttlMillis(200, headers("Cache-Control", "s-maxage=60", "Vary", "Accept")));
        assertEquals(0, policy.ttlMillis(200, headers("Cache-Control", "s-maxage=60", "Content-Encoding", "gzip")));
        assertEquals(0, policy.ttlMillis(200, headers()));
        assertEquals(0, policy.ttlMillis(503, headers("Cache-Control", "s-maxage=60")));
        assertEquals(0, policy.ttlMillis(500, headers("Cache-Control", "s-maxage=60")));
        assertEquals(60_000, policy.ttlMillis(200, headers("Cache-Control", "s-maxage=60", "Vary", "Accept-Encoding")));
    }

    @Test
    void staleIfErrorIsTheUpstreamsCappedAndNothingWithoutIt() {
        assertEquals(600_000, policy.staleIfErrorMillis(headers("Cache-Control", "public, s-maxage=60, stale-if-error=600")));
        assertEquals(3_600_000, policy.staleIfErrorMillis(headers("Cache-Control", "s-maxage=60, stale-if-error=86400")),
                "capped by serve-stale-if-error");
        assertEquals(0, policy.staleIfErrorMillis(headers("Cache-Control", "public, s-maxage=60, stale-while-revalidate=60")));
        assertEquals(0, policy.staleIfErrorMillis(headers("Cache-Control", "s-maxage=60, stale-if-error=soon")));
    }

    @Test
    void notFoundAndStaleAnswersAreKeptOnlyBriefly() {
        assertEquals(10_000, policy.ttlMillis(404, headers("Cache-Control", "public, s-maxage=600")));
        assertEquals(1_000, policy.ttlMillis(200, headers("Cache-Control", "public, s-maxage=600", "X-Cache", "STALE")));
        assertEquals(600_000, policy.ttlMillis(301, headers("Cache-Control", "public, s-maxage=600")));
    }
}
