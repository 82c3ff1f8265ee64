package com.motoroctane.admin.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.events.InvalidationEvent;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Announces a committed write: appended to the stream first (what a subscriber replays from), then
 * published on the channel. If Redis cannot take it, the event waits in a MongoDB outbox and a relay
 * sends it once Redis answers again, so no acknowledged write's invalidation is lost. Called after the MongoDB write returned, before the client is answered, so
 * "acknowledged" means "announced".
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final long maxLength;
    private final MongoCollection<Document> outbox;
    private final Duration relayEvery = Duration.ofSeconds(1);
    private volatile boolean running = true;

    /** Where an event waits when Redis cannot take it at write time. */
    public static final String OUTBOX = "eventoutbox";

    public EventPublisher(RedisDataSource redis, ObjectMapper json, AdminConfig config, MongoClient mongo,
                          @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.redis = redis;
        this.json = json;
        this.maxLength = config.events().streamMaxLength();
        this.outbox = mongo.getDatabase(database).getCollection(OUTBOX);
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
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            send(body);
        } catch (RuntimeException e) {
            // The write is committed and will be acknowledged: keep its event in MongoDB until Redis takes it.
            outbox.insertOne(new Document("_id", event.eventId()).append("event", body).append("at", new Date()));
            LOG.warnf("Redis did not take invalidation event %s (%s %s %s): kept in the outbox, relayed when Redis is back (%s)",
                    event.eventId(), event.type(), event.entity(), event.ids(), e.toString());
        }
        return event;
    }

    private void send(String body) {
        redis.stream(String.class).xadd(InvalidationEvent.STREAM,
                new XAddArgs().maxlen(maxLength).nearlyExactTrimming(), Map.of(InvalidationEvent.STREAM_FIELD, body));
        redis.pubsub(String.class).publish(InvalidationEvent.CHANNEL, body);
    }

    /** Events waiting in the outbox because Redis was unreachable when their write committed. */
    public long pending() {
        return outbox.countDocuments();
    }

    void onStart(@Observes StartupEvent start) {
        Thread relay = new Thread(this::relayForever, "invalidation-outbox-relay");
        relay.setDaemon(true);
        relay.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
    }

    private void relayForever() {
        while (running) {
            try {
                relay();
            } catch (RuntimeException e) {
                LOG.debugf("outbox relay: %s", e.toString());
            }
            try {
                Thread.sleep(relayEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends the kept events in the order their writes committed; each leaves the outbox once Redis has it. */
    int relay() {
        int sent = 0;
        for (Document kept : outbox.find().sort(Sorts.ascending("at")).limit(500)) {
            send(kept.getString("event"));
            outbox.deleteOne(Filters.eq("_id", kept.get("_id")));
            sent++;
        }
        if (sent > 0) {
            LOG.infof("Relayed %d invalidation events from the outbox", sent);
        }
        return sent;
    }
}
