package com.motoroctane.gateway.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.Deadline;
import com.motoroctane.gateway.ratelimit.RateLimiter;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The previous system's Redis stats shape, read from the gateway's Redis with INFO and DBSIZE. */
@Singleton
public class RedisStats {

    private final RateLimiter limiter;
    private final Vertx vertx;
    private final long timeoutMillis;

    public RedisStats(RateLimiter limiter, Vertx vertx, GatewayConfig config) {
        this.limiter = limiter;
        this.vertx = vertx;
        this.timeoutMillis = config.monitoring().upstreamProbeTimeout().toMillis();
    }

    public Future<Boolean> connected() {
        return bounded(limiter.redis().ping()).map(pong -> true).otherwise(false);
    }

    public Future<Map<String, Object>> snapshot() {
        return bounded(Future.all(limiter.redis().info(), limiter.redis().dbSize())).map(both -> {
            Map<String, String> info = parse(both.resultAt(0).toString());
            long hits = number(info.get("keyspace_hits"));
            long misses = number(info.get("keyspace_misses"));
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("connected", true);
            stats.put("totalKeys", both.<io.vertx.redis.client.Response>resultAt(1).toLong());
            stats.put("hitRate", hits + misses == 0 ? 0 : Math.round(hits * 10000.0 / (hits + misses)) / 100.0);
            stats.put("totalConnections", number(info.get("total_connections_received")));
            stats.put("totalCommands", number(info.get("total_commands_processed")));
            stats.put("usedMemory", info.getOrDefault("used_memory_human", "unknown"));
            return stats;
        }).otherwise(failure -> {
            Map<String, Object> down = new LinkedHashMap<>();
            down.put("connected", false);
            down.put("error", String.valueOf(failure.getMessage()));
            return down;
        });
    }

    private <T> Future<T> bounded(Future<T> future) {
        return Deadline.within(vertx, future, timeoutMillis, "Redis");
    }

    private static Map<String, String> parse(String info) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
