package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.mongodb.MongoTimeoutException;
import com.motoroctane.cache.CachedResponse;
import com.motoroctane.cache.L1Cache;
import com.motoroctane.cache.ResponseCache;
import com.motoroctane.catalog.api.Serving;
import com.motoroctane.catalog.cache.CacheKind;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class CacheTests {

    @Inject
    RedisDataSource redis;

    @Inject
    ResponseCache cache;

    @Inject
    L1Cache l1;

    /** A request no other test makes, so its first answer is a miss. */
    private static String unique(String path) {
        int limit = 1 + Math.floorMod(UUID.randomUUID().hashCode(), 99);
        return path + (path.contains("?") ? "&" : "?") + "limit=" + limit + "&page=" + (2 + Math.floorMod(System.nanoTime(), 50));
    }

    @Test
    void firstRequestMissesThenHits() {
        String url = unique("/api/variants?sort=name");
        Response miss = given().get(url);
        miss.then().statusCode(200).header("X-Cache", "MISS");
        Response hit = given().get(url);
        hit.then().statusCode(200).header("X-Cache", "HIT");
        assertEquals(miss.asString(), hit.asString());
        assertEquals(miss.header("ETag"), hit.header("ETag"));
    }

    @Test
    void equivalentSpellingsShareOneCacheEntry() {
        given().get("/api/models?sort=name:desc&limit=13&bodyType=SUV").then().statusCode(200);
        given().get("/api/models?limit=13&bodyType=suv&sort=-name").then().statusCode(200).header("X-Cache", "HIT");
    }

    @Test
    void etagAnswers304OnIfNoneMatch() {
        String url = unique("/api/models?sort=launchDate");
        String etag = given().get(url).then().statusCode(200)
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{27}\""))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get(url).then().statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", containsString("max-age"));
        given().header("If-None-Match", "\"something-else\", " + etag).get(url).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);
    }

    @Test
    void responsesCarryCdnHeaders() {
        String brandId = given().get("/api/brands?limit=1").jsonPath().getString("data[0].id");
        given().get("/api/brands/" + brandId).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60, s-maxage=3600, stale-while-revalidate=60, stale-if-error=86400"))
                .header("Surrogate-Key", containsString("brand-own:" + brandId)) // a detail: its own fields
                .header("X-Cache-TTL", notNullValue());
        Response models = given().get("/api/models?brandId=" + brandId + "&limit=3");
        String keys = models.header("Surrogate-Key");
        assertTrue(keys.startsWith("models "), keys);
        for (String id : models.jsonPath().getList("data.id", String.class)) {
            assertTrue(keys.contains("model-card:" + id), keys); // a model's card: its fields and its variants' summary
        }
        // its items show the brand's name: its own-fields tag, not the whole brand's (every write of its models)
        assertTrue(keys.contains("brand-own:" + brandId) && !keys.contains("brand:" + brandId), keys);
    }

    @Test
    void l2EntriesGetTheSeedTtls() throws InterruptedException {
        assertTtl(unique("/api/brands?sort=name"), "catalog:brands:*", 3600);
        assertTtl(unique("/api/models?sort=newRank"), "catalog:models:*", 1800);
        assertTtl(unique("/api/variants?sort=price:desc"), "catalog:variants:*", 900);
        String statsKey = cache.key(CacheKind.STATS.segment(), "stats");
        cache.evict(statsKey);
        Thread.sleep(100);
        given().get("/api/stats").then().statusCode(200).header("X-Cache", "MISS");
        for (int i = 0; i < 150 && !redis.key().exists(statsKey); i++) { // the L2 write is asynchronous
            Thread.sleep(20);
        }
        long ttl = redis.key().ttl(statsKey);
        assertTrue(ttl > 290 && ttl <= 300, "stats ttl " + ttl);
    }

    private void assertTtl(String url, String pattern, int expected) throws InterruptedException {
        given().get(url).then().statusCode(200).header("X-Cache", "MISS").header("X-Cache-TTL", String.valueOf(expected));
        String suffix = url.substring(url.indexOf("limit="));
        String key = null;
        for (int i = 0; i < 150 && key == null; i++) {
            key = redis.key().keys(pattern).stream().filter(k -> k.endsWith(suffix)).findFirst().orElse(null);
            if (key == null) {
                Thread.sleep(20);
            }
        }
        assertNotEquals(null, key, "L2 key for " + url);
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > expected - 10 && ttl <= expected, key + " ttl " + ttl);
        byte[] stored = redis.value(byte[].class).get(key);
        String body = given().get(url).asString();
        assertTrue(new String(stored).endsWith(body), "L2 stores the serialized response bytes");
    }

    @Test
    void l2AnswersWhenL1DoesNotHoldTheEntry() throws InterruptedException {
        // a small projection: on a loaded 2-core box a 600 KB entry can miss the Redis budget and count as a miss
        String url = unique("/api/variants?sort=name:desc&fields=name,price");
        String body = given().get(url).then().header("X-Cache", "MISS").extract().asString();
        String suffix = url.substring(url.indexOf("limit="));
        for (int i = 0; i < 150 && redis.key().keys("catalog:variants:*").stream().noneMatch(k -> k.endsWith(suffix)); i++) {
            Thread.sleep(20);
        }
        l1.invalidateAll(); // what a freshly started replica would have: nothing in-process
        given().get(url).then().header("X-Cache", "HIT").body(equalTo(body));
        given().get("/q/metrics").then().body(containsString("catalog_cache_requests_total{result=\"hit\",tier=\"l2\""));
    }

    @Test
    void mongoFailureIsAnsweredFromAStaleEntry() {
        String key = cache.key(CacheKind.MODELS.segment(), "stale-test-" + UUID.randomUUID());
        byte[] body = "{\"data\":[]}".getBytes();
        long expired = System.currentTimeMillis() - 1_801_000;
        l1.put(key, new CachedResponse(body, "\"old\"", "models", expired, 1800));
        // a MongoDB outage cannot be produced inside the in-process stand-in, so the loader raises what the driver would
        ResponseCache.Served served = cache.serve(key, 1800, Serving.fromStore(() -> {
            throw new MongoTimeoutException("Timed out while waiting for a server");
        })).await().indefinitely();
        assertEquals(ResponseCache.Source.STALE, served.source());
        assertEquals("\"old\"", served.response().etag());

        ProblemException none = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> cache.serve(key + "-never-cached", 1800, Serving.fromStore(() -> {
                    throw new MongoTimeoutException("Timed out while waiting for a server");
                })).await().indefinitely());
        assertEquals(503, none.status());
        assertTrue(none.type().endsWith("/store-unavailable"), none.type());
        assertEquals(5, none.retryAfterSeconds(), "the 503 says when to come back");
    }

    @Test
    void cacheMetricsArePublished() {
        given().get("/api/brands").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("catalog_cache_requests_total{result=\"hit\",tier=\"l1\""))
                .body(containsString("catalog_cache_requests_total{result=\"miss\",tier=\"origin\""))
                .body(containsString("catalog_cache_hit_ratio"))
                .body(containsString("catalog_cache_keys{tier=\"l1\""));
    }
}
