package com.motoroctane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class L1CacheTest {

    /** The real mapping with its defaults, as Quarkus would build it from these properties. */
    static ResponseCacheConfig config(String... keyValues) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(ResponseCacheConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // "10s", as Quarkus reads it
                .withDefaultValue("response-cache.key-prefix", "test:")
                .withDefaultValue("response-cache.metrics-prefix", "test");
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.withDefaultValue(keyValues[i], keyValues[i + 1]);
        }
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(ResponseCacheConfig.class);
    }

    private static CachedResponse entry(String tags) {
        return CachedResponse.of(("{\"tags\":\"" + tags + "\"}").getBytes(StandardCharsets.UTF_8), tags, 600, null);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ResponseCacheConfig c = config();
        assertEquals(10_000, c.l1().ttl().toMillis());
        assertEquals(600_000, c.l1().staleRetention().toMillis());
        assertEquals(64L * 1024 * 1024, c.l1().maxBytes());
        assertEquals(50, c.redisTimeout().toMillis());
        assertEquals(10, c.redisBreakerVolume());
        assertEquals(0.5, c.redisBreakerFailureRatio());
        assertEquals(5_000, c.redisBreakerDelay().toMillis());
        assertEquals(60, c.browserMaxAge());
        assertEquals(60, c.staleWhileRevalidate());
        assertEquals(86400, c.staleIfError());
        assertEquals("Surrogate-Key", c.surrogateKeyHeader());
        assertEquals(7200, c.tagTtlSeconds());
        assertEquals(5, c.retryAfterSeconds());
    }

    @Test
    void evictingATagDropsExactlyTheEntriesCarryingIt() {
        L1Cache l1 = new L1Cache(config());
        long now = System.currentTimeMillis();
        l1.put("test:variants:a", entry("variants brand:b1 model:m1"));
        l1.put("test:variants:b", entry("variants brand:b2 model:m2"));
        l1.put("test:brands:b1", entry("brand:b1"));
        l1.put("test:stats:all", entry("stats"));

        assertEquals(2, l1.invalidateTags(List.of("brand:b1")));
        assertNull(l1.fresh("test:variants:a", now));
        assertNull(l1.any("test:brands:b1"));
        assertNotNull(l1.fresh("test:variants:b", now), "an entry of another brand stays");
        assertNotNull(l1.fresh("test:stats:all", now));

        // "a" may still be indexed under "variants" (removals are told asynchronously): only what is held counts
        assertEquals(1, l1.invalidateTags(List.of("variants", "no-such-tag")));
        assertNull(l1.any("test:variants:b"));
        assertEquals(0, l1.invalidateTags(List.of("brand:b1")), "a tag is forgotten once evicted");
        assertNotNull(l1.any("test:stats:all"));
    }

    @Test
    void aReplacedEntryIsReachableByItsNewTags() {
        L1Cache l1 = new L1Cache(config());
        l1.put("test:models:x", entry("models brand:b1"));
        CachedResponse replacement = entry("models brand:b9");
        l1.put("test:models:x", replacement);
        assertSame(replacement, l1.any("test:models:x"));
        assertEquals(0, l1.invalidateTags(List.of("brand:b1")), "the tag of the entry it replaced no longer names it");
        assertSame(replacement, l1.any("test:models:x"));
        assertEquals(1, l1.invalidateTags(List.of("brand:b9")));
        assertNull(l1.any("test:models:x"));
    }

    @Test
    void theIndexFollowsWhatIsHeld() throws InterruptedException {
        L1Cache l1 = new L1Cache(config());
        l1.put("test:models:x", entry("models brand:b1"));
        l1.put("test:models:y", entry("models brand:b2"));
        assertEquals(4, l1.indexedPairs());
        l1.put("test:models:x", entry("models brand:b9")); // replaced: brand:b1 goes, models stays
        assertEquals(4, indexedPairsOnceSettled(l1, 4), "the replaced entry's own tag is forgotten");
        assertEquals(1, l1.invalidateTags(List.of("brand:b2")));
        assertEquals(2, indexedPairsOnceSettled(l1, 2), "only x's tags are left");
        l1.invalidateAll();
        assertEquals(0, indexedPairsOnceSettled(l1, 0));
    }

    /** Caffeine tells removals on its executor: the index is read again for a while until it holds {@code expected}. */
    private static long indexedPairsOnceSettled(L1Cache l1, long expected) throws InterruptedException {
        long pairs = l1.indexedPairs();
        for (int i = 0; i < 100 && pairs != expected; i++) {
            l1.cleanUp();
            Thread.sleep(20);
            pairs = l1.indexedPairs();
        }
        return pairs;
    }

    @Test
    void pastItsL1FreshnessAnEntryIsOnlyKeptForStaleAnswers() throws InterruptedException {
        L1Cache l1 = new L1Cache(config("response-cache.l1.ttl", "1ms"));
        CachedResponse e = entry("stats");
        l1.put("test:stats:all", e);
        Thread.sleep(5);
        assertNull(l1.fresh("test:stats:all", System.currentTimeMillis()), "no longer fresh");
        assertSame(e, l1.any("test:stats:all"), "still there to answer STALE");
        l1.invalidateAll();
        assertNull(l1.any("test:stats:all"));
        assertEquals(0, l1.invalidateTags(List.of("stats")), "a full flush forgets the tags too");
    }
}
