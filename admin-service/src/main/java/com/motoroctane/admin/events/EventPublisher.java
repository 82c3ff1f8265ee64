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
import com.motoroctane.admin.background.Repeating;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.admin.faults.FaultPoints;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Announces catalogue writes through a transactional outbox, as eShop's IntegrationEventLog does: the
 * event is {@link #stage staged} in the MongoDB collection {@value #OUTBOX} before its change is written,
 * {@link #release released} (appended to the stream, what a subscriber replays from, then published on the
 * channel, then removed from the outbox) right after the change, or {@link #discard discarded} when the
 * change failed without writing anything. Whatever is left in the outbox (the process died between the
 * write and the send, or Redis was unreachable) is sent by a relay once its grace period has passed, in
 * the order the events were staged. Eviction is idempotent, so a late or repeated event does no harm.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final long maxLength;
    private final MongoCollection<Document> outbox;
    private final Duration relayEvery;
    private final Duration grace;
    private final FaultPoints faults;
    private Repeating relayThread;

    /** Where every event is written with its change, and waits while it has not reached Redis. */
    public static final String OUTBOX = "eventoutbox";

    public EventPublisher(RedisDataSource redis, ObjectMapper json, AdminConfig config, MongoClient mongo,
                          @ConfigProperty(name = "quarkus.mongodb.database") String database, FaultPoints faults) {
        this.redis = redis;
        this.json = json;
        this.maxLength = config.events().streamMaxLength();
        this.outbox = mongo.getDatabase(database).getCollection(OUTBOX);
        this.relayEvery = config.outbox().relayEvery();
        this.grace = config.outbox().grace();
        this.faults = faults;
    }

    /** An event written to the outbox ahead of its change. */
    public record Staged(String eventId, String body) {
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
                keys.addAll(Tags.written(entityName, id));
                if (Tags.BRAND.equals(entityName)) {
                    brandIds.add(id);
                } else if (Tags.MODEL.equals(entityName)) {
                    modelIds.add(id);
                }
            }
            return this;
        }

        public Change brand(String id) {
            if (id != null) {
                brandIds.add(id);
                keys.add(Tags.brand(id));
            }
            return this;
        }

        public Change model(String id) {
            if (id != null) {
                modelIds.add(id);
                keys.add(Tags.model(id));
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

        /** Whether the event names {@code tag}. */
        public boolean names(String tag) {
            return keys.contains(tag);
        }

        public boolean isEmpty() {
            return ids.isEmpty() && keys.isEmpty();
        }

        public InvalidationEvent toEvent() {
            return new InvalidationEvent(UUID.randomUUID().toString(), type, entity, new ArrayList<>(ids),
                    new ArrayList<>(brandIds), new ArrayList<>(modelIds), new ArrayList<>(keys), version, Instant.now());
        }
    }

    /**
     * Writes the event to the outbox before its change is written. If this fails the change must not be
     * made (the caller lets the exception end the request), so no write goes unannounced.
     */
    public Staged stage(Change change) {
        InvalidationEvent event = change.toEvent();
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Date now = new Date();
        outbox.insertOne(new Document("_id", event.eventId()).append("event", body).append("at", now)
                .append("notBefore", new Date(now.getTime() + grace.toMillis())));
        return new Staged(event.eventId(), body);
    }

    /**
     * {@code staged} without the tags in {@code dropped}, the same event otherwise (its id too), to be released
     * instead of it once the write showed those tags need not be named; the outbox keeps the wider event, which
     * the relay sends only if this one is not sent: a needless eviction at worst, never a missed one.
     */
    public Staged without(Staged staged, Collection<String> dropped) {
        try {
            InvalidationEvent e = json.readValue(staged.body(), InvalidationEvent.class);
            List<String> keys = e.surrogateKeys().stream().filter(k -> !dropped.contains(k)).toList();
            InvalidationEvent narrower = new InvalidationEvent(e.eventId(), e.type(), e.entity(), e.ids(), e.brandIds(),
                    e.modelIds(), keys, e.version(), e.at());
            return new Staged(staged.eventId(), json.writeValueAsString(narrower));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The change is written: send its event now. If Redis cannot take it, the relay sends it when Redis is back. */
    public void release(Staged staged) {
        faults.reached(FaultPoints.BEFORE_EVENT_SENT);
        try {
            send(staged.body());
        } catch (RuntimeException e) {
            LOG.warnf("Redis did not take invalidation event %s: kept in the outbox, relayed when Redis is back (%s)",
                    staged.eventId(), e.toString());
            dueNow(staged);
            return;
        }
        try {
            outbox.deleteOne(Filters.eq("_id", staged.eventId()));
        } catch (RuntimeException e) {
            LOG.debugf("outbox: %s stays until the relay sends it again (%s)", staged.eventId(), e.toString());
        }
    }

    /** The change failed before writing anything: its event would announce nothing, so it is dropped. */
    public void discard(Staged staged) {
        try {
            outbox.deleteOne(Filters.eq("_id", staged.eventId()));
        } catch (RuntimeException e) {
            // relayed after the grace period instead: a needless eviction, never a missed one
            LOG.debugf("outbox: could not drop %s (%s)", staged.eventId(), e.toString());
        }
    }

    /** A long batch is still writing: hold its event back from the relay for another grace period. */
    public void keepAlive(Staged staged) {
        outbox.updateOne(Filters.eq("_id", staged.eventId()),
                new Document("$set", new Document("notBefore", new Date(System.currentTimeMillis() + grace.toMillis()))));
    }

    private void dueNow(Staged staged) {
        try {
            outbox.updateOne(Filters.eq("_id", staged.eventId()), new Document("$set", new Document("notBefore", new Date())));
        } catch (RuntimeException e) {
            LOG.debugf("outbox: %s is sent after its grace period (%s)", staged.eventId(), e.toString());
        }
    }

    private void send(String body) {
        redis.stream(String.class).xadd(InvalidationEvent.STREAM,
                new XAddArgs().maxlen(maxLength).nearlyExactTrimming(), Map.of(InvalidationEvent.STREAM_FIELD, body));
        redis.pubsub(String.class).publish(InvalidationEvent.CHANNEL, body);
    }

    void onStart(@Observes StartupEvent start) {
        relayThread = Repeating.start("invalidation-outbox-relay", relayEvery, this::relay);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (relayThread != null) {
            relayThread.stop();
        }
    }

    /**
     * Sends the events left behind (their grace period is over) in the order they were staged; each leaves
     * the outbox once Redis has it. Records from before the outbox held every event have no notBefore.
     */
    int relay() {
        int sent = 0;
        Date now = new Date();
        for (Document kept : outbox.find(Filters.or(Filters.lte("notBefore", now), Filters.exists("notBefore", false)))
                .sort(Sorts.ascending("at", "_id")).limit(500)) {
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
