package com.motoroctane.media.service;

import java.util.regex.Pattern;

import com.motoroctane.common.error.ProblemException;

/**
 * The one rule for object keys a client names (to serve or delete): relative, {@code /}-separated segments of
 * letters, digits, {@code . _ -}, no {@code .} or {@code ..} segment, no empty segment, at most 512
 * characters. Anything else (absolute paths, {@code ../}, backslashes, encoded separators once decoded,
 * control characters) is a 400 naming the parameter, before any store is asked.
 */
public final class MediaPaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final int MAX_LENGTH = 512;

    private MediaPaths() {
    }

    public static String checkKey(String parameter, String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badParameter(parameter, "is required");
        }
        if (key.length() > MAX_LENGTH) {
            throw ProblemException.badParameter(parameter, "is longer than " + MAX_LENGTH + " characters");
        }
        if (key.startsWith("/")) {
            throw ProblemException.badParameter(parameter, "must be a relative key, not an absolute path");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw ProblemException.badParameter(parameter, "must not contain '.' or '..' segments");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw ProblemException.badParameter(parameter,
                        "segments may hold only letters, digits, '.', '_' and '-' (and must not be empty)");
            }
        }
        return key;
    }
}
