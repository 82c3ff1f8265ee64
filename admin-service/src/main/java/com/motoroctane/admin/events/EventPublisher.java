package com.motoroctane.admin.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.events.InvalidationEvent;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.XAddArgs;

/**
 * Announces a committed write: appended to the stream first (what a subscriber replays from), then
 * published on the channel. Called after the MongoDB write returned, before the client is answered, so
 * "acknowledged" means "announced".
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final long maxLength;

    public EventPublisher(RedisDataSource redis, ObjectMapper json, AdminConfig config) {
        this.redis = redis;
        this.json = json;
        this.maxLength = config.events().streamMaxLength();
    }

    /** Collects what one write touched, then {@link #publish}. */
    public static final class Change {
        final String type;
        final String entity;
        final Set<String> ids = new LinkedHashSet<>();
        final Set<String> brandIds = new LinkedHashSet<>();
        final Set<String> modelIds = new LinkedHashSet<>();
        final Set<String> keys = new LinkedHashSet<>();
        long version;

        public Change(String type, String entity) {
            this.type = type;
            this.entity = entity;
        }

        public Change id(String entityName, String id) {
            if (id != null) {
                ids.add(id);
                keys.add(entityName + ':' + id);
                if ("brand".equals(entityName)) {
                    brandIds.add(id);
                } else if ("model".equals(entityName)) {
                    modelIds.add(id);
                }
            }
            return this;
        }

        public Change brand(String id) {
            if (id != null) {
                brandIds.add(id);
                keys.add("brand:" + id);
            }
            return this;
        }

        public Change model(String id) {
            if (id != null) {
                modelIds.add(id);
                keys.add("model:" + id);
            }
            return this;
        }

        public Change lists(String... names) {
            keys.addAll(List.of(names));
            return this;
        }

        public Change lists(Collection<String> names) {
            keys.addAll(names);
            return this;
        }

        public Change version(long v) {
            version = v;
            return this;
        }

        public boolean isEmpty() {
            return ids.isEmpty() && keys.isEmpty();
        }

        public InvalidationEvent toEvent() {
            return new InvalidationEvent(UUID.randomUUID().toString(), type, entity, new ArrayList<>(ids),
                    new ArrayList<>(brandIds), new ArrayList<>(modelIds), new ArrayList<>(keys), version, Instant.now());
        }
    }

    public InvalidationEvent publish(Change change) {
        InvalidationEvent event = change.toEvent();
        try {
            String body = json.writeValueAsString(event);
            redis.stream(String.class).xadd(InvalidationEvent.STREAM,
                    new XAddArgs().maxlen(maxLength).nearlyExactTrimming(), Map.of(InvalidationEvent.STREAM_FIELD, body));
            redis.pubsub(String.class).publish(InvalidationEvent.CHANNEL, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            // The write is committed; subscribers that miss this flush on their next reconnect check.
            LOG.errorf("Could not publish invalidation event %s (%s %s %s): %s", event.eventId(), event.type(),
                    event.entity(), event.ids(), e.toString());
        }
        return event;
    }
}
