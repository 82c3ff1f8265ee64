package com.motoroctane.cache;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XReadArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies admin-service's invalidation events to the {@link ResponseCache}. It reads the event stream
 * ({@link InvalidationEvent#STREAM}) rather than the pub/sub channel: the stream carries the same events in
 * order and lets this service resume from the last id it applied, so a disconnection replays what was
 * missed. If the stream no longer holds that id (trimmed, or Redis restarted, while away), the gap cannot be
 * told apart and everything is flushed. It starts from the newest event: what is cached was loaded after
 * any earlier one.
 *
 * <p>Each event's surrogate keys are evicted after every {@link InvalidationHook} bean has seen it (and may
 * have added tags); a {@code *} tag, an unreadable event or a gap is a full flush, preceded by every hook's
 * {@link InvalidationHook#beforeFlush()}. Meters: {@code <metrics-prefix>.invalidation.events} (events
 * applied), {@code <metrics-prefix>.invalidation.flushes} (flushes because events may have been missed) and
 * {@code <metrics-prefix>.invalidation.lag} (from the event's entry in the stream to its eviction here: what the
 * invalidation-lag alert of deploy/k8s/components/monitoring watches).
 */
@ApplicationScoped
public class InvalidationConsumer {

    private static final Logger LOG = Logger.getLogger(InvalidationConsumer.class);
    private static final String NONE = "0-0";

    private final StreamCommands<String, String, String> stream;
    private final ResponseCache cache;
    private final Instance<InvalidationHook> hookBeans;
    private final ObjectMapper json;
    private final Counter applied;
    private final Counter flushes;
    private final Timer lag;
    private final String threadName;
    private volatile List<InvalidationHook> hooks;
    private volatile boolean running = true;
    private volatile String lastId;

    public InvalidationConsumer(RedisDataSource redis, ResponseCache cache, @Any Instance<InvalidationHook> hooks,
                                ObjectMapper json, MeterRegistry registry, ResponseCacheConfig config) {
        this.stream = redis.stream(String.class);
        this.cache = cache;
        this.hookBeans = hooks;
        this.json = json;
        String prefix = config.metricsPrefix();
        this.applied = Counter.builder(prefix + ".invalidation.events").description("Invalidation events applied").register(registry);
        this.flushes = Counter.builder(prefix + ".invalidation.flushes")
                .description("Full flushes because events may have been missed").register(registry);
        this.lag = Timer.builder(prefix + ".invalidation.lag")
                .description("From an event's entry in the stream (its id's time) to its eviction here")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(1)).register(registry);
        this.threadName = prefix + "-invalidation-events";
    }

    void onStart(@Observes StartupEvent event) {
        hooks = hookBeans.stream().toList();
        Thread consumer = new Thread(this::consume, threadName);
        consumer.setDaemon(true);
        consumer.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** The id of the last event applied (null until the consumer has read the stream once), for health and tests. */
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
                            StreamRange.of("-", "+"), 1);
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
            if (!stream.xrange(InvalidationEvent.STREAM, StreamRange.of("-", "+"), 1).isEmpty()) {
                LOG.info("Redis is back: replaying every event written while it was unreachable");
            }
            return;
        }
        List<StreamMessage<String, String, String>> from = stream.xrange(InvalidationEvent.STREAM,
                StreamRange.of(lastId, "+"), 1);
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
            // the service's own work first, so a reload triggered by the eviction already sees the change
            for (InvalidationHook hook : hooks()) {
                tags = hook.beforeEvict(event, tags);
            }
            int dropped = cache.evictTags(tags);
            LOG.debugf("event %s %s %s %s: evicted %d L1 entries for %s", event.eventId(), event.type(), event.entity(),
                    event.ids(), dropped, tags);
        }
        applied.increment();
        recordLag(message.id());
    }

    /** A stream id starts with the milliseconds of the XADD on Redis' clock ({@code 1700000000000-0}). */
    private void recordLag(String id) {
        int dash = id.indexOf('-');
        try {
            long written = Long.parseLong(dash < 0 ? id : id.substring(0, dash));
            lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - written)));
        } catch (NumberFormatException e) {
            LOG.debugf("stream id %s carries no time", id);
        }
    }

    private void flushEverything() {
        for (InvalidationHook hook : hooks()) {
            hook.beforeFlush();
        }
        cache.flushAll();
    }

    private List<InvalidationHook> hooks() {
        List<InvalidationHook> resolved = hooks;
        if (resolved == null) {
            resolved = hookBeans.stream().toList();
            hooks = resolved;
        }
        return resolved;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
