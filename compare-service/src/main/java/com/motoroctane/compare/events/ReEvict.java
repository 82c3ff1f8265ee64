package com.motoroctane.compare.events;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.motoroctane.cache.InvalidationHook;
import com.motoroctane.cache.ResponseCache;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.compare.client.CatalogCache;
import com.motoroctane.compare.config.CompareConfig;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * catalog-service evicts its own cache on the same event as we do, a moment earlier or later. A comparison
 * rebuilt in between reads pre-write data from catalog-service and would keep it for its whole TTL, so every
 * event's tags are evicted a second time after {@code compare.invalidation.re-evict-after}: first from the copy of
 * catalog-service's reads ({@link CatalogCache}), then from the comparisons, so none is rebuilt from a stale copy.
 */
@ApplicationScoped
public class ReEvict implements InvalidationHook {

    private static final Logger LOG = Logger.getLogger(ReEvict.class);

    private final ResponseCache cache;
    private final CatalogCache catalogCache;
    private final long delayMillis;
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

    public ReEvict(ResponseCache cache, CatalogCache catalogCache, CompareConfig config) {
        this.cache = cache;
        this.catalogCache = catalogCache;
        this.delayMillis = config.invalidation().reEvictAfter().toMillis();
    }

    @Override
    public Set<String> beforeEvict(InvalidationEvent event, Set<String> tags) {
        if (delayMillis > 0 && !tags.isEmpty()) {
            Set<String> again = Set.copyOf(tags);
            pending.incrementAndGet();
            Infrastructure.getDefaultWorkerPool().schedule(() -> {
                try {
                    catalogCache.evict(again);
                    cache.evictTags(again);
                } catch (RuntimeException e) {
                    LOG.warnf("second eviction of %s failed: %s", again, e);
                } finally {
                    pending.decrementAndGet();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        }
        return tags;
    }

    /** Second evictions scheduled and not yet done (tests wait for none before judging the cache). */
    public int pending() {
        return pending.get();
    }
}
