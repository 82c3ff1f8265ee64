package com.motoroctane.compare.support;

import java.util.List;

import com.motoroctane.cache.InvalidationConsumer;
import com.motoroctane.common.events.InvalidationEvent;
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
        RedisDataSource redis = Arc.container().instance(RedisDataSource.class).get();
        Poll.until("compare-service has applied the event of " + written, () -> {
            List<StreamMessage<String, String, String>> all = redis.stream(String.class)
                    .xrange(InvalidationEvent.STREAM, StreamRange.of("-", "+"));
            String applied = consumer.lastEventId();
            for (int i = all.size() - 1; i >= 0; i--) {
                StreamMessage<String, String, String> m = all.get(i);
                if (m.payload().getOrDefault(InvalidationEvent.STREAM_FIELD, "").contains('"' + written + '"')) {
                    return applied != null && applied.contains("-") && compare(applied, m.id()) >= 0 && reEvict.pending() == 0;
                }
            }
            return false;
        }, Boolean::booleanValue);
    }

    /** Orders stream ids ({@code <millis>-<sequence>}). */
    private static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
