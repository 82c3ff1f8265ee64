package com.motoroctane.gateway.ratelimit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.Deadline;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.gateway.proxy.PathPrefixes;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.redis.client.Redis;

/**
 * Decides whether a request fits its class's budget without leaving the process: the counts live in this
 * replica ({@link SlidingWindowCounters}, a sliding-window counter per client) and are synced to Redis every
 * {@code sync-interval} (Kong's {@code sync_rate}): one Lua call per batch adds this replica's deltas and reads
 * back the global totals, so the limits hold across replicas up to one sync interval's traffic of the others.
 * When a sync fails or is slower than {@code redis-timeout}, the replica goes on with its last global counts plus
 * its own (the same limits, per replica), tries Redis again every {@code redis-retry-interval}, and readiness
 * says {@code memory} until a sync goes through; the deltas of the outage are sent then.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final GatewayConfig.RateLimit config;
    private final Vertx vertx;
    private final RedisCounters redis;
    private final SlidingWindowCounters counters;
    private final GatewayMetrics metrics;
    private final LongSupplier clock;
    /** 0 while Redis is healthy; otherwise the epoch millis after which a sync may try it again. */
    private final AtomicLong redisDownUntil = new AtomicLong();
    /** The sync in progress, null when none is. */
    private Future<Void> running;
    private volatile String lastRedisError;
    private long syncTimer = -1;
    private long sweeper = -1;

    @Inject
    public RateLimiter(GatewayConfig config, Vertx vertx, Redis redis, GatewayMetrics metrics, WindowClock clock) {
        this(config.rateLimit(), vertx, new RedisCounters(redis), metrics, clock);
    }

    /** A limiter of its own, with its own counts, over a given Redis connection: what another gateway replica is. */
    public RateLimiter(GatewayConfig.RateLimit config, Vertx vertx, RedisCounters redis, GatewayMetrics metrics,
                       LongSupplier clock) {
        this.config = config;
        this.vertx = vertx;
        this.redis = redis;
        this.clock = clock;
        this.counters = new SlidingWindowCounters(clock, config.memoryMaxKeys());
        this.metrics = metrics;
    }

    @PostConstruct
    public void start() {
        sweeper = vertx.setPeriodic(10_000, id -> counters.sweep());
        if (config.enabled()) {
            syncTimer = vertx.setPeriodic(Math.max(1, config.syncInterval().toMillis()), id -> {
                if (shouldTryRedis()) {
                    sync();
                }
            });
        }
        metrics.rateLimitStore(() -> usingRedis() ? 1 : 0);
    }

    @PreDestroy
    public void stop() {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
        if (syncTimer >= 0) {
            vertx.cancelTimer(syncTimer);
            syncTimer = -1;
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The class a request is counted in, or empty for probes, monitoring and CORS preflights. */
    public Optional<RateClass> classify(String path, HttpMethod method) {
        if (!config.enabled() || method == HttpMethod.OPTIONS || PathPrefixes.matchesAny(path, config.exemptPaths().orElse(List.of()))) {
            return Optional.empty();
        }
        boolean write = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
        if (write && PathPrefixes.matchesAny(path, config.authPaths())) {
            return Optional.of(RateClass.AUTH);
        }
        if (PathPrefixes.matchesAny(path, config.bulkPaths())) {
            return Optional.of(RateClass.BULK);
        }
        if (!write && PathPrefixes.matchesAny(path, config.mediaPaths())) {
            return Optional.of(RateClass.MEDIA);
        }
        return Optional.of(write ? RateClass.MODIFY : RateClass.PUBLIC);
    }

    public Quota quota(RateClass rateClass) {
        GatewayConfig.Limit limit = switch (rateClass) {
            case PUBLIC -> config.publicReads();
            case MEDIA -> config.media();
            case MODIFY -> config.modify();
            case BULK -> config.bulk();
            case AUTH -> config.auth();
        };
        return new Quota(limit.limit(), limit.window());
    }

    /**
     * Counts one request of {@code rateClass} against every identity given (the client IP, and for logins
     * also the account); refused when any of them is at its limit. Decided here, from this replica's counts.
     */
    public Future<Decision> acquire(RateClass rateClass, List<String> identities) {
        Decision decision = counters.acquire(keys(rateClass, identities), quota(rateClass),
                usingRedis() ? Decision.Store.REDIS : Decision.Store.MEMORY);
        if (!decision.allowed()) {
            metrics.rateLimited(rateClass);
        }
        return Future.succeededFuture(decision);
    }

    /** Takes a counted request back (a login that succeeded does not count). */
    public Future<Void> release(RateClass rateClass, List<String> identities, Decision decision) {
        counters.release(keys(rateClass, identities), decision.windowStart());
        return Future.succeededFuture();
    }

    /**
     * Flushes this replica's deltas and reads back the global counts of every key touched since the last
     * sync, in batches of {@code sync-batch} keys. At most one sync runs at a time: while one is running,
     * this returns it (what it drained is all it sends). Failed when Redis failed.
     */
    public synchronized Future<Void> sync() {
        if (running != null) {
            return running;
        }
        List<SlidingWindowCounters.Flush> flushes = counters.drain();
        if (flushes.isEmpty()) {
            return probeIfDown();
        }
        int batchSize = Math.max(1, config.syncBatch());
        List<Future<Void>> batches = new java.util.ArrayList<>();
        for (int from = 0; from < flushes.size(); from += batchSize) {
            List<SlidingWindowCounters.Flush> batch = flushes.subList(from, Math.min(flushes.size(), from + batchSize));
            batches.add(withTimeout(redis.sync(batch)).map(totals -> {
                for (int i = 0; i < batch.size(); i++) {
                    counters.synced(batch.get(i), totals.get(i).current(), totals.get(i).previous());
                }
                return (Void) null;
            }).recover(failure -> {
                // whether Redis applied it or not is unknown after a timeout: resending may count twice, which
                // only ever makes the limit stricter
                batch.forEach(counters::unsent);
                return Future.failedFuture(failure);
            }));
        }
        Promise<Void> done = Promise.promise();
        running = done.future();
        Future.join(batches).onComplete(all -> {
            synchronized (this) {
                running = null;
            }
            if (all.succeeded()) {
                redisUp();
                done.complete();
            } else {
                redisDown(all.cause());
                done.fail(all.cause());
            }
        });
        return done.future();
    }

    public boolean usingRedis() {
        return redisDownUntil.get() == 0;
    }

    public String store() {
        return usingRedis() ? "redis" : "memory";
    }

    public String lastRedisError() {
        return lastRedisError;
    }

    public RedisCounters redis() {
        return redis;
    }

    /** This replica's counts (for monitoring, and for tests that start from none). */
    public SlidingWindowCounters counters() {
        return counters;
    }

    public LongSupplier clock() {
        return clock;
    }

    private List<String> keys(RateClass rateClass, List<String> identities) {
        return identities.stream().map(id -> config.keyPrefix() + rateClass.key() + ":" + id).toList();
    }

    /** With nothing to flush a replica whose Redis is down still has to find out when it is back. */
    private Future<Void> probeIfDown() {
        if (usingRedis()) {
            return Future.succeededFuture();
        }
        return withTimeout(redis.ping()).<Void>mapEmpty().onSuccess(ok -> redisUp()).onFailure(this::redisDown);
    }

    /** While Redis is down a sync is tried once per retry interval, not every sync interval. */
    private boolean shouldTryRedis() {
        long until = redisDownUntil.get();
        if (until == 0) {
            return true;
        }
        long now = System.currentTimeMillis();
        return now >= until && redisDownUntil.compareAndSet(until, now + config.redisRetryInterval().toMillis());
    }

    private void redisUp() {
        if (redisDownUntil.getAndSet(0) != 0) {
            LOG.info("Rate limits are shared through Redis again");
            lastRedisError = null;
        }
    }

    private void redisDown(Throwable failure) {
        long next = System.currentTimeMillis() + config.redisRetryInterval().toMillis();
        if (redisDownUntil.getAndSet(next) == 0) {
            LOG.warnf("Redis unavailable for rate limits (%s); enforcing them per replica from local counts", failure.toString());
        }
        lastRedisError = failure.toString();
    }

    private <T> Future<T> withTimeout(Future<T> future) {
        return Deadline.within(vertx, future, config.redisTimeout().toMillis(), "Redis");
    }
}
