package com.motoroctane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The module on its own, as a service adopting it gets it: its beans in a Quarkus application, a real
 * redis-server (devstack), events appended to the stream exactly as admin-service appends them.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class InvalidationConsumerTests {

    @Inject
    ResponseCache cache;

    @Inject
    L1Cache l1;

    @Inject
    InvalidationConsumer consumer;

    @Inject
    RecordingHook hook;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private String cached(String segment, String tags) throws InterruptedException {
        String key = cache.key(segment, UUID.randomUUID().toString());
        byte[] body = ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(ResponseCache.Source.MISS,
                cache.serve(key, 600, () -> new ResponseCache.Rendered(body, tags)).await().indefinitely().source());
        await(() -> redis.key().exists(key), "the L2 write (asynchronous) of " + key);
        assertTrue(redis.set(String.class).smembers("rctest:tag:" + tags.split(" ")[0]).contains(key), "tag set in L2");
        return key;
    }

    private String announce(String entity, List<String> surrogateKeys) throws Exception {
        String id = UUID.randomUUID().toString();
        InvalidationEvent event = new InvalidationEvent(id, "updated", entity, List.of("x"), List.of(), List.of(),
                surrogateKeys, 1, Instant.now());
        redis.stream(String.class).xadd(InvalidationEvent.STREAM,
                Map.of(InvalidationEvent.STREAM_FIELD, json.writeValueAsString(event)));
        return id;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private boolean gone(String key) {
        return l1.any(key) == null && !redis.key().exists(key);
    }

    @Test
    void anEventEvictsItsTagsAndWhatAHookAdds() throws Exception {
        await(() -> consumer.lastEventId() != null, "the consumer has started");
        String tagged = cached("widgets", "widget:w1 widgets");
        String widened = cached("lists", RecordingHook.WIDENED);
        String other = cached("widgets", "widget:w2 widgets");

        Timer lag = registry.find("rctest.invalidation.lag").timer();
        assertNotNull(lag, "the invalidation lag is measured (deploy's invalidation-lag alert reads it)");
        long lagsBefore = lag.count();
        String eventId = announce("widget", List.of("widget:w1"));
        await(() -> gone(tagged), "the entry tagged widget:w1 is evicted from L1 and L2");
        await(() -> gone(widened), "the tag the hook added is evicted too");
        assertTrue(hook.seen.contains(eventId));
        await(() -> lag.count() > lagsBefore, "the event's lag is recorded once it is applied");
        assertNotNull(l1.any(other), "an entry of another widget stays in L1");
        assertTrue(redis.key().exists(other), "and in L2");
        assertFalse(redis.key().exists("rctest:tag:widget:w1"), "the tag set goes with its entries");
        assertEquals(ResponseCache.Source.HIT, cache.serve(other, 600, () -> {
            throw new AssertionError("not loaded again");
        }).await().indefinitely().source());
    }

    /**
     * An eviction L2 did not confirm is applied again, not skipped: Redis refuses writes for 3 s (CLIENT PAUSE
     * WRITE, from the hook, as the event arrives), so the eviction gives up after its 2 s and clears L1 only; a miss
     * then finds the old bytes in L2 (reads go on) and puts them back in L1. The event is not counted as applied
     * until it is applied again, once Redis takes writes, and that leaves the old bytes nowhere.
     */
    @Test
    void anEvictionRedisDidNotConfirmIsAppliedAgain() throws Exception {
        await(() -> consumer.lastEventId() != null, "the consumer has started");
        String key = cached("widgets", "widget:w9");
        String before = consumer.lastEventId();
        String eventId = announce(RecordingHook.PAUSES_WRITES, List.of("widget:w9"));
        await(() -> hook.seen.contains(eventId), "the hook saw the event and paused Redis' writes");
        long pausedAt = System.nanoTime();
        Thread.sleep(2_300); // the eviction waited 2 s for Redis, then cleared L1 only
        assertEquals(before, consumer.lastEventId(), "the event is not counted as applied");
        assertNull(l1.any(key), "L1 was cleared all the same");
        ResponseCache.Served refilled = cache.serve(key, 600, () -> {
            throw new AssertionError("the old bytes are still in L2: no load");
        }).await().indefinitely();
        assertEquals(ResponseCache.Source.HIT, refilled.source());
        if (System.nanoTime() - pausedAt < (RecordingHook.PAUSE_MILLIS - 200) * 1_000_000L) {
            assertNotNull(l1.any(key), "the miss put the old bytes back in L1 while Redis refused writes");
        }
        await(() -> !before.equals(consumer.lastEventId()), "the event is applied again once Redis takes writes");
        assertTrue(gone(key), "applied again: the old bytes are in neither tier");
    }

    /**
     * An event the service keeps failing to apply does not hold back the later ones forever: after 20 attempts
     * (0.5 s apart) everything is flushed in its place, and the events after it are applied.
     */
    @Test
    void anEventThatCannotBeAppliedIsReplacedByAFlush() throws Exception {
        await(() -> consumer.lastEventId() != null, "the consumer has started");
        String first = cached("widgets", "widget:w10");
        String later = cached("widgets", "widget:w11");
        int flushes = hook.flushes.get();
        String poison = announce(RecordingHook.POISON, List.of("widget:w10"));
        String next = announce("widget", List.of("widget:w11"));
        await(() -> hook.seen.stream().filter(poison::equals).count() >= 3, "the event is tried again and again");
        assertFalse(hook.seen.contains(next), "no later event is applied before it");
        assertNotNull(l1.any(later));
        for (int i = 0; i < 600 && !hook.seen.contains(next); i++) {
            Thread.sleep(25);
        }
        assertTrue(hook.seen.contains(next), "after its 20 attempts the later event is applied");
        assertEquals(flushes + 1, hook.flushes.get(), "everything was flushed in its place");
        assertTrue(gone(first) && gone(later));
    }

    @Test
    void aFlushTagAndAnUnreadableEventFlushEverythingUnderThePrefix() throws Exception {
        await(() -> consumer.lastEventId() != null, "the consumer has started");
        redis.value(String.class).set("not-ours", "kept");

        String first = cached("widgets", "widget:w3");
        int flushes = hook.flushes.get();
        announce("widget", List.of(InvalidationEvent.FLUSH_ALL));
        await(() -> gone(first), "a * tag flushes");
        assertEquals(flushes + 1, hook.flushes.get(), "the hook ran before the flush");

        String second = cached("widgets", "widget:w4");
        redis.stream(String.class).xadd(InvalidationEvent.STREAM, Map.of(InvalidationEvent.STREAM_FIELD, "{not json"));
        await(() -> gone(second), "an unreadable event flushes");
        assertEquals("kept", redis.value(String.class).get("not-ours"), "keys outside the prefix are never touched");
    }

    @Test
    void anUnavailableOriginIsAnsweredStaleOrWithA503() {
        String key = cache.key("widgets", "stale-" + UUID.randomUUID());
        l1.put(key, new CachedResponse("{}".getBytes(StandardCharsets.UTF_8), "\"old\"", "widgets",
                System.currentTimeMillis() - 700_000, 600));
        ResponseCache.Served stale = cache.serve(key, 600, () -> {
            throw new OriginUnavailableException("Widgets unavailable", "The widget store did not answer", null);
        }).await().indefinitely();
        assertEquals(ResponseCache.Source.STALE, stale.source());
        assertEquals("\"old\"", stale.response().etag());

        ProblemException none = assertThrows(ProblemException.class, () -> cache.serve(key + "-never", 600, () -> {
            throw new OriginUnavailableException("Widgets unavailable", "The widget store did not answer", null);
        }).await().indefinitely());
        assertEquals(503, none.status());
        assertTrue(none.type().endsWith("/" + OriginUnavailableException.DEFAULT_TYPE), none.type());
        assertEquals("Widgets unavailable", none.title());
        assertEquals("The widget store did not answer", none.getMessage());
        assertEquals(5, none.retryAfterSeconds());
        assertNull(l1.any(key + "-never"), "nothing is cached for a failed load");
    }
}
