package com.motoroctane.admin.support;

import java.util.List;
import java.util.function.Predicate;

import com.motoroctane.common.events.InvalidationEvent;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;

/** Reads the invalidation stream the way a consumer would. */
public final class Streams {

    private Streams() {
    }

    /** Every event on the stream, as its JSON. */
    public static List<String> events(RedisDataSource redis) {
        return redis.stream(String.class).xrange(InvalidationEvent.STREAM, StreamRange.of("-", "+")).stream()
                .map(m -> m.payload().get(InvalidationEvent.STREAM_FIELD)).toList();
    }

    public static long count(RedisDataSource redis, Predicate<String> event) {
        return events(redis).stream().filter(event).count();
    }

    /** Waits (bounded) until an event matching {@code event} is on the stream. */
    public static boolean await(RedisDataSource redis, Predicate<String> event) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (count(redis, event) > 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
