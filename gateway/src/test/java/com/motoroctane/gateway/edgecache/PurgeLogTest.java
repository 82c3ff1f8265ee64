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
        assertFalse(log.purgedSince(started, null, Set.of("model:a", "models")), "nothing purged since");
        log.purged(Set.of("model:b", "variant:v"));
        assertFalse(log.purgedSince(started, null, Set.of("model:a", "models")), "a purge of other tags");
        log.purged(Set.of("models:price"));
        assertFalse(log.purgedSince(started, null, Set.of("model:a", "models")));
        log.purged(Set.of("model:a"));
        assertTrue(log.purgedSince(started, null, Set.of("model:a", "models")), "a purge of one of its tags");
        long later = log.current();
        assertFalse(log.purgedSince(later, null, Set.of("model:a")), "a fill that started after it");
        log.purged(null);
        assertTrue(log.purgedSince(later, null, Set.of()), "a purge of everything drops even an untagged fill");
    }

    @Test
    void aFillOlderThanThePurgesKeptCountsAsPurged() {
        PurgeLog log = new PurgeLog(2);
        long started = log.current();
        log.purged(Set.of("x"));
        log.purged(Set.of("y"));
        assertFalse(log.purgedSince(started, null, Set.of("z")), "both purges since are known");
        log.purged(Set.of("w"));
        assertTrue(log.purgedSince(started, null, Set.of("z")), "the first purge since is forgotten: it may have named z");
    }

    @Test
    void aStampedAnswerIsKeptWhenItsServiceHadAppliedThePurgedEventAndDroppedWhenNot() {
        PurgeLog log = new PurgeLog(8);
        log.purged(Set.of("model:a"), "1000-0");
        long started = log.current();
        assertTrue(log.purgedSince(started, "999-9", Set.of("model:a")),
                "purged before the fill began, but its service answered before applying that event: old data");
        assertFalse(log.purgedSince(started, "1000-0", Set.of("model:a")), "its service had applied it");
        assertFalse(log.purgedSince(started, "999-9", Set.of("model:b")), "the event did not name its tags");
        assertFalse(log.purgedSince(started, null, Set.of("model:a")), "unstamped: only purges after it began count");

        log.purged(Set.of("model:a"), "1001-0");
        assertFalse(log.purgedSince(started, "1001-0", Set.of("model:a")),
                "purged while loading, but the answer already reflects that event");
        assertTrue(log.purgedSince(started, "1000-5", Set.of("model:a")), "purged while loading, not yet applied");
        log.purged(Set.of("model:a"));
        assertTrue(log.purgedSince(started, "1001-0", Set.of("model:a")),
                "an operator's purge (no event) while loading drops it whatever its stamp");
    }

    @Test
    void aStampOlderThanForgottenPurgesCountsAsPurged() {
        PurgeLog log = new PurgeLog(2);
        log.purged(Set.of("x"), "10-0");
        log.purged(Set.of("y"), "11-0");
        log.purged(Set.of("w"), "12-0");
        long started = log.current();
        assertTrue(log.purgedSince(started, "9-5", Set.of("z")), "the purge of 10-0 is forgotten: it may have named z");
        assertFalse(log.purgedSince(started, "10-0", Set.of("z")), "everything forgotten was applied");
        assertTrue(log.purgedSince(started, "10-0", Set.of("y")), "a purge kept, not applied, of one of its tags");
        assertTrue(log.purgedSince(started, "not-a-stamp", Set.of("w")) == log.purgedSince(started, null, Set.of("w")),
                "an unreadable stamp is read as no stamp");
    }

    @Test
    void aRepurgeOfAnOlderEventDoesNotHideANewerOneTheServiceMissed() {
        PurgeLog log = new PurgeLog(8);
        log.purged(Set.of("model:a"), "12-0");
        log.purged(Set.of("model:x"), "11-0"); // the re-purge of an earlier event, recorded later
        long started = log.current();
        assertTrue(log.purgedSince(started, "11-5", Set.of("model:a")),
                "its service applied 11-0 but not 12-0, recorded before it");
        assertFalse(log.purgedSince(started, "12-0", Set.of("model:a")), "it applied both");
        assertFalse(log.purgedSince(started, "11-5", Set.of("model:b")), "neither named its tags");
    }
}
