package com.motoroctane.gateway.edgecache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which fills in flight a purge throws away: those that may hold what it purged, not every one. */
class PurgeLogTest {

    @Test
    void aFillIsDroppedOnlyByAPurgeOfOneOfItsTagsOrOfEverything() {
        PurgeLog log = new PurgeLog(8);
        long started = log.current();
        assertFalse(log.purgedSince(started, Set.of("model:a", "models")), "nothing purged since");
        log.purged(Set.of("model:b", "variant:v"));
        assertFalse(log.purgedSince(started, Set.of("model:a", "models")), "a purge of other tags");
        log.purged(Set.of("models:price"));
        assertFalse(log.purgedSince(started, Set.of("model:a", "models")));
        log.purged(Set.of("model:a"));
        assertTrue(log.purgedSince(started, Set.of("model:a", "models")), "a purge of one of its tags");
        long later = log.current();
        assertFalse(log.purgedSince(later, Set.of("model:a")), "a fill that started after it");
        log.purged(null);
        assertTrue(log.purgedSince(later, Set.of()), "a purge of everything drops even an untagged fill");
    }

    @Test
    void aFillOlderThanThePurgesKeptCountsAsPurged() {
        PurgeLog log = new PurgeLog(2);
        long started = log.current();
        log.purged(Set.of("x"));
        log.purged(Set.of("y"));
        assertFalse(log.purgedSince(started, Set.of("z")), "both purges since are known");
        log.purged(Set.of("w"));
        assertTrue(log.purgedSince(started, Set.of("z")), "the first purge since is forgotten: it may have named z");
    }
}
