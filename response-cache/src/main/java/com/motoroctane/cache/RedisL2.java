package com.motoroctane.cache;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;


import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The Redis tier, behind a timeout ({@code response-cache.redis-timeout}, 50 ms) and a circuit breaker so a slow or absent Redis costs a
 * request at most that budget and, once the breaker opens, nothing.
 *
 * <p>Invalidations may be missed while Redis is unreachable, so the first successful call after it was (a
 * refused or reset connection) flushes L1 before its result is used: L1 never outlives a gap in what we heard from
 * Redis. A slow Redis (answers past the budget, and the breaker they open) is no such gap and costs L1 nothing.
 *
 * <p>Keys: entries are {@code <keyPrefix><whatever the service keys>}; per surrogate key a set
 * {@code <keyPrefix>tag:<tag>} lists the entries carrying it, so an event evicts exactly those.
 */
@ApplicationScoped
public class RedisL2 {

    private static final Logger LOG = Logger.getLogger(RedisL2.class);
    private static final TypeLiteral<Uni<byte[]>> BYTES = new TypeLiteral<>() { };
    private static final TypeLiteral<Uni<Void>> VOID = new TypeLiteral<>() { };
    private static final TypeLiteral<Uni<String>> STRING = new TypeLiteral<>() { };

    private static final String PUT_TAGGED = """
            redis.call('SETEX', KEYS[1], ARGV[1], ARGV[2])
            for i = 5, #ARGV do
              local tag = ARGV[4] .. ARGV[i]
              redis.call('SADD', tag, KEYS[1])
              redis.call('EXPIRE', tag, ARGV[3])
            end
            return 1
            """;

    private static final String EVICT_TAGS = """
            local n = 0
            for i = 2, #ARGV do
              local tag = ARGV[1] .. ARGV[i]
              local members = redis.call('SMEMBERS', tag)
              for _, key in ipairs(members) do n = n + redis.call('DEL', key) end
              redis.call('DEL', tag)
            end
            return n
            """;

    private final ReactiveValueCommands<String, byte[]> values;
    private final ReactiveKeyCommands<String> keys;
    private final ReactiveRedisDataSource redis;
    private final L1Cache l1;
    private final String keyPrefix;
    private final String tagPrefix;
    private final int tagTtlSeconds;
    private final Guard guard;
    private final AtomicBoolean suspect = new AtomicBoolean(false);
    private volatile CircuitBreakerState breaker = CircuitBreakerState.CLOSED;
    private volatile long lastFailureAt;
    private final AtomicLong keyCount = new AtomicLong(-1);
    private volatile long keyCountAt;

    public RedisL2(ReactiveRedisDataSource redis, L1Cache l1, ResponseCacheConfig config) {
        this.keyPrefix = checkedPrefix(config.keyPrefix());
        this.tagPrefix = keyPrefix + "tag:";
        this.tagTtlSeconds = config.tagTtlSeconds();
        this.redis = redis;
        this.values = redis.value(byte[].class);
        this.keys = redis.key();
        this.l1 = l1;
        this.guard = Guard.create()
                .withDescription(config.metricsPrefix() + "-redis-l2")
                .withTimeout().duration(config.redisTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(config.redisBreakerVolume())
                    .failureRatio(config.redisBreakerFailureRatio())
                    .delay(config.redisBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .onStateChange(this::breakerChanged)
                    .done()
                .build();
    }

    public Uni<CachedResponse> get(String key) {
        return guarded(() -> values.get(key), BYTES).map(CachedResponse::decode);
    }

    /**
     * SETEX plus the entry's key added to one tag set per surrogate key, in one atomic round trip. A tag set
     * lives {@code tag-ttl-seconds} after its last write, and never less than the entry just added to it.
     */
    public Uni<Void> put(String key, CachedResponse response) {
        Request put = Request.cmd(Command.EVAL).arg(PUT_TAGGED).arg(1).arg(key)
                .arg(response.ttlSeconds()).arg(Buffer.buffer(response.encode()))
                .arg(Math.max(tagTtlSeconds, response.ttlSeconds())).arg(tagPrefix);
        response.tags().forEach(put::arg);
        return guarded(() -> redis.getRedis().send(put).replaceWithVoid(), VOID);
    }

    /** Deletes every entry in the tag sets of {@code tags}, and the sets. Runs without the 50 ms budget. */
    public Uni<Long> evictTags(java.util.Collection<String> tags) {
        if (tags.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        Request evict = Request.cmd(Command.EVAL).arg(EVICT_TAGS).arg(0).arg(tagPrefix);
        tags.forEach(evict::arg);
        return redis.getRedis().send(evict).map(r -> r == null ? 0L : r.toLong());
    }

    /** Deletes every {@code <keyPrefix>*} key (when an event says precise eviction is impossible). */
    public Uni<Long> flushAll() {
        return keys.scan(new KeyScanArgs().match(keyPrefix + "*").count(1000)).toMulti()
                .group().intoLists().of(500)
                .onItem().transformToUniAndConcatenate(batch -> keys.del(batch.toArray(String[]::new)).map(Integer::longValue))
                .collect().with(java.util.stream.Collectors.summingLong(Long::longValue));
    }

    public Uni<Void> delete(String key) {
        return guarded(() -> keys.del(key).replaceWithVoid(), VOID);
    }

    /** A PING through the same guard, so health checks also notice recovery (and flush L1). */
    public Uni<String> ping() {
        return guarded(() -> redis.execute("PING").map(Object::toString), STRING);
    }

    /** "up", or "degraded" while Redis is unreachable, was slow in the last 5 s, or the breaker is not closed. */
    public String status() {
        boolean recentlySlow = System.currentTimeMillis() - lastFailureAt < 5_000;
        return !suspect.get() && !recentlySlow && breaker == CircuitBreakerState.CLOSED ? "up" : "degraded";
    }

    public CircuitBreakerState breakerState() {
        return breaker;
    }

    /**
     * Number of {@code <keyPrefix>*} keys, refreshed in the background at most every 30 s so a metrics
     * scrape never waits on a SCAN. -1 until first known.
     */
    public long keyCount() {
        long now = System.currentTimeMillis();
        if (now - keyCountAt > 30_000) {
            keyCountAt = now;
            keys.scan(new KeyScanArgs().match(keyPrefix + "*").count(1000)).toMulti()
                    .collect().with(java.util.stream.Collectors.counting())
                    .ifNoItem().after(Duration.ofSeconds(5)).fail()
                    .subscribe().with(keyCount::set, failure -> LOG.debugf("key count failed: %s", failure));
        }
        return keyCount.get();
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    /** A blank prefix would make a full flush {@code SCAN *} and delete every key in Redis, streams included. */
    static String checkedPrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || !prefix.endsWith(":") || prefix.contains("*")) {
            throw new IllegalStateException("response-cache.key-prefix must be a non-blank prefix ending with ':' "
                    + "and without '*' (e.g. 'catalog:'), not '" + prefix + "'");
        }
        return prefix;
    }

    private <T> Uni<T> guarded(java.util.function.Supplier<Uni<T>> call, TypeLiteral<Uni<T>> type) {
        Uni<T> result;
        try {
            result = guard.get(call, type);
        } catch (RuntimeException e) {
            markFailed(e);
            return Uni.createFrom().failure(e);
        }
        return result
                .onItem().invoke(this::markHealthy)
                .onFailure().invoke(this::markFailed);
    }

    private void markHealthy() {
        if (suspect.compareAndSet(true, false)) {
            l1.invalidateAll();
            LOG.info("Redis is answering again: flushed L1 before using L2, invalidations may have been missed");
        }
    }

    /**
     * A slow answer is bypassed but is no gap in what we heard from Redis; an unreachable Redis (refused, reset)
     * is, so only that makes L1 suspect. A call the open breaker refused says nothing new: the failures that opened
     * it were judged as they came (a breaker opened by slowness alone must not cost L1: under load that flushed the
     * whole L1 each time the breaker closed again, and the origin then served what L1 had held).
     */
    private void markFailed(Throwable failure) {
        lastFailureAt = System.currentTimeMillis();
        if (failure instanceof TimeoutException) {
            LOG.debugf("Redis L2 slower than the budget; answered without it");
            return;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return;
        }
        becomeSuspect(failure.toString());
    }

    private void becomeSuspect(String why) {
        if (suspect.compareAndSet(false, true)) {
            LOG.warnf("Redis L2 unavailable (%s); serving from L1 and the origin", why);
        }
    }

    private void breakerChanged(CircuitBreakerState state) {
        breaker = state;
        if (state == CircuitBreakerState.OPEN) {
            LOG.warnf("Redis L2 circuit breaker opened (slow or unreachable); serving from L1 and the origin");
        } else {
            LOG.infof("Redis L2 circuit breaker is now %s", state);
        }
    }
}
