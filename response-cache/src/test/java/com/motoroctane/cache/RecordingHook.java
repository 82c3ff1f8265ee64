package com.motoroctane.cache;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.quarkus.redis.datasource.RedisDataSource;

import com.motoroctane.common.events.InvalidationEvent;

/** A service's hook as a service would write one: it sees every event first and widens "widget" events. */
@Singleton // no client proxy: the test reads its fields
public class RecordingHook implements InvalidationHook {

    static final String WIDENED = "widget-lists";
    /** Events of this entity make Redis refuse writes for {@link #PAUSE_MILLIS} (once per event): a fault in L2. */
    static final String PAUSES_WRITES = "paused-widget";
    static final int PAUSE_MILLIS = 3_000;
    /** Events of this entity are never applied: the hook throws on them (a listener's bug). */
    static final String POISON = "poison-widget";

    private final RedisDataSource redis;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    RecordingHook(RedisDataSource redis) {
        this.redis = redis;
    }

    final List<String> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger flushes = new AtomicInteger();

    @Override
    public Set<String> beforeEvict(InvalidationEvent event, Set<String> tags) {
        if (PAUSES_WRITES.equals(event.entity()) && paused.add(event.eventId())) {
            redis.execute("CLIENT", "PAUSE", String.valueOf(PAUSE_MILLIS), "WRITE"); // reads go on, writes wait
        }
        seen.add(event.eventId());
        if (POISON.equals(event.entity())) {
            throw new IllegalStateException("this hook cannot apply " + event.eventId());
        }
        if ("widget".equals(event.entity())) {
            tags.add(WIDENED);
        }
        return tags;
    }

    @Override
    public void beforeFlush() {
        flushes.incrementAndGet();
    }
}
