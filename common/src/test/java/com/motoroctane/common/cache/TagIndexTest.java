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
}
