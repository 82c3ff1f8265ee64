package com.motoroctane.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The shared side of the limiter: one Lua call per batch of keys adds this replica's deltas to the
 * per-window counters ({@code <key>:<windowStart>}, {@code INCRBY} + {@code PEXPIRE} two windows) and reads back
 * the global totals of the current and previous window of each key. Nothing here runs per request.
 */
public class RedisCounters {

    /** KEYS: window keys; ARGV: per key its delta and its time to live (ms). Returns the totals, in order. */
    static final String SYNC = """
            local totals = {}
            for i, key in ipairs(KEYS) do
              local delta = tonumber(ARGV[2 * i - 1])
              if delta ~= 0 then
                totals[i] = redis.call('INCRBY', key, delta)
                redis.call('PEXPIRE', key, ARGV[2 * i])
              else
                totals[i] = tonumber(redis.call('GET', key) or '0')
              end
            end
            return totals
            """;

    /** The totals Redis returned for one flush: current and previous window. */
    public record Totals(long current, long previous) {
    }

    private final Redis redis;
    private final String syncSha = sha1(SYNC);

    public RedisCounters(Redis redis) {
        this.redis = redis;
    }

    /** Sends one batch (two window keys per flush); the answer lists each flush's totals in order. */
    public Future<List<Totals>> sync(List<SlidingWindowCounters.Flush> batch) {
        List<String> keys = new ArrayList<>(batch.size() * 2);
        List<String> args = new ArrayList<>(batch.size() * 4);
        for (SlidingWindowCounters.Flush flush : batch) {
            String ttl = String.valueOf(2 * flush.window());
            keys.add(windowKey(flush.key(), flush.currentStart()));
            args.add(String.valueOf(flush.currentDelta()));
            args.add(ttl);
            keys.add(windowKey(flush.key(), flush.previousStart()));
            args.add(String.valueOf(flush.previousDelta()));
            args.add(ttl);
        }
        return eval(keys, args).map(reply -> {
            List<Totals> totals = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                totals.add(new Totals(reply.get(2 * i).toLong(), reply.get(2 * i + 1).toLong()));
            }
            return totals;
        });
    }

    /** {@code <prefix><class>:<identity>:<windowStart>}; the counters' keys are {@code <prefix><class>:<identity>}. */
    static String windowKey(String key, long windowStart) {
        return key + ":" + windowStart;
    }

    public Future<Response> ping() {
        return redis.send(Request.cmd(Command.PING));
    }

    public Future<Response> info() {
        return redis.send(Request.cmd(Command.INFO));
    }

    public Future<Response> dbSize() {
        return redis.send(Request.cmd(Command.DBSIZE));
    }

    /** EVALSHA first (the common case, a few bytes on the wire); EVAL once when Redis lost the script. */
    private Future<Response> eval(List<String> keys, List<String> args) {
        return redis.send(command(Command.EVALSHA, syncSha, keys, args)).recover(failure -> {
            if (String.valueOf(failure.getMessage()).startsWith("NOSCRIPT")) {
                return redis.send(command(Command.EVAL, SYNC, keys, args));
            }
            return Future.failedFuture(failure);
        });
    }

    private static Request command(Command command, String scriptOrSha, List<String> keys, List<String> args) {
        Request request = Request.cmd(command).arg(scriptOrSha).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
