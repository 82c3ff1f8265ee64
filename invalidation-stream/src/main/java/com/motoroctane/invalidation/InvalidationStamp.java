package com.motoroctane.invalidation;

/**
 * How far a service had applied the invalidation stream when it began an answer: the stream id of the last event
 * it had applied, in {@link #HEADER}. The gateway's edge cache stores an answer only when no purge of one of its
 * tags is for a later event: an answer begun before its service applied an event may hold what the event changed,
 * and kept at the edge it would outlive the purge by its whole TTL.
 *
 * <p>Stream ids are Redis' {@code <milliseconds>-<sequence>}, ordered by both numbers.
 */
public final class InvalidationStamp {

    /** Set by the services (response-cache's stamp filter) on every answer; read, and not relayed, by the gateway. */
    public static final String HEADER = "X-Invalidations-Applied";

    private InvalidationStamp() {
    }

    /**
     * Orders two stream ids; an id that is not {@code <ms>-<seq>} (or {@code <ms>}) throws
     * {@link IllegalArgumentException}.
     */
    public static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        int byTime = Long.compare(x[0], y[0]);
        return byTime != 0 ? byTime : Long.compare(x[1], y[1]);
    }

    /**
     * Whether an answer stamped {@code stamp} was begun before its service applied the event {@code streamId}.
     * An unreadable stamp counts as before: the answer may be as old as anything.
     */
    public static boolean before(String stamp, String streamId) {
        if (!valid(stamp)) {
            return true;
        }
        return compare(stamp, streamId) < 0;
    }

    /**
     * When an event was published: the time Redis gave its stream id (the XADD), else the event's own {@code at}
     * (set when admin-service staged it, before its write, which the consumers' lag should not count); null when
     * neither is known.
     */
    public static java.time.Instant publishedAt(String streamId, java.time.Instant at) {
        return valid(streamId) ? java.time.Instant.ofEpochMilli(parse(streamId)[0]) : at;
    }

    /** Whether {@code id} reads as a stream id. */
    public static boolean valid(String id) {
        try {
            parse(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long[] parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 41) {
            throw new IllegalArgumentException("not a stream id: " + id);
        }
        int dash = id.indexOf('-');
        try {
            long time = Long.parseLong(dash < 0 ? id : id.substring(0, dash));
            long sequence = dash < 0 ? 0 : Long.parseLong(id.substring(dash + 1));
            if (time < 0 || sequence < 0) {
                throw new IllegalArgumentException("not a stream id: " + id);
            }
            return new long[] {time, sequence};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream id: " + id, e);
        }
    }
}
