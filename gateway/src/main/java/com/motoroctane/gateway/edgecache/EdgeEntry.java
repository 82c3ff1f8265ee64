package com.motoroctane.gateway.edgecache;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One stored answer: status, the headers to replay, the body, the validator, and the tags it is purged by. The body
 * is kept as identity or, when worth compressing, as its gzip and br forms only (computed once, at store time;
 * {@code identity} is then null and {@code identityLength} its length: {@link IdentityBodies} decodes it for a
 * client that accepts neither). The bodies are held off the heap ({@link OffHeapBody}): an entry in the cache owns
 * one reference to each, given back when it leaves (a copy made by {@link #purgedAt} takes references of its own).
 * {@code initialAge}
 * is the age the upstream declared (its own {@code Age}) when it was stored. {@code purgedAtMillis} is when an
 * event's purge marked it stale (0: it was not): a stale entry is answered for {@code staleMillis} at most (its
 * upstream's {@code stale-while-revalidate}, capped), while its refresh is on the way; {@code errorMillis} is its
 * upstream's {@code stale-if-error} (capped), how long a stale entry may stand in for an error. {@code stamped}: its
 * upstream said how far it had applied the invalidation stream (an answer from before a purged event is never
 * stored, so a second purge of that event has nothing to do with it).
 */
public record EdgeEntry(int status, List<Map.Entry<String, String>> headers, OffHeapBody identity, int identityLength,
                        OffHeapBody gzip, OffHeapBody br, String etag, Set<String> tags, long storedAtMillis, long initialAgeSeconds, long ttlMillis,
                        long staleMillis, long errorMillis, boolean stamped, long purgedAtMillis) {

    /** Rough in-memory size: every body form held plus headers plus a fixed overhead. */
    public int weight(String key) {
        long headerBytes = 0;
        for (Map.Entry<String, String> header : headers) {
            headerBytes += header.getKey().length() + header.getValue().length() + 32;
        }
        long total = 256L + key.length() * 2L + headerBytes + (identity == null ? 0 : identity.length())
                + (gzip == null ? 0 : gzip.length()) + (br == null ? 0 : br.length());
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    public boolean fresh(long now) {
        return purgedAtMillis == 0 && now < storedAtMillis + ttlMillis;
    }

    public boolean purged() {
        return purgedAtMillis != 0;
    }

    /** Whether this purged entry may still be answered while its refresh is on the way. */
    public boolean servableStale(long now) {
        return purgedAtMillis != 0 && now < purgedAtMillis + staleMillis;
    }

    /**
     * Whether this stale entry may be given instead of an error: within its upstream's {@code stale-if-error}
     * (capped) of the moment it went stale, its purge or the end of its TTL.
     */
    public boolean usableOnError(long now) {
        long staleSince = purged() ? purgedAtMillis : storedAtMillis + ttlMillis;
        return !fresh(now) && now < staleSince + errorMillis;
    }

    /** How long the cache holds it: its TTL, or once purged its stale window; then as long as it may stand in for an error. */
    public long lifetimeMillis() {
        return purged() ? Math.max(staleMillis, errorMillis) : ttlMillis + errorMillis;
    }

    /**
     * This entry marked stale by a purge at {@code now} (an entry already stale keeps its first purge's time, and is
     * returned as it is). A new entry holds references of its own to the bodies: called while this one is in the
     * cache (it has not given its own back), it replaces this one there.
     */
    public EdgeEntry purgedAt(long now) {
        if (purged()) {
            return this;
        }
        retainBodies();
        return new EdgeEntry(status, headers, identity, identityLength, gzip, br, etag, tags, storedAtMillis,
                initialAgeSeconds, ttlMillis, staleMillis, errorMillis, stamped, Math.max(1, now));
    }

    /** Gives back this entry's references to its bodies (it left the cache, or was never stored). */
    public void free() {
        for (OffHeapBody body : new OffHeapBody[] {identity, gzip, br}) {
            if (body != null) {
                body.release();
            }
        }
    }

    private void retainBodies() {
        for (OffHeapBody body : new OffHeapBody[] {identity, gzip, br}) {
            if (body != null) {
                body.retain();
            }
        }
    }

    public long ageSeconds(long now) {
        return initialAgeSeconds + Math.max(0, now - storedAtMillis) / 1000;
    }

    public long remainingSeconds(long now) {
        return purged() ? 0 : Math.max(0, (storedAtMillis + ttlMillis - now) / 1000);
    }
}
