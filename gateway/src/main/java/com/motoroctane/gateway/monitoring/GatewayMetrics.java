package com.motoroctane.gateway.monitoring;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import com.motoroctane.gateway.proxy.ProxyHandler;
import com.motoroctane.gateway.proxy.Upstream;
import com.motoroctane.gateway.ratelimit.RateClass;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.ext.web.RoutingContext;

/**
 * What the gateway measures, once, for both outputs: Prometheus meters at {@code /q/metrics} (per-route
 * latency histograms with p50/p95/p99, status counts, upstream errors, breaker state, rate-limit
 * rejections) and the running totals behind {@code /api/monitoring/stats}.
 */
@Singleton
public class GatewayMetrics {

    /** Running totals of one route for the JSON stats. */
    public static final class RouteTotals {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder nanos = new LongAdder();

        public long count() {
            return count.sum();
        }

        public long errors() {
            return errors.sum();
        }

        public double averageMillis() {
            long n = count.sum();
            return n == 0 ? 0 : nanos.sum() / 1_000_000.0 / n;
        }
    }

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, RouteTotals> routes = new ConcurrentHashMap<>();
    private final RouteTotals all = new RouteTotals();
    private final LongAdder success = new LongAdder();
    private final Map<String, LongAdder> cacheOutcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> edgeCache = new ConcurrentHashMap<>();

    private final Timer invalidationLag;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.invalidationLag = Timer.builder("gateway.edge.invalidation.lag")
                .description("From an event's publication (its XADD; else its 'at') to the edge cache's purge of its tags")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(1)).register(registry);
    }

    public void recordRequest(RoutingContext ctx, long startedNanos) {
        long nanos = System.nanoTime() - startedNanos;
        String route = routeOf(ctx);
        int status = ctx.response().getStatusCode();
        String key = route + '|' + ctx.request().method().name() + '|' + status;
        timers.computeIfAbsent(key, k -> Timer.builder("gateway.requests")
                .description("Requests answered by the gateway, by route, method and status")
                .tag("route", route).tag("method", ctx.request().method().name()).tag("status", String.valueOf(status))
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        for (RouteTotals totals : new RouteTotals[] {all, routes.computeIfAbsent(route, r -> new RouteTotals())}) {
            totals.count.increment();
            totals.nanos.add(nanos);
            if (status >= 400) {
                totals.errors.increment();
            }
        }
        if (status < 400) {
            success.increment();
        }
    }

    public void upstreamError(String upstream, String kind) {
        counter("gateway.upstream.errors", "upstream", upstream, "kind", kind).increment();
    }

    public void retry(String upstream) {
        counter("gateway.upstream.retries", "upstream", upstream).increment();
    }

    public void rateLimited(RateClass rateClass) {
        counter("gateway.rate.limit.rejections", "class", rateClass.key()).increment();
        rateLimited.computeIfAbsent(rateClass.key(), k -> new LongAdder()).increment();
    }

    public void authRejected() {
        counter("gateway.auth.rejections").increment();
    }

    public void cacheOutcome(String xCache) {
        if (xCache != null) {
            cacheOutcomes.computeIfAbsent(xCache.trim().toUpperCase(java.util.Locale.ROOT), k -> new LongAdder()).increment();
        }
    }

    public void rateLimitStore(Supplier<Number> redisInUse) {
        Gauge.builder("gateway.rate.limit.redis", redisInUse)
                .description("1 while rate limits are shared through Redis, 0 while enforced per replica in memory")
                .register(registry);
    }

    /**
     * One request the edge cache looked at: {@code hit}, {@code stale} (a purged entry answered while its refresh
     * is on the way), {@code miss}, {@code collapsed} (waited for a miss) or {@code pass}.
     */
    public void edgeCacheRequest(String result) {
        counter("gateway.edge.cache.requests", "result", result).increment();
        edgeCache.computeIfAbsent(result, k -> new LongAdder()).increment();
    }

    /** A background request for a purged entry's new answer. */
    public void edgeCacheRefresh() {
        counter("gateway.edge.cache.refreshes").increment();
    }

    /**
     * From an invalidation event's publication (the time of its stream id, else its {@code at}) to the edge's purge
     * of its tags, as the services record theirs ({@code catalog_invalidation_lag}, {@code compare_invalidation_lag}):
     * how long the edge kept answering fresh from what the event changed.
     */
    public void edgeInvalidationLag(Duration lag) {
        invalidationLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** A fill or refresh whose answer was from before a purge it carries a tag of: not copied, not stored. */
    public void edgeCacheFillDeclined() {
        counter("gateway.edge.cache.fills.declined").increment();
    }

    public void edgeCacheStored() {
        counter("gateway.edge.cache.stores").increment();
    }

    /** An entry dropped by the byte bound ({@code size}) or its freshness ({@code expired}). */
    public void edgeCacheEviction(String cause) {
        counter("gateway.edge.cache.evictions", "cause", cause).increment();
    }

    public void edgeCachePurged(long entries) {
        counter("gateway.edge.cache.purged").increment(entries);
    }

    public void edgeCacheGauges(Supplier<Number> bytes, Supplier<Number> entries, Supplier<Number> identityBytes,
                                Supplier<Number> offHeapBytes) {
        Gauge.builder("gateway.edge.cache.bytes", bytes).description("Bytes held by the edge cache (weigher)")
                .baseUnit("bytes").register(registry);
        Gauge.builder("gateway.edge.cache.identity.bytes", identityBytes)
                .description("Identity bodies decoded from stored gzip and kept for clients that accept no encoding")
                .baseUnit("bytes").register(registry);
        Gauge.builder("gateway.edge.cache.offheap.bytes", offHeapBytes)
                .description("Bodies held off the heap: entries', decoded identities', and answers' being written")
                .baseUnit("bytes").register(registry);
        Gauge.builder("gateway.edge.cache.entries", entries).description("Entries held by the edge cache").register(registry);
    }

    public Map<String, Long> edgeCacheRequests() {
        Map<String, Long> copy = new TreeMap<>();
        edgeCache.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public void registerUpstream(Upstream upstream) {
        Gauge.builder("gateway.circuit.breaker.state", upstream, u -> stateValue(u.breaker().state()))
                .description("0 closed, 1 open, 2 half-open")
                .tag("upstream", upstream.name())
                .register(registry);
        Gauge.builder("gateway.upstream.in.flight", upstream, Upstream::inFlight)
                .tag("upstream", upstream.name())
                .register(registry);
    }

    public RouteTotals totals() {
        return all;
    }

    public long successes() {
        return success.sum();
    }

    public Map<String, RouteTotals> routeTotals() {
        return new TreeMap<>(routes);
    }

    public Map<String, Long> cacheOutcomes() {
        Map<String, Long> copy = new TreeMap<>();
        cacheOutcomes.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public Map<String, Long> rateLimitedByClass() {
        Map<String, Long> copy = new TreeMap<>();
        rateLimited.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    static int stateValue(CircuitBreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + '|' + String.join("|", tags),
                k -> Counter.builder(name).tags(tags).register(registry));
    }

    private static String routeOf(RoutingContext ctx) {
        String route = ctx.get(ProxyHandler.ROUTE_KEY);
        if (route != null) {
            return route;
        }
        String path = ctx.request().path();
        if (path.startsWith("/api/monitoring")) {
            return "monitoring";
        }
        if (path.startsWith("/q/")) {
            return "management";
        }
        return "unrouted";
    }
}
