package com.motoroctane.cache;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import com.motoroctane.common.events.InvalidationEvent;

/** A service's hook as a service would write one: it sees every event first and widens "widget" events. */
@Singleton // no client proxy: the test reads its fields
public class RecordingHook implements InvalidationHook {

    static final String WIDENED = "widget-lists";

    final List<String> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger flushes = new AtomicInteger();

    @Override
    public Set<String> beforeEvict(InvalidationEvent event, Set<String> tags) {
        seen.add(event.eventId());
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
