package com.motoroctane.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AccessTokensTest {

    @Test
    void headerWinsOverCookie() {
        assertEquals("from-header", AccessTokens.pick("Bearer from-header", "from-cookie"));
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        assertEquals("abc", AccessTokens.pick("bearer abc", null));
    }

    @Test
    void cookieIsUsedWhenHeaderIsAbsentEmptyOrAnotherScheme() {
        assertEquals("c", AccessTokens.pick(null, "c"));
        assertEquals("c", AccessTokens.pick("Bearer   ", "c"));
        assertEquals("c", AccessTokens.pick("Basic dXNlcjpwYXNz", "c"));
    }

    @Test
    void nothingPresentedIsNull() {
        assertNull(AccessTokens.pick(null, null));
        assertNull(AccessTokens.pick("", " "));
    }
}
