package com.motoroctane.common.http;

/**
 * The entity-tag contract between the readers and admin-service: a whole catalogue document's ETag is
 * {@code "v<version>"}, so a tag a client read from a reader is valid as {@code If-Match} on a write, and
 * If-Match / If-None-Match headers are parsed the same way on both sides.
 */
public final class ETags {

    private ETags() {
    }

    /** The strong ETag of a document at {@code version}: {@code "v<version>"}, quotes included. */
    public static String ofVersion(long version) {
        return "\"v" + version + '"';
    }

    /**
     * Whether an If-Match / If-None-Match header value names {@code etag}: {@code *} matches anything, a
     * comma-separated list matches if any member does, and a weak tag ({@code W/"..."}) matches its strong
     * form (the weak comparison of RFC 9110, which both services have always applied). A missing or blank
     * header names nothing; what it means then is the caller's decision.
     */
    public static boolean matches(String header, String etag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        if (header.trim().equals("*")) {
            return true;
        }
        String opaque = strip(etag.trim());
        for (String candidate : header.split(",")) {
            if (strip(candidate.trim()).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
