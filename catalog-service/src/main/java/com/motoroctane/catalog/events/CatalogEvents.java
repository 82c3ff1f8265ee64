package com.motoroctane.catalog.events;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.catalog.cache.ResponseCache;
import com.motoroctane.catalog.store.ModelSummaries;
import com.motoroctane.catalog.store.SearchIndex;
import com.motoroctane.catalog.store.Visibility;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies admin-service's invalidation events. It reads the event stream ({@link InvalidationEvent#STREAM})
 * rather than the pub/sub channel: the stream carries the same events in order and lets this service
 * resume from the last id it applied, so a disconnection replays what was missed. If the stream no
 * longer holds that id (trimmed while away), the gap cannot be told apart and everything is flushed.
 */
@ApplicationScoped
public class CatalogEvents {

    private static final Logger LOG = Logger.getLogger(CatalogEvents.class);
    private static final String NONE = "0-0";
    /** The lists a brand's or model's children appear in, and the counts of them. */
    static final List<String> VISIBILITY_CHANGED = List.of(Tags.MODELS, Tags.VARIANTS, Tags.SEARCH, Tags.PAGES, Tags.STATS);

    private final StreamCommands<String, String, String> stream;
    private final ResponseCache cache;
    private final ModelSummaries summaries;
    private final SearchIndex search;
    private final Visibility visibility;
    private final ObjectMapper json;
    private final Counter applied;
    private final Counter flushes;
    private volatile boolean running = true;
    private volatile String lastId;

    public CatalogEvents(RedisDataSource redis, ResponseCache cache, ModelSummaries summaries, SearchIndex search,
                         Visibility visibility, ObjectMapper json, MeterRegistry registry) {
        this.visibility = visibility;
        this.stream = redis.stream(String.class);
        this.cache = cache;
        this.summaries = summaries;
        this.search = search;
        this.json = json;
        this.applied = Counter.builder("catalog.invalidation.events").description("Invalidation events applied").register(registry);
        this.flushes = Counter.builder("catalog.invalidation.flushes")
                .description("Full flushes because events may have been missed").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        Thread consumer = new Thread(this::consume, "catalog-invalidation-events");
        consumer.setDaemon(true);
        consumer.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** The id of the last event applied, for health and tests. */
    public String lastEventId() {
        return lastId;
    }

    private void consume() {
        boolean wasDown = false;
        while (running) {
            try {
                if (lastId == null) {
                    // start from "now": what is cached was loaded after any earlier event
                    List<StreamMessage<String, String, String>> newest = stream.xrevrange(InvalidationEvent.STREAM,
                            io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"), 1);
                    lastId = newest.isEmpty() ? NONE : newest.get(0).id();
                } else if (wasDown) {
                    checkForGap();
                }
                wasDown = false;
                List<StreamMessage<String, String, String>> batch = stream.xread(InvalidationEvent.STREAM, lastId,
                        new XReadArgs().block(Duration.ofSeconds(1)).count(200));
                for (StreamMessage<String, String, String> message : batch) {
                    apply(message);
                    lastId = message.id();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!wasDown) {
                    LOG.warnf("Invalidation stream unavailable (%s); will replay from %s when Redis is back", e.toString(), lastId);
                }
                wasDown = true;
                sleep(500);
            }
        }
    }

    /** After a disconnection: if the event we stopped at was trimmed away, we cannot know what we missed. */
    private void checkForGap() {
        if (NONE.equals(lastId)) {
            if (!stream.xrange(InvalidationEvent.STREAM, io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"), 1).isEmpty()) {
                LOG.info("Redis is back: replaying every event written while it was unreachable");
            }
            return;
        }
        List<StreamMessage<String, String, String>> from = stream.xrange(InvalidationEvent.STREAM,
                io.quarkus.redis.datasource.stream.StreamRange.of(lastId, "+"), 1);
        if (from.isEmpty() || !from.get(0).id().equals(lastId)) {
            LOG.warnf("Event %s is no longer in the stream: invalidations may have been missed, flushing all cached responses", lastId);
            flushes.increment();
            flushEverything();
        } else {
            LOG.infof("Redis is back: replaying events after %s", lastId);
        }
    }

    void apply(StreamMessage<String, String, String> message) {
        String body = message.payload().get(InvalidationEvent.STREAM_FIELD);
        InvalidationEvent event;
        try {
            event = json.readValue(body, InvalidationEvent.class);
        } catch (Exception e) {
            LOG.warnf("Unreadable invalidation event %s (%s): flushing to stay correct", message.id(), e.getMessage());
            flushEverything();
            return;
        }
        Set<String> tags = new HashSet<>(event.surrogateKeys() == null ? List.of() : event.surrogateKeys());
        if (tags.contains(Tags.FLUSH_ALL)) {
            flushEverything();
        } else {
            // visibility and derived snapshots first, so a reload triggered by the eviction already sees the change
            if (("brand".equals(event.entity()) || "model".equals(event.entity())) && visibility.refresh()) {
                // a parent was hidden or shown: its children join or leave lists that never carried its tag
                tags.addAll(VISIBILITY_CHANGED);
            }
            summaries.invalidate();
            search.invalidate();
            int dropped = cache.evictTags(tags);
            LOG.debugf("event %s %s %s %s: evicted %d L1 entries for %s", event.eventId(), event.type(), event.entity(),
                    event.ids(), dropped, tags);
        }
        applied.increment();
    }

    private void flushEverything() {
        visibility.refresh();
        summaries.invalidate();
        search.invalidate();
        cache.flushAll();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
