package com.motoroctane.compare.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What is held is taken as it is; only the rest is read, on the pool, and the answer keeps the keys' order. */
class ParallelTest {

    private static final Map<String, String> HELD = Map.of("a", "held a", "c", "held c");

    @Test
    void onlyTheKeysNotHeldAreRead() {
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> values = Parallel.each(List.of("b", "a", "d", "b", "c"), HELD::get, key -> {
            read.add(key);
            return "read " + key;
        });
        assertEquals(List.of("b", "a", "d", "c"), List.copyOf(values.keySet()), "each key once, in the keys' order");
        assertEquals(List.of("read b", "held a", "read d", "held c"), List.copyOf(values.values()));
        assertEquals(List.of("b", "d"), read.stream().sorted().toList(), "the held ones are not read");
    }

    @Test
    void whenEverythingIsHeldNothingIsHandedToThePool() {
        Map<String, String> values = Parallel.each(List.of("c", "a"), HELD::get, key -> {
            throw new AssertionError("read " + key);
        });
        assertEquals(Map.of("c", "held c", "a", "held a"), values);
    }

    @Test
    void aReadThatIsNullIsKeptAndAFailureRethrownAsItWas() {
        Map<String, String> values = Parallel.each(List.of("a", "x"), HELD::get, key -> null);
        assertTrue(values.containsKey("x"));
        assertEquals(null, values.get("x"));
        IllegalStateException failure = new IllegalStateException("catalog-service down");
        assertEquals(failure, assertThrows(IllegalStateException.class, () -> Parallel.each(List.of("a", "y"), HELD::get, key -> {
            throw failure;
        })));
    }
}
