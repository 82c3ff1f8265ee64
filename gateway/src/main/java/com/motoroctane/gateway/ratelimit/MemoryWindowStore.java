package com.motoroctane.gateway.ratelimit;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.vertx.core.Future;

/**
 * The same sliding-window log, in this process only: what a replica enforces while Redis is unreachable.
 * It is never "unlimited"; with N replicas a client can get at most N times the limit during an outage.
 */
public class MemoryWindowStore implements WindowStore {

    /** Counted requests of one client key: timestamps in arrival order, with the member to release by. */
    private static final class Log {
        final ArrayDeque<Long> at = new ArrayDeque<>();
        final ArrayDeque<String> members = new ArrayDeque<>();
        long window;

        void expire(long now) {
            while (!at.isEmpty() && at.peekFirst() <= now - window) {
                at.pollFirst();
                members.pollFirst();
            }
        }
    }

    static final String OVERFLOW_KEY = "overflow";

    private final Map<String, Log> logs = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final int maxKeys;

    public MemoryWindowStore(LongSupplier clock, int maxKeys) {
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    @Override
    public Future<Decision> acquire(List<String> keys, Quota quota, String member) {
        return Future.succeededFuture(acquireNow(keys, quota, member));
    }

    synchronized Decision acquireNow(List<String> keys, Quota quota, String member) {
        long now = clock.getAsLong();
        long window = quota.windowMillis();
        int remaining = quota.limit();
        long resetOk = window;
        long resetFull = 0;
        boolean full = false;
        Log[] touched = new Log[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Log log = log(keys.get(i), now);
            log.window = window;
            log.expire(now);
            touched[i] = log;
            int count = log.at.size();
            long frees = log.at.isEmpty() ? window : log.at.peekFirst() + window - now;
            if (count >= quota.limit()) {
                full = true;
                resetFull = Math.max(resetFull, frees);
            } else if (quota.limit() - count - 1 < remaining) {
                remaining = quota.limit() - count - 1;
                resetOk = frees;
            }
        }
        if (full) {
            return new Decision(false, quota.limit(), 0, resetFull, quota.policy(), Decision.Store.MEMORY, member);
        }
        for (Log log : touched) {
            log.at.addLast(now);
            log.members.addLast(member);
        }
        return new Decision(true, quota.limit(), remaining, resetOk, quota.policy(), Decision.Store.MEMORY, member);
    }

    @Override
    public synchronized Future<Void> release(List<String> keys, String member) {
        for (String key : keys) {
            Log log = logs.get(key);
            if (log == null) {
                continue;
            }
            Iterator<Long> at = log.at.iterator();
            Iterator<String> members = log.members.iterator();
            while (members.hasNext()) {
                at.next();
                if (members.next().equals(member)) {
                    members.remove();
                    at.remove();
                    break;
                }
            }
        }
        return Future.succeededFuture();
    }

    /** Drops logs whose requests have all left their window. */
    public synchronized void sweep() {
        long now = clock.getAsLong();
        logs.values().removeIf(log -> {
            log.expire(now);
            return log.at.isEmpty();
        });
    }

    public synchronized void clear() {
        logs.clear();
    }

    public int size() {
        return logs.size();
    }

    public int maxKeys() {
        return maxKeys;
    }

    /** Past the key budget new clients share one log: tighter for them, but memory stays bounded and nobody is unlimited. */
    private Log log(String key, long now) {
        Log log = logs.get(key);
        if (log != null) {
            return log;
        }
        if (logs.size() >= maxKeys) {
            sweep();
            if (logs.size() >= maxKeys) {
                return logs.computeIfAbsent(OVERFLOW_KEY, k -> new Log());
            }
        }
        return logs.computeIfAbsent(key, k -> new Log());
    }
}
