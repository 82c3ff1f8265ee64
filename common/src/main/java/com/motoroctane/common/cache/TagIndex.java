package com.motoroctane.common.cache;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Which cache keys carry each {@code Surrogate-Key} tag, so that a purge visits the entries it names instead of
 * every entry held (Varnish's xkey, Fastly's surrogate-key index). It may name more keys than carry a tag now,
 * never fewer: a key is added after its entry is stored ({@link #add}), and removed only when the entry held for it
 * no longer carries the tag ({@link #remove}, checked and removed in one step per tag, the same step an add takes),
 * so an entry stored again under the same key is never dropped from the index by the removal of the one it replaced.
 * A purge that finds a key with no entry held may drop it (the gateway's edge cache, which indexes after storing)
 * or leave it to the removal (a cache that indexes before storing, where the entry may be on its way in).
 * Used by the gateway's edge cache, compare-service's copies of catalog-service's answers and response-cache's L1.
 */
public final class TagIndex {

    private final Map<String, Set<String>> keysByTag = new ConcurrentHashMap<>();

    /** Records that the entry just stored for {@code key} carries {@code tags}. */
    public void add(String key, Collection<String> tags) {
        for (String tag : tags) {
            keysByTag.compute(tag, (t, keys) -> {
                Set<String> held = keys == null ? ConcurrentHashMap.newKeySet() : keys;
                held.add(key);
                return held;
            });
        }
    }

    /**
     * An entry carrying {@code tags} left {@code key}: each tag forgets the key unless the entry held for it now
     * ({@code current}, null when none) carries that tag too.
     */
    public void remove(String key, Collection<String> tags, Function<String, Set<String>> current) {
        for (String tag : tags) {
            keysByTag.computeIfPresent(tag, (t, keys) -> {
                Set<String> now = current.apply(key);
                if (now == null || !now.contains(tag)) {
                    keys.remove(key);
                }
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    /**
     * {@link #remove(String, Collection, Function)} for a cache whose entries are {@code held} (a Caffeine cache's
     * {@code asMap()}), an entry's tags read by {@code tagsOf}.
     */
    public <V> void remove(String key, Collection<String> tags, Map<String, V> held, Function<V, Set<String>> tagsOf) {
        remove(key, tags, k -> {
            V now = held.get(k);
            return now == null ? null : tagsOf.apply(now);
        });
    }

    /**
     * Removes from {@code held} every entry carrying one of {@code tags} (the index's keys only, not a pass over every
     * entry); returns how many it removed. For a cache that indexes an entry before it stores it: a key found without
     * an entry is left indexed, since its entry may be on its way in (forgetting the key would hide that entry from
     * every later purge) or has left with its removal not seen yet (which forgets it).
     */
    public <V> int evict(Collection<String> tags, ConcurrentMap<String, V> held, Function<V, Set<String>> tagsOf) {
        int removed = 0;
        for (String key : keys(tags)) {
            V entry = held.get(key);
            if (entry != null && !Collections.disjoint(tagsOf.apply(entry), tags) && held.remove(key, entry)) {
                removed++;
            }
        }
        return removed;
    }

    /** The keys that may carry one of {@code tags} (a copy). */
    public Set<String> keys(Collection<String> tags) {
        Set<String> keys = new HashSet<>();
        for (String tag : tags) {
            Set<String> held = keysByTag.get(tag);
            if (held != null) {
                keys.addAll(held);
            }
        }
        return keys;
    }

    /** How many tags are indexed (for tests and the gauge of what the index holds). */
    public int tags() {
        return keysByTag.size();
    }

    /** How many (tag, key) pairs are held. */
    public long pairs() {
        return keysByTag.values().stream().mapToLong(Set::size).sum();
    }
}
