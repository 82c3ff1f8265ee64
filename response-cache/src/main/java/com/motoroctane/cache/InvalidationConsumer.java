package com.motoroctane.cache;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.invalidation.InvalidationStream;
import com.motoroctane.invalidation.InvalidationStamp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies admin-service's invalidation events to the {@link ResponseCache}, following the stream with
 * {@link InvalidationStream} (from the newest event at start, replay from the last id applied after an
 * outage, a full flush on a gap).
 *
 * <p>Each event's surrogate keys are evicted after every {@link InvalidationHook} bean has seen it (and may
 * have added tags); a {@code *} tag, an unreadable event or a gap is a full flush, preceded by every hook's
 * {@link InvalidationHook#beforeFlush()}. Meters: {@code <metrics-prefix>.invalidation.events} (events
 * applied), {@code <metrics-prefix>.invalidation.flushes} (flushes because events may have been missed) and
 * {@code <metrics-prefix>.invalidation.lag} (from the event's publication, the time of its stream id or else its
 * {@code at}, to its eviction here: what the invalidation-lag alert of deploy/k8s/components/monitoring watches).
 */
@ApplicationScoped
public class InvalidationConsumer implements InvalidationStream.Listener {

    private static final Logger LOG = Logger.getLogger(InvalidationConsumer.class);

    private final ResponseCache cache;
    private final Instance<InvalidationHook> hookBeans;
    private final Counter applied;
    private final Counter flushes;
    private final InvalidationStream stream;
    private final Timer lag;
    private volatile List<InvalidationHook> hooks;

    public InvalidationConsumer(RedisDataSource redis, ResponseCache cache, @Any Instance<InvalidationHook> hooks,
                                ObjectMapper json, MeterRegistry registry, ResponseCacheConfig config) {
        this.cache = cache;
        this.hookBeans = hooks;
        String prefix = config.metricsPrefix();
        this.applied = Counter.builder(prefix + ".invalidation.events").description("Invalidation events applied").register(registry);
        this.flushes = Counter.builder(prefix + ".invalidation.flushes")
                .description("Full flushes because events may have been missed").register(registry);
        this.lag = Timer.builder(prefix + ".invalidation.lag")
                .description("From an event's publication (its XADD; else its 'at') to its eviction here")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(1)).register(registry);
        this.stream = new InvalidationStream(redis, json, prefix + "-invalidation-events", this);
    }

    void onStart(@Observes StartupEvent event) {
        hooks = hookBeans.stream().toList();
        stream.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stream.stop();
    }

    /** The id of the last event applied (null until the consumer has read the stream once), for health and tests. */
    public String lastEventId() {
        return stream.lastEventId();
    }

    @Override
    public void onEvent(InvalidationEvent event, Set<String> tags) {
        onEvent(null, event, tags);
    }

    @Override
    public void onEvent(String streamId, InvalidationEvent event, Set<String> tags) {
        // the service's own work first, so a reload triggered by the eviction already sees the change
        for (InvalidationHook hook : hooks()) {
            tags = hook.beforeEvict(event, tags);
        }
        int dropped = cache.evictTags(tags);
        LOG.debugf("event %s %s %s %s: evicted %d L1 entries for %s", event.eventId(), event.type(), event.entity(),
                event.ids(), dropped, tags);
        applied.increment();
        java.time.Instant published = InvalidationStamp.publishedAt(streamId, event.at());
        if (published != null) {
            lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - published.toEpochMilli())));
        }
    }

    @Override
    public void onFlush(InvalidationStream.FlushReason reason) {
        if (reason == InvalidationStream.FlushReason.GAP) {
            flushes.increment();
        }
        for (InvalidationHook hook : hooks()) {
            hook.beforeFlush();
        }
        cache.flushAll();
        if (reason == InvalidationStream.FlushReason.FLUSH_TAG) {
            applied.increment();
        }
    }

    private List<InvalidationHook> hooks() {
        List<InvalidationHook> resolved = hooks;
        if (resolved == null) {
            resolved = hookBeans.stream().toList();
            hooks = resolved;
        }
        return resolved;
    }
}
