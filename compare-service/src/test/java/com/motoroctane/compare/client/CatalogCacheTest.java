package com.motoroctane.compare.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.compare.config.CompareConfig;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** An event drops exactly the copies its tags name, found through the tag index, and the index follows what is held. */
class CatalogCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The configuration with only what CatalogCache reads: its size and TTL. */
    private static CompareConfig config(int maxEntries) {
        CompareConfig.CatalogCache cache = new CompareConfig.CatalogCache() {
            @Override
            public int maxEntries() {
                return maxEntries;
            }

            @Override
            public Duration ttl() {
                return Duration.ofMinutes(10);
            }
        };
        return (CompareConfig) Proxy.newProxyInstance(CompareConfig.class.getClassLoader(), new Class<?>[] {CompareConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("catalogCache")) {
                        return cache;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final CatalogCache cache = new CatalogCache(config(100), new SimpleMeterRegistry());

    private void keepAll() {
        cache.model("m1", () -> node("{\"id\":\"m1\",\"brandId\":\"b1\"}"));
        cache.model("m2", () -> node("{\"id\":\"m2\",\"brandId\":\"b2\"}"));
        cache.brand("b1", () -> node("{\"id\":\"b1\"}"));
        cache.keepVariant(node("{\"id\":\"v1\",\"modelId\":\"m1\",\"brandId\":\"b1\"}"));
        cache.keepVariant(node("{\"id\":\"v2\",\"modelId\":\"m2\",\"brandId\":\"b2\"}"));
    }

    @Test
    void anEventDropsTheCopiesItsTagsNameAndNoOther() {
        keepAll();
        cache.evict(List.of(Tags.modelOwn("m1")));
        assertNull(cache.heldModel("m1"));
        assertEquals(List.of("v2"), List.copyOf(cache.variants(List.of("v1", "v2")).keySet()), "v1 shows m1's own fields");
        assertNotNull(cache.heldBrand("b1"), "the brand's own fields are not m1's");
        assertNotNull(cache.heldModel("m2"));

        cache.evict(List.of(Tags.brandOwn("b2"), "unknown"));
        assertNull(cache.heldModel("m2"), "a model goes with its brand");
        assertEquals(0, cache.variants(List.of("v2")).size());
        assertNotNull(cache.heldBrand("b1"));

        cache.evict(List.of(Tags.variant("v9")));
        assertNotNull(cache.heldBrand("b1"), "an event naming nothing held drops nothing");
    }

    @Test
    void theIndexFollowsWhatIsHeld() throws InterruptedException {
        keepAll();
        // m1 2 tags, m2 2, b1 1, v1 3, v2 3
        assertEquals(11, cache.indexedPairs());
        cache.evict(List.of(Tags.brandOwn("b1")));
        assertEquals(5, indexedPairsOnceSettled(5), "only m2's and v2's tags are left");
        cache.beforeFlush();
        assertEquals(0, indexedPairsOnceSettled(0));
    }

    /** Caffeine tells removals on its executor: the index is read again for a while until it holds {@code expected}. */
    private long indexedPairsOnceSettled(long expected) throws InterruptedException {
        long pairs = cache.indexedPairs();
        for (int i = 0; i < 100 && pairs != expected; i++) {
            cache.cleanUp();
            Thread.sleep(20);
            pairs = cache.indexedPairs();
        }
        return pairs;
    }
}
