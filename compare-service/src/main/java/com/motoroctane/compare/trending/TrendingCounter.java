package com.motoroctane.compare.trending;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.motoroctane.common.cache.Tags;
import com.motoroctane.compare.config.CompareConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Counts which model pairs users compare. A request only bumps an in-memory counter (no Redis round trip
 * on the response path); every {@code compare.trending.flush-every} the batch is added to the hour's
 * sorted set {@code compare:trending:<yyyyMMddHH>} with ZINCRBY. Buckets expire after the longest window
 * plus an hour, and are trimmed to the top {@code bucket-top-n} members now and then, so memory is bounded.
 */
@ApplicationScoped
public class TrendingCounter {

    public static final String KEY_PREFIX = "compare:trending:";
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    static final Duration BUCKET_TTL = Duration.ofDays(7).plusHours(1);
    /** Pairs held while Redis is unreachable; beyond it a failed batch is dropped rather than kept. */
    static final int MAX_PENDING = 10_000;
    private static final Logger LOG = Logger.getLogger(TrendingCounter.class);
    /** Every comparison carries its models' own-fields tags (and the models and slug forms their model tags too). */
    private static final String MODEL_TAG = Tags.modelOwn("");

    private final AtomicReference<Map<String, LongAdder>> pending = new AtomicReference<>(new ConcurrentHashMap<>());
    private final Map<String, Integer> flushesPerBucket = new ConcurrentHashMap<>();
    private final RedisDataSource redis;
    private final CompareConfig.Trending config;
    private final Counter flushed;
    private final Counter failed;
    private final Counter pairs;

    public TrendingCounter(RedisDataSource redis, CompareConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.config = config.trending();
        this.flushed = Counter.builder("compare.trending.flush").tag("result", "ok").register(registry);
        this.failed = Counter.builder("compare.trending.flush").tag("result", "failed").register(registry);
        this.pairs = Counter.builder("compare.trending.pairs").description("model pairs counted").register(registry);
    }

    /** Counts every pair of the distinct models among a served comparison's surrogate keys. */
    public void recordFromTags(String surrogateKeys) {
        if (surrogateKeys == null) {
            return;
        }
        TreeSet<String> models = new TreeSet<>();
        for (String tag : surrogateKeys.split(" ")) {
            if (tag.startsWith(MODEL_TAG)) {
                models.add(tag.substring(MODEL_TAG.length()));
            }
        }
        List<String> sorted = new ArrayList<>(models);
        Map<String, LongAdder> batch = pending.get();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                batch.computeIfAbsent(member(sorted.get(i), sorted.get(j)), k -> new LongAdder()).increment();
            }
        }
    }

    /** The sorted-set member of a pair: the two model ids in order, joined by '|'. */
    static String member(String a, String b) {
        return a.compareTo(b) <= 0 ? a + '|' + b : b + '|' + a;
    }

    static String bucket(Instant at) {
        return KEY_PREFIX + HOUR.format(at);
    }

    @Scheduled(every = "${compare.trending.flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "trending-flush")
    void scheduledFlush() {
        flush();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        flush();
    }

    /** Writes what was counted since the last flush; on failure keeps it for the next one (up to a bound). */
    public synchronized void flush() {
        Map<String, LongAdder> batch = pending.getAndSet(new ConcurrentHashMap<>());
        if (batch.isEmpty()) {
            return;
        }
        String key = bucket(Instant.now());
        try {
            SortedSetCommands<String, String> sets = redis.sortedSet(String.class);
            long counted = 0;
            for (Map.Entry<String, LongAdder> e : batch.entrySet()) {
                long n = e.getValue().sum();
                sets.zincrby(key, n, e.getKey());
                counted += n;
            }
            redis.key().expire(key, BUCKET_TTL);
            int flushes = flushesPerBucket.merge(key, 1, Integer::sum);
            if (flushes % config.trimEvery() == 0) {
                // keep the top N: ranks are ascending by score, so drop everything below the N highest
                sets.zremrangebyrank(key, 0, -(config.bucketTopN() + 1L));
            }
            flushesPerBucket.keySet().removeIf(k -> !k.equals(key));
            pairs.increment(counted);
            flushed.increment();
        } catch (RuntimeException e) {
            failed.increment();
            Map<String, LongAdder> next = pending.get();
            if (next.size() + batch.size() <= MAX_PENDING) {
                batch.forEach((member, n) -> next.computeIfAbsent(member, k -> new LongAdder()).add(n.sum()));
            }
            LOG.warnf("trending counts not written to Redis (%s); %s", e.toString(),
                    next.size() + batch.size() <= MAX_PENDING ? "kept for the next flush" : "dropped");
        }
    }
}
