package com.motoroctane.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.motoroctane.invalidation.InvalidationStamp;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Stamps every answer with how far this service had applied the invalidation stream when the request arrived
 * ({@link InvalidationStamp#HEADER}): the gateway's edge cache does not keep an answer begun before the event
 * behind a purge of its tags. Taken at arrival, not at the end: an answer computed while an event was being
 * applied may hold the old data. Off ({@code response-cache.stamp-answers=false}) for a service whose answers are
 * built from another service's: its own position in the stream says nothing of theirs.
 */
@ApplicationScoped
public class InvalidationStamps {

    /** Early, before any route: the stamp must be read before the answer's data is. */
    static final int PRIORITY = 1_000;

    private final InvalidationConsumer consumer;
    private final boolean enabled;

    public InvalidationStamps(InvalidationConsumer consumer, ResponseCacheConfig config) {
        this.consumer = consumer;
        this.enabled = config.stampAnswers();
    }

    void register(@Observes Filters filters) {
        if (!enabled) {
            return;
        }
        filters.register(ctx -> {
            String applied = consumer.lastEventId();
            if (applied != null) {
                ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(InvalidationStamp.HEADER, applied));
            }
            ctx.next();
        }, PRIORITY);
    }
}
