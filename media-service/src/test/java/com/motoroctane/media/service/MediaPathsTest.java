package com.motoroctane.media.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.motoroctane.common.error.ProblemException;

class MediaPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"images/abc/w320.avif", "brands/maruti-suzuki.webp", "incoming/1b2c-3d.jpg",
            "models/tata-nexon/variants/xz-plus-1.webp"})
    void relativeKeysPass(String key) {
        assertEquals(key, MediaPaths.checkKey("key", key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "images/../../secret", "/etc/passwd", "images//x.jpg", "./x.jpg",
            "images/x.jpg/", "images\\x.jpg", "images/%2e%2e/x", "images/x y.jpg", "images/\u0000.jpg", ".hidden", " "})
    void traversalAbsoluteAndOddKeysAre400(String key) {
        ProblemException e = assertThrows(ProblemException.class, () -> MediaPaths.checkKey("key", key));
        assertEquals(400, e.status());
        assertEquals("key", e.parameter());
    }
}
