package com.motoroctane.gateway.ratelimit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.Deadline;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.gateway.proxy.PathPrefixes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.redis.client.Redis;

/**
 * Decides whether a request fits its class's budget. Redis holds the counts so the limits hold across
 * every replica; when Redis fails or is slower than its budget this replica switches to its in-memory
 * log with the same limits, probes Redis again every retry interval, and readiness says which is in use.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final GatewayConfig.RateLimit config;
    private final Vertx vertx;
    private final RedisWindowStore redis;
    private final MemoryWindowStore memory;
    private final GatewayMetrics metrics;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    /** 0 while Redis is healthy; otherwise the epoch millis after which one request may probe it again. */
    private final AtomicLong redisDownUntil = new AtomicLong();
    private volatile String lastRedisError;
    private long sweeper = -1;

    @Inject
    public RateLimiter(GatewayConfig config, Vertx vertx, Redis redis, GatewayMetrics metrics) {
        this(config.rateLimit(), vertx, new RedisWindowStore(redis), metrics);
    }

    /** A limiter of its own over a given Redis connection: what another gateway replica is. */
    public RateLimiter(GatewayConfig.RateLimit config, Vertx vertx, RedisWindowStore redis, GatewayMetrics metrics) {
        this.config = config;
        this.vertx = vertx;
        this.redis = redis;
        this.memory = new MemoryWindowStore(System::currentTimeMillis, config.memoryMaxKeys());
        this.metrics = metrics;
    }

    @PostConstruct
    void start() {
        sweeper = vertx.setPeriodic(10_000, id -> memory.sweep());
        metrics.rateLimitStore(() -> usingRedis() ? 1 : 0);
    }

    @PreDestroy
    void stop() {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
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
     * also the account); refused when any of them is at its limit.
     */
    public Future<Decision> acquire(RateClass rateClass, List<String> identities) {
        Quota quota = quota(rateClass);
        List<String> keys = keys(rateClass, identities);
        String member = instance + ":" + sequence.incrementAndGet();
        Future<Decision> decision;
        if (shouldTryRedis()) {
            decision = withTimeout(redis.acquire(keys, quota, member))
                    .onSuccess(ok -> redisUp())
                    .recover(failure -> {
                        redisDown(failure);
                        return memory.acquire(keys, quota, member);
                    });
        } else {
            decision = memory.acquire(keys, quota, member);
        }
        return decision.onSuccess(d -> {
            if (!d.allowed()) {
                metrics.rateLimited(rateClass);
            }
        });
    }

    /** Takes a counted request back (a login that succeeded does not count). */
    public Future<Void> release(RateClass rateClass, List<String> identities, Decision decision) {
        List<String> keys = keys(rateClass, identities);
        if (decision.store() == Decision.Store.MEMORY) {
            return memory.release(keys, decision.member());
        }
        return withTimeout(redis.release(keys, decision.member())).recover(failure -> Future.succeededFuture());
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

    public RedisWindowStore redis() {
        return redis;
    }

    public MemoryWindowStore memory() {
        return memory;
    }

    private List<String> keys(RateClass rateClass, List<String> identities) {
        return identities.stream().map(id -> config.keyPrefix() + rateClass.key() + ":" + id).toList();
    }

    /** While Redis is down only one request per retry interval probes it; the rest go straight to memory. */
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
            LOG.warnf("Redis unavailable for rate limits (%s); enforcing them per replica in memory", failure.toString());
        }
        lastRedisError = failure.toString();
    }

    private <T> Future<T> withTimeout(Future<T> future) {
        return Deadline.within(vertx, future, config.redisTimeout().toMillis(), "Redis");
    }
}
