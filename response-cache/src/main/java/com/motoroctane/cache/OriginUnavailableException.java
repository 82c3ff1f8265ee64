package com.motoroctane.cache;

/**
 * Thrown by a {@link ResponseCache#serve} loader when its origin (a database, an upstream service) did not
 * answer: the cache then serves the last entry it holds for the key ({@code X-Cache: STALE}), or, with
 * nothing held, answers a 503 problem+json with this title and detail and a {@code Retry-After}.
 * Any other exception from a loader propagates unchanged.
 */
public class OriginUnavailableException extends RuntimeException {

    /** The problem {@code type} slug used when none is given. */
    public static final String DEFAULT_TYPE = "origin-unavailable";

    private final String type;
    private final String title;

    public OriginUnavailableException(String title, String detail, Throwable cause) {
        this(DEFAULT_TYPE, title, detail, cause);
    }

    /** @param type the problem {@code type} slug of the 503 (a service keeping an established one) */
    public OriginUnavailableException(String type, String title, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.title = title;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
