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
     * A stream id read once: where in the stream an event (or a service's answer) stands. For whoever compares one
     * id with many (the gateway's purge log compares each fill's stamp with every recent purge).
     */
    public record Position(long time, long sequence) implements Comparable<Position> {

        /** {@code id} read, or null when it is not {@code <ms>-<seq>} (or {@code <ms>}). Throws nothing. */
        public static Position of(String id) {
            if (id == null || id.isEmpty() || id.length() > 41) {
                return null;
            }
            int dash = id.indexOf('-');
            long time = digits(id, 0, dash < 0 ? id.length() : dash);
            long sequence = dash < 0 ? 0 : digits(id, dash + 1, id.length());
            return time < 0 || sequence < 0 ? null : new Position(time, sequence);
        }

        /** Whether an answer at this position was begun before its service applied the event at {@code event}. */
        public boolean before(Position event) {
            return compareTo(event) < 0;
        }

        @Override
        public int compareTo(Position other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }

        /** The decimal number in {@code id[from, to)}, or -1 when it is empty, not all digits or beyond a long. */
        private static long digits(String id, int from, int to) {
            if (from >= to || to - from > 19) {
                return -1;
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                char c = id.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value; // 19 digits can pass Long.MAX_VALUE: it wraps negative and is refused
        }
    }

    /**
     * Whether an answer stamped {@code stamp} was begun before its service applied the event {@code streamId}.
     * An unreadable stamp counts as before: the answer may be as old as anything; an unreadable event id throws
     * {@link IllegalArgumentException}.
     */
    public static boolean before(String stamp, String streamId) {
        Position answer = Position.of(stamp);
        return answer == null || answer.before(parse(streamId));
    }

    /**
     * When an event was published: the time Redis gave its stream id (the XADD), else the event's own {@code at}
     * (set when admin-service staged it, before its write, which the consumers' lag should not count); null when
     * neither is known.
     */
    public static java.time.Instant publishedAt(String streamId, java.time.Instant at) {
        Position position = Position.of(streamId);
        return position != null ? java.time.Instant.ofEpochMilli(position.time()) : at;
    }

    /** Whether {@code id} reads as a stream id. */
    public static boolean valid(String id) {
        return Position.of(id) != null;
    }

    private static Position parse(String id) {
        Position position = Position.of(id);
        if (position == null) {
            throw new IllegalArgumentException("not a stream id: " + id);
        }
        return position;
    }
}
