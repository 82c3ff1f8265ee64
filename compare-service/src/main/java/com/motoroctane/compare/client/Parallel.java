package com.motoroctane.compare.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Runs a few independent catalog-service reads at once (a comparison's 2-4 models and brands), so a cache
 * miss costs the slowest read rather than their sum. Not for long lists: dozens of concurrent misses at
 * catalog-service slow each other past the timeout and open the breaker for everyone. The first failure is rethrown as it was.
 * The reads run on a pool of their own: the loaders that wait for them run on the worker pool, and must
 * never wait for tasks queued behind themselves.
 */
public final class Parallel {

    private static final ExecutorService READS = Executors.newFixedThreadPool(8, task -> {
        Thread thread = new Thread(task, "catalog-fan-out");
        thread.setDaemon(true);
        return thread;
    });

    private Parallel() {
    }

    /**
     * Every distinct key's value, in the keys' order: {@code held}'s answer when it has one (a copy in memory, taken
     * on the caller's thread), else {@code read}'s, the keys not held read at once. A comparison built after a
     * write finds its models and brands held nearly always: no task is handed to the pool then.
     */
    public static <V> Map<String, V> each(Collection<String> keys, Function<String, V> held, Function<String, V> read) {
        Set<String> distinct = new LinkedHashSet<>(keys);
        Map<String, V> found = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String key : distinct) {
            V value = held.apply(key);
            if (value != null) {
                found.put(key, value);
            } else {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        Map<String, V> fetched = each(missing, read);
        Map<String, V> results = new LinkedHashMap<>();
        for (String key : distinct) {
            results.put(key, found.containsKey(key) ? found.get(key) : fetched.get(key));
        }
        return results;
    }

    /** {@code read} of every distinct key, in the keys' order; null values are kept. */
    public static <V> Map<String, V> each(Collection<String> keys, Function<String, V> read) {
        Map<String, CompletableFuture<V>> running = new LinkedHashMap<>();
        for (String key : new LinkedHashSet<>(keys)) {
            running.put(key, CompletableFuture.supplyAsync(() -> read.apply(key), READS));
        }
        Map<String, V> results = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, CompletableFuture<V>> e : running.entrySet()) {
                results.put(e.getKey(), e.getValue().join());
            }
        } catch (CompletionException e) {
            running.values().forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return results;
    }
}
