package com.motoroctane.catalog.news;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.motoroctane.catalog.store.CatalogStore;
import com.motoroctane.common.news.NewsFields;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * When the next {@code scheduled} article becomes visible. Visibility is decided at read time
 * ({@link NewsFields#isVisible}), so a scheduled article needs no write to appear; what must not happen is a
 * cached answer outliving that moment. Every answer whose content depends on which articles are visible is
 * therefore cached for at most the seconds left until the next scheduled publishDate ({@link #ttl}).
 *
 * <p>{@link #ttl} runs on the event loop before the cache is asked, so it never queries MongoDB itself: it
 * uses the date read last and, when that is unknown or has passed, caps the TTL at one second while a worker
 * reads the next one. Article events ({@link NewsEvents}) drop the date, and it is re-read at least every
 * {@code catalog.news.schedule-refresh}.
 */
@ApplicationScoped
public class NewsSchedule {

    private static final Logger LOG = Logger.getLogger(NewsSchedule.class);

    /** The next scheduled publishDate after {@code readAt} (null: none), as read at {@code readAtMillis}. */
    private record Next(Instant at, long readAtMillis) {
    }

    private final CatalogStore store;
    private final long refreshMillis;
    private final AtomicBoolean reading = new AtomicBoolean();
    /** Bumped by {@link #invalidate}: a read that began before it must not store what it saw. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Next next;

    public NewsSchedule(CatalogStore store, NewsConfig config) {
        this.store = store;
        this.refreshMillis = config.scheduleRefresh().toMillis();
    }

    /** {@code configured}, or less: the whole seconds until the next scheduled article appears (at least 1). */
    public int ttl(int configured) {
        long now = System.currentTimeMillis();
        Next known = next;
        if (known == null || known.at() != null && known.at().toEpochMilli() <= now) {
            readInBackground();
            return Math.min(configured, 1);
        }
        if (now - known.readAtMillis() > refreshMillis) {
            readInBackground();
        }
        if (known.at() == null) {
            return configured;
        }
        long seconds = (known.at().toEpochMilli() - now + 999) / 1000;
        return (int) Math.max(1, Math.min(configured, seconds));
    }

    /** Forgets the date (an article was written): the next answers are capped until it is read again. */
    public void invalidate() {
        generation.incrementAndGet();
        next = null;
        readInBackground();
    }

    /** Reads the next scheduled publishDate now, on the calling thread (blocking). */
    public Instant read() {
        long began = generation.get();
        long now = System.currentTimeMillis();
        Document first = store.collection(NewsFields.ARTICLES)
                .find(and(eq("status", NewsFields.SCHEDULED), gt("publishDate", new Date(now))))
                .sort(Sorts.ascending("publishDate"))
                .projection(Projections.fields(Projections.include("publishDate"), Projections.excludeId()))
                .first();
        Instant at = first == null || first.getDate("publishDate") == null ? null : first.getDate("publishDate").toInstant();
        if (generation.get() == began) {
            next = new Next(at, now);
        }
        return at;
    }

    private void readInBackground() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            long began = generation.get();
            try {
                read();
            } catch (RuntimeException e) {
                LOG.debugf("next scheduled article not read (%s); answers stay capped at 1 s", e.toString());
            } finally {
                reading.set(false);
            }
            if (generation.get() != began) {
                readInBackground(); // invalidated meanwhile: what was read may predate the write
            }
        });
    }
}
