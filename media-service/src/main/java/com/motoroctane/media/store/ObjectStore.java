package com.motoroctane.media.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

/**
 * Where originals in transit and renditions live. One implementation, {@link S3ObjectStore}, speaks the S3
 * API to Cloudflare R2 in production and to S3Proxy in the devstack and the tests; there is no local-disk
 * path.
 */
public interface ObjectStore {

    /** What a stored object is, without its bytes. */
    record Head(long length, String contentType) {
    }

    /** An object's bytes (all, or the requested range), to be closed by the reader. */
    record Body(InputStream stream, long length, String contentType, String contentRange) {
    }

    void put(String key, Path file, String contentType, String cacheControl);

    /** Null when there is no such object. */
    Head head(String key);

    /**
     * Null when there is no such object. {@code range} is an HTTP {@code Range} header value or null; an
     * unsatisfiable range is an {@link IllegalArgumentException}.
     */
    Body get(String key, String range);

    void delete(Collection<String> keys);

    /** A URL a client may PUT exactly {@code length} bytes of {@code contentType} to, for {@code ttl}. */
    String presignPut(String key, String contentType, long length, Duration ttl);

    /** Throws when the bucket cannot be reached (readiness). */
    void ping();
}
