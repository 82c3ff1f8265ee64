package com.motoroctane.compare.trending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.compare.domain.Comparisons;
import com.motoroctane.compare.domain.ModelCards;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;

/**
 * The most compared model pairs over the last 24 hours or 7 days: the hour buckets are merged with
 * ZUNIONSTORE into a key that lives a few seconds, the top pairs are read, and each model is described
 * from catalog-service. A pair with a model that is no longer shown is skipped.
 */
@ApplicationScoped
public class Trending {

    public static final Map<String, Integer> WINDOWS = Map.of("24h", 24, "7d", 7 * 24);

    private final RedisDataSource redis;
    private final ModelCards cards;
    private final ObjectMapper json;

    public Trending(RedisDataSource redis, ModelCards cards, ObjectMapper json) {
        this.redis = redis;
        this.cards = cards;
        this.json = json;
    }

    public Comparisons.Built build(String window, int limit) {
        List<ScoredValue<String>> top = top(WINDOWS.get(window), limit * 2);
        Set<String> tags = new LinkedHashSet<>();
        List<String[]> pairs = new ArrayList<>();
        List<String> modelIds = new ArrayList<>();
        for (ScoredValue<String> pair : top) {
            String[] ids = pair.value().split("\\|", 2);
            pairs.add(ids);
            if (ids.length == 2) {
                modelIds.add(ids[0]);
                modelIds.add(ids[1]);
            }
        }
        Map<String, Optional<ObjectNode>> described = cards.cards(modelIds, tags, false);
        ArrayNode data = json.createArrayNode();
        for (int i = 0; i < top.size() && data.size() < limit; i++) {
            String[] ids = pairs.get(i);
            if (ids.length != 2) {
                continue;
            }
            Optional<ObjectNode> first = described.getOrDefault(ids[0], Optional.empty());
            Optional<ObjectNode> second = described.getOrDefault(ids[1], Optional.empty());
            if (first.isEmpty() || second.isEmpty()) {
                continue;
            }
            ObjectNode entry = data.addObject();
            entry.put("model1Id", ids[0]);
            entry.put("model2Id", ids[1]);
            entry.put("count", (long) top.get(i).score());
            entry.set("model1", first.get());
            entry.set("model2", second.get());
        }
        ObjectNode body = json.createObjectNode();
        body.put("window", window);
        body.set("data", data);
        try {
            return new Comparisons.Built(json.writeValueAsBytes(body), tags);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ScoredValue<String>> top(int hours, int count) {
        Instant now = Instant.now();
        String[] buckets = new String[hours];
        for (int i = 0; i < hours; i++) {
            buckets[i] = TrendingCounter.bucket(now.minus(Duration.ofHours(i)));
        }
        String merged = TrendingCounter.KEY_PREFIX + "merged:" + UUID.randomUUID();
        try {
            var sets = redis.sortedSet(String.class);
            sets.zunionstore(merged, buckets);
            redis.key().expire(merged, Duration.ofSeconds(30)); // gone even if the DEL below never runs
            List<ScoredValue<String>> top = sets.zrangeWithScores(merged, 0, count - 1L, new ZRangeArgs().rev());
            redis.key().del(merged);
            return new ArrayList<>(top);
        } catch (RuntimeException e) {
            throw new ProblemException(503, "trending-unavailable", "Trending comparisons temporarily unavailable",
                    "The trending counts could not be read; retry shortly", null).retryAfter(5);
        }
    }
}
