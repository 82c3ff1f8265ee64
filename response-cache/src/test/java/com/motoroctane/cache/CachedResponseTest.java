package com.motoroctane.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CachedResponseTest {

    @Test
    void encodeDecodeRoundTripKeepsEveryField() {
        byte[] body = "{\"data\":[1,2,3],\"note\":\"tab\\there, newline\\n\"}\nsecond line".getBytes(StandardCharsets.UTF_8);
        CachedResponse original = new CachedResponse(body, "\"v7\"", "models brand:b1 model:m1", 1_700_000_000_123L, 1800);
        CachedResponse decoded = CachedResponse.decode(original.encode());
        assertArrayEquals(body, decoded.body(), "body bytes, newlines included, survive");
        assertEquals("\"v7\"", decoded.etag());
        assertEquals("models brand:b1 model:m1", decoded.surrogateKeys());
        assertEquals(1_700_000_000_123L, decoded.createdAtMillis());
        assertEquals(1800, decoded.ttlSeconds());
        assertEquals(List.of("models", "brand:b1", "model:m1"), decoded.tags());
    }

    @Test
    void anEmptyBodyAndNoTagsRoundTrip() {
        CachedResponse decoded = CachedResponse.decode(CachedResponse.of(new byte[0], "", 60, null).encode());
        assertEquals(0, decoded.body().length);
        assertEquals(List.of(), decoded.tags());
    }

    @Test
    void moreTagsFollowTheEntrysOwnEachOnceAndNothingElseChanges() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        CachedResponse entry = new CachedResponse(body, "\"e\"", "variant:v1 model-own:m1", 1_700_000_000_000L, 7200);
        CachedResponse more = entry.withTags(List.of("model:m1", "model-own:m1"));
        assertEquals(List.of("variant:v1", "model-own:m1", "model:m1"), more.tags());
        assertArrayEquals(body, more.body());
        assertEquals("\"e\"", more.etag());
        assertEquals(1_700_000_000_000L, more.createdAtMillis());
        assertEquals(7200, more.ttlSeconds());
        assertEquals(List.of("model:m1"), CachedResponse.of(body, "", 60, null).withTags(List.of("model:m1")).tags());
    }

    @Test
    void foreignBlobsAreRefused() {
        assertNull(CachedResponse.decode(null));
        assertNull(CachedResponse.decode("{\"data\":[]}".getBytes(StandardCharsets.UTF_8)), "no header line");
        assertNull(CachedResponse.decode("mo2\t\"e\"\t1\t60\tmodels\n{}".getBytes(StandardCharsets.UTF_8)), "another format version");
        assertNull(CachedResponse.decode("mo1\t\"e\"\t1\n{}".getBytes(StandardCharsets.UTF_8)), "too few header fields");
        assertNull(CachedResponse.decode("mo1\t\"e\"\tyesterday\t60\tmodels\n{}".getBytes(StandardCharsets.UTF_8)), "not a timestamp");
        assertNull(CachedResponse.decode(new byte[9000]), "no newline within the header limit");
    }

    @Test
    void withoutAnEtagTheBytesAreHashed() {
        CachedResponse a = CachedResponse.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "x", 60, null);
        CachedResponse same = CachedResponse.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "y", 60, null);
        CachedResponse other = CachedResponse.of("{\"a\":2}".getBytes(StandardCharsets.UTF_8), "x", 60, null);
        assertTrue(a.etag().matches("\"[A-Za-z0-9_-]{27}\""), a.etag());
        assertEquals(a.etag(), same.etag());
        assertNotEquals(a.etag(), other.etag());
        assertEquals("\"v3\"", CachedResponse.of(new byte[0], "", 60, "\"v3\"").etag(), "a given validator is kept");
    }

    @Test
    void remainingSecondsCountsDownFromCreation() {
        CachedResponse r = new CachedResponse(new byte[0], "\"e\"", "", 10_000, 60);
        assertEquals(60, r.remainingSeconds(10_000));
        assertEquals(30, r.remainingSeconds(40_000));
        assertEquals(0, r.remainingSeconds(100_000));
    }
}
