package com.motoroctane.compare.support;

import java.util.List;

import com.motoroctane.cache.InvalidationConsumer;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.invalidation.InvalidationStamp;
import com.motoroctane.compare.events.ReEvict;

import io.quarkus.arc.Arc;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;

/**
 * Waits until compare-service has applied the event of the test's last write through admin-service (which
 * publishes it just after answering), second evictions included, so a test judges the cache after its own
 * writes' evictions, not during them.
 */
public final class Events {

    private Events() {
    }

    public static void settled() {
        String written = Admin.lastWritten;
        if (written == null) {
            return;
        }
        InvalidationConsumer consumer = Arc.container().instance(InvalidationConsumer.class).get();
        ReEvict reEvict = Arc.container().instance(ReEvict.class).get();
        Poll.until("compare-service has applied the event of " + written, () -> {
            String event = streamIdOf(written);
            String applied = consumer.lastEventId();
            return event != null && applied != null && !InvalidationStamp.before(applied, event) && reEvict.pending() == 0;
        }, Boolean::booleanValue);
    }

    /**
     * Waits until catalog-service (at {@code catalogUrl}) has applied the event of the test's last write: its
     * answers' {@link InvalidationStamp#HEADER} reaches that event. A fresh answer from it proves nothing (a miss
     * reads the database whatever its caches still hold), the stamp does.
     */
    public static void appliedByCatalog(String catalogUrl) {
        String written = Admin.lastWritten;
        Poll.until("catalog-service has applied the event of " + written, () -> {
            String event = streamIdOf(written);
            String stamp = io.restassured.RestAssured.given().baseUri(catalogUrl).get("/api/brands?limit=1").then()
                    .extract().header(InvalidationStamp.HEADER);
            return event != null && stamp != null && !InvalidationStamp.before(stamp, event);
        }, Boolean::booleanValue);
    }

    /** The stream id of the newest event naming {@code id}, null while none does. */
    private static String streamIdOf(String id) {
        RedisDataSource redis = Arc.container().instance(RedisDataSource.class).get();
        List<StreamMessage<String, String, String>> all = redis.stream(String.class)
                .xrange(InvalidationEvent.STREAM, StreamRange.of("-", "+"));
        for (int i = all.size() - 1; i >= 0; i--) {
            StreamMessage<String, String, String> m = all.get(i);
            if (m.payload().getOrDefault(InvalidationEvent.STREAM_FIELD, "").contains('"' + id + '"')) {
                return m.id();
            }
        }
        return null;
    }
}
