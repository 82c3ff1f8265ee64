package com.motoroctane.invalidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvalidationStampTest {

    private static InvalidationStamp.Position at(String id) {
        return InvalidationStamp.Position.of(id);
    }

    @Test
    void streamIdsAreOrderedByTimeThenSequenceAsNumbersNotText() {
        assertTrue(at("1700000000000-2").compareTo(at("1700000000000-10")) < 0, "sequence 2 < 10");
        assertTrue(at("999-5").compareTo(at("1000-0")) < 0, "time 999 < 1000 though '9' > '1'");
        assertTrue(at("1000-0").compareTo(at("1000")) == 0, "a bare time is sequence 0");
        assertTrue(at("1000-1").compareTo(at("1000-0")) > 0);
    }

    @Test
    void anAnswerIsBeforeAnEventOnlyWhenItsStampIsOlder() {
        assertTrue(InvalidationStamp.before("1000-0", "1000-1"));
        assertFalse(InvalidationStamp.before("1000-1", "1000-1"), "the event itself was applied");
        assertFalse(InvalidationStamp.before("2000-0", "1000-1"));
        assertTrue(InvalidationStamp.before("0-0", "1-0"), "nothing applied yet (an empty stream)");
    }

    @Test
    void anUnreadableStampCountsAsOlderThanAnyEvent() {
        for (String bad : new String[] {null, "", "abc", "12-x", "-1-0", "1-2-3", "9".repeat(50), "+5-0", "1- 2",
                "9223372036854775808-0", "1-9223372036854775808", "99999999999999999999"}) {
            assertTrue(InvalidationStamp.before(bad, "1-0"), "stamp '" + bad + "'");
            assertFalse(InvalidationStamp.valid(bad), "'" + bad + "' is no stream id");
        }
        assertThrows(IllegalArgumentException.class, () -> InvalidationStamp.before("1-0", "x"), "an unreadable event id");
        assertTrue(InvalidationStamp.valid("9223372036854775807-9223372036854775807"), "the largest ids Redis allows");
    }

    @Test
    void aPositionReadOnceOrdersLikeItsId() {
        InvalidationStamp.Position early = InvalidationStamp.Position.of("999-5");
        InvalidationStamp.Position late = InvalidationStamp.Position.of("1000-0");
        assertEquals(new InvalidationStamp.Position(999, 5), early);
        assertEquals(new InvalidationStamp.Position(1000, 0), InvalidationStamp.Position.of("1000"));
        assertTrue(early.before(late));
        assertFalse(late.before(early));
        assertFalse(late.before(InvalidationStamp.Position.of("1000-0")), "an event's own position is not before it");
        assertNull(InvalidationStamp.Position.of("12-x"));
    }

    @Test
    void anEventWasPublishedWhenRedisNumberedItElseAtItsOwnTime() {
        java.time.Instant staged = java.time.Instant.ofEpochMilli(1_700_000_000_000L);
        assertEquals(java.time.Instant.ofEpochMilli(1_700_000_000_250L),
                InvalidationStamp.publishedAt("1700000000250-3", staged), "the stream id's milliseconds");
        assertEquals(staged, InvalidationStamp.publishedAt(null, staged), "no stream id: the event's at");
        assertEquals(staged, InvalidationStamp.publishedAt("not-an-id", staged));
        assertNull(InvalidationStamp.publishedAt(null, null));
    }
}
