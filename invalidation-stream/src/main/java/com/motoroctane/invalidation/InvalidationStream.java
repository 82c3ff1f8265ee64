package com.motoroctane.invalidation;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.events.InvalidationEvent;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.stream.XReadArgs;

/**
 * Follows admin-service's event stream ({@link InvalidationEvent#STREAM}) for one cache owner, on a thread
 * of its own. It reads the stream rather than the pub/sub channel: the stream carries the same events in
 * order and lets the owner resume from the last id it applied, so a disconnection replays what was missed.
 * If the stream no longer holds that id (trimmed, or Redis restarted, while away), what was missed cannot be
 * told and the owner is asked to flush everything. It starts from the newest event: what is cached was
 * loaded after any earlier one.
 *
 * <p>Every readable event whose surrogate keys do not hold {@link InvalidationEvent#FLUSH_ALL} goes to
 * {@link Listener#onEvent}; a {@code *} tag, an unreadable event or a gap to {@link Listener#onFlush}. An event
 * the listener throws on is not counted as applied ({@link #lastEventId} stays before it): it is read and given to
 * the listener again, 0.5 s later, before any later event.
 */
public final class InvalidationStream {

    /**
     * What the owner does with the events; called on the stream's thread, one at a time, in stream order. A method
     * that throws has the event given to it again (the owner could not apply all of it: it must not be skipped).
     */
    public interface Listener {

        /** @param tags the event's surrogate keys, a mutable set of the listener's own */
        void onEvent(InvalidationEvent event, Set<String> tags);

        /**
         * As {@link #onEvent(InvalidationEvent, Set)}, with the event's id in the stream (what
         * {@link InvalidationStamp} compares); the one the stream calls.
         */
        default void onEvent(String streamId, InvalidationEvent event, Set<String> tags) {
            onEvent(event, tags);
        }

        /** Everything cached must go, for {@code reason}. */
        void onFlush(FlushReason reason);
    }

    public enum FlushReason {
        /** an event carried the {@code *} tag */
        FLUSH_TAG,
        /** an event could not be read: what it evicts is unknown */
        UNREADABLE_EVENT,
        /** after an outage the last event applied was no longer in the stream: events may have been missed */
        GAP,
        /** the listener failed to apply an event {@value InvalidationStream#ATTEMPTS_BEFORE_FLUSH} times in a row */
        UNAPPLIED_EVENT
    }

    /** An event the listener keeps failing on is given up after this many attempts, for a flush of everything. */
    static final int ATTEMPTS_BEFORE_FLUSH = 20;

    private static final Logger LOG = Logger.getLogger(InvalidationStream.class);
    private static final String NONE = "0-0";

    private final StreamCommands<String, String, String> stream;
    private final ObjectMapper json;
    private final String threadName;
    private final Listener listener;
    private volatile boolean running = true;
    private volatile String lastId;
    /** The last event the listener failed to apply (logged once), and how many times in a row it did. */
    private String failedId;
    private int failures;

    public InvalidationStream(RedisDataSource redis, ObjectMapper json, String threadName, Listener listener) {
        this.stream = redis.stream(String.class);
        this.json = json;
        this.threadName = threadName;
        this.listener = listener;
    }

    public void start() {
        Thread consumer = new Thread(this::consume, threadName);
        consumer.setDaemon(true);
        consumer.start();
    }

    public void stop() {
        running = false;
    }

    /**
     * Announces an event as admin-service does: appended to the stream (trimmed to about {@code maxLength}
     * events) and published on {@link InvalidationEvent#CHANNEL}. {@code body} is the event as JSON.
     */
    public static void publish(RedisDataSource redis, String body, long maxLength) {
        redis.stream(String.class).xadd(InvalidationEvent.STREAM, new XAddArgs().maxlen(maxLength).nearlyExactTrimming(),
                Map.of(InvalidationEvent.STREAM_FIELD, body));
        redis.pubsub(String.class).publish(InvalidationEvent.CHANNEL, body);
    }

    /** The id of the last event applied (null until the stream has been read once), for health and tests. */
    public String lastEventId() {
        return lastId;
    }

    private void consume() {
        boolean wasDown = false;
        while (running) {
            try {
                if (lastId == null) {
                    // start from "now": what is cached was loaded after any earlier event
                    // XREVRANGE takes the end first: (+, -) is "from the newest"; (-, +) would always be empty
                    List<StreamMessage<String, String, String>> newest = stream.xrevrange(InvalidationEvent.STREAM,
                            StreamRange.of("+", "-"), 1);
                    lastId = newest.isEmpty() ? NONE : newest.get(0).id();
                } else if (wasDown) {
                    checkForGap();
                }
                wasDown = false;
                List<StreamMessage<String, String, String>> batch = stream.xread(InvalidationEvent.STREAM, lastId,
                        new XReadArgs().block(Duration.ofSeconds(1)).count(200));
                for (StreamMessage<String, String, String> message : batch) {
                    if (!applied(message)) {
                        sleep(500);
                        break; // read again from the last event applied: this one first
                    }
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
            LOG.warnf("Event %s is no longer in the stream: invalidations may have been missed, flushing everything cached", lastId);
            listener.onFlush(FlushReason.GAP);
        } else {
            LOG.infof("Redis is back: replaying events after %s", lastId);
        }
    }

    /**
     * Applies one event; false when the listener failed to (it is not counted as applied, and is applied again). One
     * that fails {@link #ATTEMPTS_BEFORE_FLUSH} times in a row is replaced by a flush of everything (so one event the
     * listener cannot apply does not hold back every later one), when that flush succeeds.
     */
    private boolean applied(StreamMessage<String, String, String> message) {
        try {
            apply(message);
            failures = 0;
            return true;
        } catch (RuntimeException e) {
            if (!message.id().equals(failedId)) {
                failedId = message.id();
                failures = 0;
                LOG.warnf("Invalidation event %s not applied (%s); applying it again before any later one", message.id(), e.toString());
            }
            if (++failures < ATTEMPTS_BEFORE_FLUSH) {
                return false;
            }
            try {
                listener.onFlush(FlushReason.UNAPPLIED_EVENT);
            } catch (RuntimeException flushFailed) {
                return false;
            }
            LOG.warnf("Invalidation event %s could not be applied %d times (%s): flushed everything instead",
                    message.id(), failures, e.toString());
            failures = 0;
            return true;
        }
    }

    private void apply(StreamMessage<String, String, String> message) {
        String body = message.payload().get(InvalidationEvent.STREAM_FIELD);
        InvalidationEvent event;
        try {
            event = json.readValue(body, InvalidationEvent.class);
        } catch (Exception e) {
            LOG.warnf("Unreadable invalidation event %s (%s): flushing to stay correct", message.id(), e.getMessage());
            listener.onFlush(FlushReason.UNREADABLE_EVENT);
            return;
        }
        Set<String> tags = new HashSet<>(event.surrogateKeys() == null ? List.of() : event.surrogateKeys());
        if (tags.contains(InvalidationEvent.FLUSH_ALL)) {
            listener.onFlush(FlushReason.FLUSH_TAG);
        } else {
            listener.onEvent(message.id(), event, tags);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
