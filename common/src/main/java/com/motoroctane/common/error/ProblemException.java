package com.motoroctane.common.error;

/**
 * Thrown anywhere in a request to answer with a problem+json body. The factories name the cases every
 * service meets; {@code parameter} is the request parameter or body field at fault.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final String parameter;
    private long retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.parameter = parameter;
    }

    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(400, "invalid-parameter", "Invalid request parameter",
                "Parameter '" + parameter + "': " + detail, parameter);
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(404, "not-found", what + " not found",
                what + " '" + key + "' does not exist or is not active", null);
    }

    /** Adds {@code Retry-After} to the answer (a 429 or 503 that says when to come back). */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Seconds for {@code Retry-After}, or 0 for none given. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }
}
