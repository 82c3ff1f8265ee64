package com.motoroctane.gateway.edgecache;

import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.invalidation.InvalidationStamp;
import com.motoroctane.invalidation.InvalidationStream;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Purges the edge cache by the same events the services evict by: admin-service's invalidation stream,
 * followed with {@link InvalidationStream} (replay from the last id after an outage; a full purge on a gap,
 * an unreadable event or a {@code *} tag). An event's surrogate keys are the tags the services put in
 * {@code Surrogate-Key}, so the entries holding any of them go.
 */
@Singleton
public class EdgeCacheInvalidations implements InvalidationStream.Listener {

    private static final Logger LOG = Logger.getLogger(EdgeCacheInvalidations.class);

    private final EdgeCache cache;
    private final InvalidationStream stream;
    private final Vertx vertx;
    private final GatewayMetrics metrics;
    private final long rePurgeAfterMillis;
    private final java.util.concurrent.atomic.AtomicInteger pendingRePurges = new java.util.concurrent.atomic.AtomicInteger();

    public EdgeCacheInvalidations(RedisDataSource redis, ObjectMapper json, EdgeCache cache, GatewayConfig config, Vertx vertx,
                                  GatewayMetrics metrics) {
        this.cache = cache;
        this.metrics = metrics;
        this.vertx = vertx;
        this.rePurgeAfterMillis = config.edgeCache().rePurgeAfter().toMillis();
        this.stream = new InvalidationStream(redis, json, "edge-cache-invalidation-events", this);
    }

    void onStart(@Observes StartupEvent event) {
        if (cache.enabled()) {
            stream.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stream.stop();
    }

    /** Second purges scheduled and not yet done (tests wait for none before judging the cache). */
    public int pendingRePurges() {
        return pendingRePurges.get();
    }

    /** The id of the last event applied (null until the stream has been read once). */
    public String lastEventId() {
        return stream.lastEventId();
    }

    @Override
    public void onEvent(InvalidationEvent event, Set<String> tags) {
        onEvent(null, event, tags);
    }

    @Override
    public void onEvent(String streamId, InvalidationEvent event, Set<String> tags) {
        int purged = cache.purgeTags(tags, streamId);
        java.time.Instant published = InvalidationStamp.publishedAt(streamId, event.at());
        if (published != null) {
            metrics.edgeInvalidationLag(java.time.Duration.between(published, java.time.Instant.now()));
        }
        LOG.debugf("event %s %s %s: purged %d edge entries for %s", event.eventId(), event.type(), event.entity(), purged, tags);
        if (rePurgeAfterMillis > 0 && !tags.isEmpty()) {
            // a service that applied the event after this purge may have refilled an entry with what it held before;
            // a stamped answer from before the event is never stored, so only unstamped entries go again
            Set<String> again = Set.copyOf(tags);
            pendingRePurges.incrementAndGet();
            vertx.setTimer(rePurgeAfterMillis, id -> vertx.executeBlocking(() -> cache.purgeUnstamped(again, streamId), false)
                    .onComplete(done -> pendingRePurges.decrementAndGet()));
        }
    }

    @Override
    public void onFlush(InvalidationStream.FlushReason reason) {
        int purged = cache.purgeAll();
        LOG.infof("Edge cache flushed (%s): %d entries", reason, purged);
    }
}
