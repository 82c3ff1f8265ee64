package com.motoroctane.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.motoroctane.common.error.ProblemException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Serves a rendered response through L1, then L2, then the loader (the service's origin: its database, an
 * upstream), and records which answered. Concurrent misses on one key share a single load. A loader that
 * throws {@link OriginUnavailableException} is answered from the last entry held ({@link Source#STALE}) or,
 * with none, a 503 problem+json with {@code Retry-After}.
 *
 * <p>Meters ({@code <p>} = {@code response-cache.metrics-prefix}): {@code <p>.cache.requests{result,tier}},
 * {@code <p>.cache.hit.ratio}, {@code <p>.cache.keys{tier}}.
 *
 * <p>Traces (when the OpenTelemetry SDK is on): the request's span gets {@code cache.tier} and
 * {@code cache.result}; the L2 lookup and the origin load are spans of their own ({@code cache.l2.get},
 * {@code cache.load}), the load being the parent of whatever the loader calls (MongoDB, an upstream). An L1
 * hit costs no span: it takes well under a microsecond.
 */
@ApplicationScoped
public class ResponseCache {

    public enum Source { HIT, MISS, STALE }

    /**
     * What a loader produces: the JSON bytes, the surrogate keys naming the entities inside, and for a
     * single document the version-derived ETag admin-service accepts as If-Match (null: hash the bytes).
     */
    public record Rendered(byte[] body, String surrogateKeys, String etag) {

        public Rendered(byte[] body, String surrogateKeys) {
            this(body, surrogateKeys, null);
        }
    }

    public record Served(CachedResponse response, Source source) {
    }

    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    private final L1Cache l1;
    private final RedisL2 l2;
    private final String keyPrefix;
    private final int retryAfterSeconds;
    private final ConcurrentHashMap<String, CompletableFuture<CachedResponse>> loading = new ConcurrentHashMap<>();
    /**
     * Bumped by every eviction. A load that started before an eviction may hold data read before the
     * write, so it is served but not cached.
     */
    private final AtomicLong evictions = new AtomicLong();
    private final Counter l1Hits;
    private final Counter l2Hits;
    private final Counter misses;
    private final Counter stale;
    private final Tracer tracer;

    public ResponseCache(L1Cache l1, RedisL2 l2, ResponseCacheConfig config, MeterRegistry registry, Tracer tracer) {
        this.l1 = l1;
        this.l2 = l2;
        this.tracer = tracer;
        this.keyPrefix = RedisL2.checkedPrefix(config.keyPrefix());
        this.retryAfterSeconds = config.retryAfterSeconds();
        String meters = config.metricsPrefix() + ".cache.";
        this.l1Hits = lookups(registry, meters, "hit", "l1");
        this.l2Hits = lookups(registry, meters, "hit", "l2");
        this.misses = lookups(registry, meters, "miss", "origin");
        this.stale = lookups(registry, meters, "stale", "l1");
        Gauge.builder(meters + "hit.ratio", this, ResponseCache::hitRatio)
                .description("Share of cached-endpoint requests answered from L1 or L2 since start")
                .register(registry);
        Gauge.builder(meters + "keys", l1, L1Cache::size).tag("tier", "l1")
                .description("Entries held in the in-process cache").register(registry);
        Gauge.builder(meters + "keys", l2, RedisL2::keyCount).tag("tier", "l2")
                .description(keyPrefix + "* keys in Redis (sampled every 30 s)").register(registry);
    }

    /**
     * The cache key of a request: {@code <keyPrefix><segment>:<canonicalRequest>}. {@code segment} names
     * what kind of response it is (e.g. {@code models}); {@code canonicalRequest} must be the same string for
     * every spelling of the same request (parameter order, case), or equal requests miss each other.
     */
    public String key(String segment, String canonicalRequest) {
        return keyPrefix + segment + ':' + canonicalRequest;
    }

    /**
     * L1 is answered on the calling (event-loop) thread and L2 without blocking; only a miss moves to a
     * worker thread for the loader, which may therefore block.
     *
     * @param key        from {@link #key}
     * @param ttlSeconds how long the entry lives in L2 (and is advertised as {@code s-maxage})
     * @param loader     renders the response from the origin; throws {@link OriginUnavailableException}
     *                   when the origin did not answer
     */
    public Uni<Served> serve(String key, int ttlSeconds, Supplier<Rendered> loader) {
        Span request = Span.current();
        CachedResponse fresh = l1.fresh(key, System.currentTimeMillis());
        if (fresh != null) {
            l1Hits.increment();
            traced(request, "l1", "hit");
            return Uni.createFrom().item(new Served(fresh, Source.HIT));
        }
        long generation = evictions.get();
        Context parent = Context.current();
        Span lookup = tracer.spanBuilder("cache.l2.get").setParent(parent).setAttribute("cache.key", key).startSpan();
        return l2.get(key)
                .onItemOrFailure().invoke((found, failure) -> {
                    if (failure != null) {
                        lookup.recordException(failure);
                        lookup.setStatus(StatusCode.ERROR);
                    }
                    lookup.setAttribute("cache.result", found == null ? "miss" : "hit");
                    lookup.end();
                })
                .onFailure().recoverWithNull()
                .flatMap(fromL2 -> {
                    if (fromL2 != null && fromL2.remainingSeconds(System.currentTimeMillis()) > 0) {
                        if (evictions.get() == generation) {
                            l1.put(key, fromL2);
                        }
                        l2Hits.increment();
                        traced(request, "l2", "hit");
                        return Uni.createFrom().item(new Served(fromL2, Source.HIT));
                    }
                    return Uni.createFrom().item(() -> loadOrStale(key, ttlSeconds, loader, fromL2, parent, request))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                });
    }

    private Served loadOrStale(String key, int ttlSeconds, Supplier<Rendered> loader, CachedResponse fromL2,
                               Context parent, Span request) {
        // the worker thread does not carry the request's context: the load span names its parent itself and is
        // made current, so what the loader calls (MongoDB, an upstream) nests under it
        Span span = tracer.spanBuilder("cache.load").setParent(parent).setAttribute("cache.key", key).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            CachedResponse loaded = load(key, ttlSeconds, loader);
            misses.increment();
            traced(request, "origin", "miss");
            return new Served(loaded, Source.MISS);
        } catch (OriginUnavailableException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, "origin unavailable");
            CachedResponse last = l1.any(key);
            if (last == null) {
                last = fromL2;
            }
            if (last != null) {
                stale.increment();
                traced(request, "l1", "stale");
                return new Served(last, Source.STALE);
            }
            throw new ProblemException(503, e.type(), e.title(), e.detail(), null).retryAfter(retryAfterSeconds);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private static void traced(Span request, String tier, String result) {
        if (request.isRecording()) {
            request.setAttribute("cache.tier", tier);
            request.setAttribute("cache.result", result);
        }
    }

    /**
     * Drops every entry, in both tiers, tagged with one of {@code surrogateKeys}; returns the number of
     * L1 entries dropped. L2 first: once L1 is cleared, a miss must not find the old bytes in Redis and put them
     * back. When the L2 eviction fails (Redis unreachable, or slower than 2 s) L1 is cleared all the same and
     * {@link EvictionIncomplete} is thrown: the old bytes may still be in L2 (or be evicted there only later, and a
     * miss meanwhile put them back in L1), so the caller must apply the eviction again, the invalidation stream by
     * not counting the event as applied and reading it again.
     */
    public int evictTags(java.util.Collection<String> surrogateKeys) {
        return inBothTiers("L2 eviction of " + surrogateKeys, () -> l2.evictTags(surrogateKeys),
                java.time.Duration.ofSeconds(2), () -> l1.invalidateTags(surrogateKeys));
    }

    /** Drops everything this service caches, in both tiers (L2 first, and retried, for the reasons in {@link #evictTags}). */
    public void flushAll() {
        inBothTiers("L2 flush", () -> l2.flushAll().invoke(n -> LOG.infof("Flushed %d L2 keys", n)),
                java.time.Duration.ofSeconds(30), () -> {
                    l1.invalidateAll();
                    return 0;
                });
    }

    /**
     * An eviction in L2 (waited for at most {@code wait}), then in L1 whatever L2 answered; returns what L1 dropped.
     * {@link EvictionIncomplete} when L2 did not confirm (see {@link #evictTags}).
     */
    private int inBothTiers(String what, Supplier<Uni<Long>> inL2,
                            java.time.Duration wait, IntSupplier inL1) {
        evictions.incrementAndGet();
        RuntimeException l2Failed = null;
        try {
            inL2.get().await().atMost(wait);
        } catch (RuntimeException e) {
            l2Failed = e;
        }
        int dropped = inL1.getAsInt();
        evictions.incrementAndGet();
        if (l2Failed != null) {
            throw new EvictionIncomplete(what + " failed", l2Failed);
        }
        return dropped;
    }

    /** An eviction L2 did not confirm: L1 was cleared, L2 may still hold what was evicted; apply it again. */
    public static final class EvictionIncomplete extends RuntimeException {
        EvictionIncomplete(String message, Throwable cause) {
            super(message + " (" + cause + "); to be applied again", cause);
        }
    }

    /** Drops one key from both tiers (used when the data behind it is known to have changed). */
    public void evict(String key) {
        evictions.incrementAndGet();
        l1.invalidate(key);
        l2.delete(key).subscribe().with(ok -> { }, failure -> LOG.debugf("evict %s failed: %s", key, failure));
    }

    private CachedResponse load(String key, int ttlSeconds, Supplier<Rendered> loader) {
        CompletableFuture<CachedResponse> mine = new CompletableFuture<>();
        CompletableFuture<CachedResponse> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            long generation = evictions.get();
            Rendered rendered = loader.get();
            CachedResponse response = CachedResponse.of(rendered.body(), rendered.surrogateKeys(),
                    ttlSeconds, rendered.etag());
            if (evictions.get() == generation) {
                l1.put(key, response);
                l2.put(key, response).subscribe().with(ok -> { }, failure -> { });
            }
            mine.complete(response);
            return response;
        } catch (OriginUnavailableException e) {
            LOG.warnf("Origin unavailable while loading %s: %s", key, e.getCause() != null ? e.getCause().toString() : e.detail());
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private static CachedResponse join(CompletableFuture<CachedResponse> running) {
        try {
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double hitRatio() {
        double hits = l1Hits.count() + l2Hits.count();
        double total = hits + misses.count() + stale.count();
        return total == 0 ? 0 : hits / total;
    }

    private static Counter lookups(MeterRegistry registry, String meters, String result, String tier) {
        return Counter.builder(meters + "requests").tag("result", result).tag("tier", tier)
                .description("Cached-endpoint requests by outcome and the tier that answered")
                .register(registry);
    }
}
