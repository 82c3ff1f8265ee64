package com.motoroctane.media.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.media.config.MediaConfig;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.XAddArgs;

/**
 * Announces a deleted asset on the platform's invalidation stream and channel (common's
 * {@link InvalidationEvent}, the stream admin-service writes), so the gateway's edge cache and the CDN
 * purge its surrogate key {@code media:<sha256>}.
 */
@ApplicationScoped
public class MediaEvents {

    private static final Logger LOG = Logger.getLogger(MediaEvents.class);

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final long maxLength;

    public MediaEvents(RedisDataSource redis, ObjectMapper json, MediaConfig config) {
        this.redis = redis;
        this.json = json;
        this.maxLength = config.events().streamMaxLength();
    }

    /** Returns the event sent; a Redis failure is logged, never fails the delete that has already happened. */
    public InvalidationEvent deleted(String assetId, String sha256) {
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "deleted", Tags.MEDIA,
                List.of(assetId), List.of(), List.of(), List.of(Tags.media(sha256)), 0, Instant.now());
        try {
            String body = json.writeValueAsString(event);
            redis.stream(String.class).xadd(InvalidationEvent.STREAM,
                    new XAddArgs().maxlen(maxLength).nearlyExactTrimming(), Map.of(InvalidationEvent.STREAM_FIELD, body));
            redis.pubsub(String.class).publish(InvalidationEvent.CHANNEL, body);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Invalidation event for deleted asset %s not sent (%s); CDN copies expire on their own",
                    assetId, e.toString());
        }
        return event;
    }
}
