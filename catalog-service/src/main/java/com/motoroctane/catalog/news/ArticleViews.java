package com.motoroctane.catalog.news;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.jboss.logging.Logger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.motoroctane.catalog.store.CatalogStore;
import com.motoroctane.common.cache.Tags;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Article view counts without a MongoDB write per read. A detail read adds one to the article's field of
 * the Redis hash {@value #PENDING} (HINCRBY, not awaited: the answer never waits for it), shared by every
 * replica. Every {@code catalog.news.views-flush-every} one replica takes the whole hash at once (RENAME to a
 * batch key, so increments arriving meanwhile start a new hash and none is counted twice or lost), adds each
 * count to {@code articleViews {_id: articleId, views}} in one unordered bulk write, and deletes the batch.
 *
 * <p>{@code articleViews} is catalog-service's own collection: admin-service is the only writer of
 * {@code articles}, so a reader never touches it. What readers show as {@code views} is the article's stored
 * {@code views} (the previous system's count, seeded) plus {@code articleViews.views}; counts not flushed yet
 * show after the next flush and the cached answer's expiry.
 *
 * <p>While Redis is unreachable, counts are kept in memory (up to {@value #MAX_LOCAL} articles) and written
 * by the next flush; if MongoDB refuses a batch it is added back to the hash. A replica that dies between
 * taking a batch and deleting it loses (or, after the MongoDB write, double-counts) at most that one batch.
 */
@ApplicationScoped
public class ArticleViews {

    /** Outside {@code catalog:}, which a full cache flush deletes: counts are data, not cache. */
    public static final String PENDING = "news:views:pending";
    public static final String COLLECTION = "articleViews";
    static final int MAX_LOCAL = 10_000;
    private static final Logger LOG = Logger.getLogger(ArticleViews.class);
    private static final String ARTICLE_TAG = Tags.ARTICLE + ':';

    private final ReactiveRedisDataSource reactive;
    private final RedisDataSource redis;
    private final CatalogStore store;
    private final AtomicReference<Map<String, LongAdder>> local = new AtomicReference<>(new ConcurrentHashMap<>());
    private final Counter counted;
    private final Counter flushed;
    private final Counter failed;

    public ArticleViews(ReactiveRedisDataSource reactive, RedisDataSource redis, CatalogStore store, MeterRegistry registry) {
        this.reactive = reactive;
        this.redis = redis;
        this.store = store;
        this.counted = Counter.builder("catalog.news.views").description("article detail reads counted").register(registry);
        this.flushed = Counter.builder("catalog.news.views.flush").tag("result", "ok").register(registry);
        this.failed = Counter.builder("catalog.news.views.flush").tag("result", "failed").register(registry);
    }

    /** Counts a read of the article a served detail answer is tagged with ({@code article:<id>}). */
    public void countFromTags(String surrogateKeys) {
        if (surrogateKeys == null) {
            return;
        }
        for (String tag : surrogateKeys.split(" ")) {
            if (tag.startsWith(ARTICLE_TAG)) {
                count(tag.substring(ARTICLE_TAG.length()));
                return;
            }
        }
    }

    public void count(String articleId) {
        counted.increment();
        reactive.hash(Long.class).hincrby(PENDING, articleId, 1)
                .subscribe().with(total -> { }, failure -> countLocally(articleId));
    }

    private void countLocally(String articleId) {
        Map<String, LongAdder> counts = local.get();
        if (counts.size() < MAX_LOCAL || counts.containsKey(articleId)) {
            counts.computeIfAbsent(articleId, id -> new LongAdder()).increment();
        }
    }

    @Scheduled(every = "${catalog.news.views-flush-every}", delayed = "${catalog.news.views-flush-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "news-views-flush")
    void scheduledFlush() {
        flush();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("view counts not flushed at shutdown (%s); they stay in Redis for the next flush", e.toString());
        }
    }

    /** Adds the counts gathered since the last flush to {@code articleViews}; returns how many views it wrote. */
    public synchronized long flush() {
        Map<String, Long> batch = new HashMap<>();
        local.getAndSet(new ConcurrentHashMap<>()).forEach((id, n) -> batch.merge(id, n.sum(), Long::sum));
        String taken = null;
        try {
            taken = take();
            if (taken != null) {
                redis.hash(Long.class).hgetall(taken).forEach((id, n) -> batch.merge(id, n, Long::sum));
            }
        } catch (RuntimeException e) {
            LOG.debugf("view counts in Redis not read (%s); flushing the local ones", e.toString());
        }
        if (batch.isEmpty()) {
            deleteQuietly(taken);
            return 0;
        }
        try {
            write(batch);
        } catch (RuntimeException e) {
            failed.increment();
            giveBack(batch, taken);
            LOG.warnf("view counts not written to MongoDB (%s); kept for the next flush", e.toString());
            return 0;
        }
        deleteQuietly(taken);
        flushed.increment();
        return batch.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The flushed views of each of {@code ids} (absent: none yet). */
    public Map<String, Long> stored(Collection<String> ids) {
        Map<String, Long> views = new HashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        for (Document d : collection().find(in("_id", List.copyOf(ids)))) {
            views.put(d.getString("_id"), number(d.get("views")));
        }
        return views;
    }

    /** Every flushed count (one small document per article ever read), for the trending list. */
    public Map<String, Long> all() {
        Map<String, Long> views = new HashMap<>();
        for (Document d : collection().find()) {
            views.put(d.getString("_id"), number(d.get("views")));
        }
        return views;
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** Renames the pending hash to a batch key only this flush knows; null when nothing is pending. */
    private String take() {
        String batch = PENDING + ":flushing:" + UUID.randomUUID();
        // RENAME fails on a missing key; RENAMENX-free check keeps that from being logged as an error
        if (!redis.key().exists(PENDING)) {
            return null;
        }
        try {
            redis.key().rename(PENDING, batch);
            return batch;
        } catch (RuntimeException e) {
            if (!redis.key().exists(PENDING)) {
                return null; // another replica took it between the check and the rename
            }
            throw e;
        }
    }

    private void write(Map<String, Long> batch) {
        List<WriteModel<Document>> updates = new ArrayList<>(batch.size());
        batch.forEach((id, n) -> updates.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.inc("views", n),
                new UpdateOptions().upsert(true))));
        collection().bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    private void giveBack(Map<String, Long> batch, String taken) {
        try {
            batch.forEach((id, n) -> redis.hash(Long.class).hincrby(PENDING, id, n));
            deleteQuietly(taken);
        } catch (RuntimeException e) {
            Map<String, LongAdder> counts = local.get();
            batch.forEach((id, n) -> {
                if (counts.size() < MAX_LOCAL || counts.containsKey(id)) {
                    counts.computeIfAbsent(id, k -> new LongAdder()).add(n);
                }
            });
            // the Redis batch (if any) was read into these counts; dropping it avoids counting it twice
            deleteQuietly(taken);
        }
    }

    private void deleteQuietly(String key) {
        if (key == null) {
            return;
        }
        try {
            redis.key().del(key);
        } catch (RuntimeException e) {
            LOG.warnf("view batch %s not deleted (%s); it expires in a day", key, e.toString());
            try {
                redis.key().expire(key, 86_400);
            } catch (RuntimeException ignored) {
                // Redis is gone; the batch key outlives it only if Redis persists, and is then never re-read
            }
        }
    }

    private MongoCollection<Document> collection() {
        return store.collection(COLLECTION);
    }
}
