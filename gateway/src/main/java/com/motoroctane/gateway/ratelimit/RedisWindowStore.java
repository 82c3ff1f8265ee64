package com.motoroctane.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The shared limiter: one Lua script per decision, so every gateway replica sees the same counts and no
 * two replicas can both take the last slot. Time comes from Redis itself, so replicas with skewed
 * clocks still agree on the window.
 */
public class RedisWindowStore implements WindowStore {

    static final String ACQUIRE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local window = tonumber(ARGV[1])
            local limit = tonumber(ARGV[2])
            local member = ARGV[3]
            local remaining = limit
            local reset_ok = window
            local reset_full = 0
            local full = false
            for _, key in ipairs(KEYS) do
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
              local count = redis.call('ZCARD', key)
              local frees = window
              local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
              if oldest[2] then frees = tonumber(oldest[2]) + window - now end
              if count >= limit then
                full = true
                if frees > reset_full then reset_full = frees end
              elseif limit - count - 1 < remaining then
                remaining = limit - count - 1
                reset_ok = frees
              end
            end
            if full then return {0, 0, reset_full} end
            for _, key in ipairs(KEYS) do
              redis.call('ZADD', key, now, member)
              redis.call('PEXPIRE', key, window)
            end
            return {1, remaining, reset_ok}
            """;

    static final String RELEASE = """
            for _, key in ipairs(KEYS) do redis.call('ZREM', key, ARGV[1]) end
            return 1
            """;

    private final Redis redis;
    private final String acquireSha = sha1(ACQUIRE);
    private final String releaseSha = sha1(RELEASE);

    public RedisWindowStore(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Future<Decision> acquire(List<String> keys, Quota quota, String member) {
        return eval(acquireSha, ACQUIRE, keys, String.valueOf(quota.windowMillis()), String.valueOf(quota.limit()), member)
                .map(reply -> new Decision(reply.get(0).toInteger() == 1, quota.limit(), reply.get(1).toInteger(),
                        reply.get(2).toLong(), quota.policy(), Decision.Store.REDIS, member));
    }

    @Override
    public Future<Void> release(List<String> keys, String member) {
        return eval(releaseSha, RELEASE, keys, member).mapEmpty();
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
    private Future<Response> eval(String sha, String script, List<String> keys, String... args) {
        return redis.send(command(Command.EVALSHA, sha, keys, args)).recover(failure -> {
            if (String.valueOf(failure.getMessage()).startsWith("NOSCRIPT")) {
                return redis.send(command(Command.EVAL, script, keys, args));
            }
            return Future.failedFuture(failure);
        });
    }

    private static Request command(Command command, String scriptOrSha, List<String> keys, String... args) {
        Request request = Request.cmd(command).arg(scriptOrSha).arg(keys.size());
        keys.forEach(request::arg);
        for (String arg : args) {
            request.arg(arg);
        }
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
