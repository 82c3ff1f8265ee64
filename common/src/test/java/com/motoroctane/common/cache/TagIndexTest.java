package com.motoroctane.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TagIndexTest {

    private final TagIndex index = new TagIndex();
    /** What the cache holds: key → the tags of its entry. */
    private final Map<String, Set<String>> held = new HashMap<>();

    private void store(String key, String... tags) {
        held.put(key, Set.of(tags));
        index.add(key, List.of(tags));
    }

    private void removed(String key, String... tags) {
        index.remove(key, List.of(tags), held::get);
    }

    @Test
    void aPurgeFindsTheKeysOfEveryTagItNames() {
        store("/a", "brand:1", "brands");
        store("/b", "brand:2", "brands");
        store("/c", "model:9");
        assertEquals(Set.of("/a"), index.keys(List.of("brand:1")));
        assertEquals(Set.of("/a", "/b"), index.keys(List.of("brands")));
        assertEquals(Set.of("/a", "/c"), index.keys(List.of("brand:1", "model:9", "unknown")));
        assertEquals(Set.of(), index.keys(List.of("unknown")));
        assertEquals(5, index.pairs());
    }

    @Test
    void theRemovalOfAReplacedEntryKeepsTheTagsItsSuccessorCarries() {
        store("/a", "brand:1", "brands");
        store("/a", "brand:1", "model:3"); // stored again: its predecessor's removal is seen afterwards
        removed("/a", "brand:1", "brands");
        assertEquals(Set.of("/a"), index.keys(List.of("brand:1")), "the successor carries brand:1");
        assertEquals(Set.of("/a"), index.keys(List.of("model:3")));
        assertEquals(Set.of(), index.keys(List.of("brands")), "the successor does not carry brands");
    }

    @Test
    void aKeyWhoseEntryLeftIsForgottenAndEmptyTagsGoWithIt() {
        store("/a", "brand:1");
        store("/b", "brand:1");
        held.remove("/a");
        removed("/a", "brand:1");
        assertEquals(Set.of("/b"), index.keys(List.of("brand:1")));
        held.remove("/b");
        removed("/b", "brand:1");
        assertEquals(0, index.tags());
        assertEquals(0, index.pairs());
    }

    @Test
    void anEvictionRemovesTheEntriesCarryingATagAndLeavesAKeyWithoutOneIndexed() {
        java.util.concurrent.ConcurrentMap<String, Set<String>> cache = new java.util.concurrent.ConcurrentHashMap<>();
        for (String[] entry : List.of(new String[] {"/a", "brand:1"}, new String[] {"/b", "brand:2"}, new String[] {"/c", "brand:1"})) {
            index.add(entry[0], List.of(entry[1]));
            cache.put(entry[0], Set.of(entry[1]));
        }
        cache.put("/c", Set.of("brand:3")); // replaced, its removal not seen yet: still indexed under brand:1
        index.add("/d", List.of("brand:1")); // indexed, its entry not stored yet
        assertEquals(1, index.evict(List.of("brand:1", "unknown"), cache, s -> s));
        assertEquals(Set.of("/b", "/c"), cache.keySet(), "only /a carried brand:1");
        assertEquals(Set.of("/a", "/c", "/d"), index.keys(List.of("brand:1")), "an eviction leaves the index to the removals");
        index.remove("/a", List.of("brand:1"), cache, s -> s); // the removal of /a's entry, as a listener tells it
        assertEquals(Set.of("/c", "/d"), index.keys(List.of("brand:1")), "keys without an entry carrying it stay indexed");
        cache.put("/d", Set.of("brand:1"));
        assertEquals(1, index.evict(List.of("brand:1"), cache, s -> s), "the entry stored after it was indexed is found");
        assertEquals(Set.of("/b", "/c"), cache.keySet());
    }
}
