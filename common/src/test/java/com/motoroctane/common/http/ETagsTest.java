package com.motoroctane.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The "v<version>" ETag and how If-Match / If-None-Match values are matched against it. */
class ETagsTest {

    @Test
    void versionTagIsQuotedVPlusVersion() {
        assertEquals("\"v0\"", ETags.ofVersion(0));
        assertEquals("\"v42\"", ETags.ofVersion(42));
    }

    @ParameterizedTest(name = "header ''{0}'' vs {1} -> {2}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "-; \"v3\"; false",
            "''; \"v3\"; false",
            "'   '; \"v3\"; false",
            "*; \"v3\"; true",
            "' * '; \"v3\"; true",
            "\"v3\"; \"v3\"; true",
            "\"v4\"; \"v3\"; false",
            // weak comparison: W/ is ignored on either side
            "W/\"v3\"; \"v3\"; true",
            "\"v3\"; W/\"v3\"; true",
            // lists: any member, surrounding spaces ignored
            "\"v1\", \"v3\"; \"v3\"; true",
            "\"v1\",W/\"v3\"; \"v3\"; true",
            "\"v1\", \"v2\"; \"v3\"; false",
            // an unquoted or differently quoted value is another tag
            "v3; \"v3\"; false",
            "\"v33\"; \"v3\"; false",
            // * inside a list is not the wildcard
            "\"v1\", *; \"v3\"; false",
    })
    void headerMatches(String header, String etag, boolean expected) {
        assertEquals(expected, ETags.matches(header, etag));
    }
}
