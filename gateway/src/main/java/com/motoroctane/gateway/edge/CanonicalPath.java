package com.motoroctane.gateway.edge;

import java.util.ArrayList;
import java.util.List;

import com.motoroctane.common.error.ProblemException;

/**
 * The one spelling of a request path that routing, rate limits, JWT checks and the upstream all see.
 * The services normalise paths themselves (RFC 3986), so a classification made on the raw path can be
 * walked around ({@code /api/auth/x/../login} is a login to the service but not to a raw-path limit).
 * Canonical means: unreserved characters percent-decoded (hex in either case), other escapes with upper-case
 * hex, dot segments resolved (also when spelled {@code %2e}), duplicate slashes collapsed; a trailing slash
 * is kept. What would still mean different things to different parsers is refused instead of guessed:
 * an encoded {@code /} or {@code \}, a raw backslash, {@code ;} path parameters (raw or encoded), control
 * characters (raw or encoded, NUL included), broken escapes, a fragment, any other raw character a URI path
 * cannot hold (space, {@code "<>[]^`{|}}, non-ASCII), and dot segments that climb out of the first segment
 * ({@code /api}, {@code /uploads}, {@code /q}) or above the root.
 * <p>
 * This is the only URI check on the public port: Quarkus' own (a {@link java.net.URI} parse answered with an
 * empty 400 before any route runs) is switched off with {@value #OWN_URI_VALIDATION}, so malformed paths
 * reach this class and are answered as problem+json. {@link #checkQuery} keeps the rest of that check: a
 * query that is not a valid URI query is refused too, so nothing malformed is ever forwarded.
 */
public final class CanonicalPath {

    /** JVM flag read by Quarkus' root handler when it loads; without it Quarkus answers malformed URIs itself. */
    public static final String OWN_URI_VALIDATION = "vertx.disableURIValidation";

    private CanonicalPath() {
    }

    /** The canonical form of {@code raw} (the request-target's path, still percent-encoded), or a 400 problem. */
    public static String of(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            throw refused(raw, "it does not start with '/'");
        }
        String[] segments = raw.substring(1).split("/", -1);
        List<String> out = new ArrayList<>(segments.length);
        boolean trailingSlash = false;
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String segment = decodeUnreserved(segments[i], raw);
            trailingSlash = false;
            if (segment.isEmpty() || segment.equals(".")) {
                trailingSlash = last; // "//" collapses; "/x/" and "/x/." keep the directory form
                continue;
            }
            if (segment.equals("..")) {
                if (out.size() <= 1) {
                    throw refused(raw, out.isEmpty() ? "a '..' segment climbs above the root"
                            : "a '..' segment climbs out of '/" + out.get(0) + "'");
                }
                out.remove(out.size() - 1);
                trailingSlash = last;
                continue;
            }
            out.add(segment);
        }
        StringBuilder canonical = new StringBuilder(raw.length());
        for (String segment : out) {
            canonical.append('/').append(segment);
        }
        if (canonical.isEmpty() || trailingSlash) {
            canonical.append('/');
        }
        return canonical.toString();
    }

    private static String decodeUnreserved(String segment, String raw) {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw refused(raw, "'" + segment.substring(i) + "' is not a valid percent-encoding");
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw refused(raw, "'" + segment.substring(i, i + 3) + "' is not a valid percent-encoding");
                }
                char decoded = (char) (high * 16 + low);
                checkAllowed(decoded, raw, segment.substring(i, i + 3));
                if (isUnreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%').append(Character.toUpperCase(segment.charAt(i + 1)))
                            .append(Character.toUpperCase(segment.charAt(i + 2)));
                }
                i += 2;
            } else {
                checkAllowed(c, raw, null);
                if (!isPathChar(c)) {
                    throw refused(raw, notInUri(c) + " cannot appear in a path; it must be percent-encoded");
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Characters that mean something else to some parser downstream; refused raw and encoded alike. */
    private static void checkAllowed(char c, String raw, String encoded) {
        String spelled = encoded != null ? "'" + encoded + "'" : c < 0x20 || c == 0x7F
                ? String.format("control character U+%04X", (int) c) : "'" + c + "'";
        if (encoded != null && c == '/') {
            throw refused(raw, "an encoded '/' (" + spelled + ") is ambiguous");
        }
        if (c == '\\') {
            throw refused(raw, "a backslash (" + spelled + ") is ambiguous");
        }
        if (c == ';') {
            throw refused(raw, "path parameters (" + spelled + ") are not accepted");
        }
        if (c < 0x20 || c == 0x7F) {
            throw refused(raw, (encoded != null ? "encoded " : "") + "control character " + spelled);
        }
        if (c == '#' && encoded == null) {
            throw refused(raw, "a fragment ('#') is never sent to a server");
        }
    }

    /**
     * Refuses a query string that is not a valid URI query (broken escapes, characters a URI cannot hold, a
     * raw {@code #}): what Quarkus' URI check used to refuse with an empty 400. The query is otherwise passed
     * on untouched; what it means is the service's business.
     */
    public static void checkQuery(String query) {
        if (query == null) {
            return;
        }
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    throw malformedQuery("'" + query.substring(i, Math.min(i + 3, query.length()))
                            + "' at offset " + i + " is not a valid percent-encoding");
                }
                i += 2;
            } else if (!isPathChar(c) && c != '/' && c != '?' && c != '[' && c != ']' || c == '#') {
                throw malformedQuery(notInUri(c) + " at offset " + i + " cannot appear in a query; it must be percent-encoded");
            }
        }
    }

    /** RFC 3986 {@code pchar} minus escapes: unreserved, sub-delims, ':' and '@'. */
    private static boolean isPathChar(char c) {
        return isUnreserved(c) || "!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    private static String notInUri(char c) {
        return c <= 0x20 || c >= 0x7F ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private static ProblemException malformedQuery(String why) {
        return new ProblemException(400, "malformed-query", "Malformed query string",
                "The query string is refused: " + why, "query");
    }

    static boolean isUnreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static ProblemException refused(String raw, String why) {
        return new ProblemException(400, "ambiguous-path", "Ambiguous request path",
                "The request path is refused: " + why, "path");
    }
}
