package com.motoroctane.gateway.edgecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.motoroctane.common.cache.TagIndex;
import com.motoroctane.common.http.ETags;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.Compression;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.gateway.proxy.Forwarder;
import com.motoroctane.gateway.proxy.ResponseCapture;
import com.motoroctane.invalidation.InvalidationStamp;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's HTTP cache over the services' public answers, in the manner of nginx {@code proxy_cache} or
 * Varnish: a fresh entry is answered here (200, or 304 on a matching {@code If-None-Match}), with
 * {@code X-Cache: EDGE-HIT} and {@code Age}; concurrent misses of one key wait for a single upstream request
 * (the first one, whose answer is copied as it is relayed); the body is kept once as identity and, for
 * compressible types, as gzip and br made once at store time. Entries are bounded by bytes (a Caffeine
 * weigher) and purged by their {@code Surrogate-Key} tags ({@link EdgeCacheInvalidations}, the admin purge).
 * What may be stored is {@link CachePolicy}'s call.
 *
 * <p>A purge by tags is soft, as Fastly's soft purge or nginx's {@code proxy_cache_use_stale updating} with
 * {@code proxy_cache_background_update}: the entry is marked stale, and for its upstream's
 * {@code stale-while-revalidate} (at most {@code serve-stale-after-purge}) it is still answered
 * ({@code X-Cache: EDGE-STALE}) while one background request per key fetches the new answer; no client waits for the origin because of a write elsewhere. The new answer
 * replaces the stale one only when its service had applied the purged event ({@link PurgeLog}, the services'
 * {@code X-Invalidations-Applied} stamp). A purge of everything is hard.
 *
 * <p>stale-if-error (RFC 5861; nginx {@code proxy_cache_use_stale error timeout http_503}, Varnish grace): a stale
 * entry is kept for its upstream's {@code stale-if-error} (at most {@code serve-stale-if-error}), and when the
 * request that would replace it fails (the upstream refuses, breaks, times out or answers 500/502/503/504) it is
 * answered instead of the error, {@code X-Cache: EDGE-STALE-IF-ERROR}.
 */
@Singleton
public class EdgeCache {

    private static final Logger LOG = Logger.getLogger(EdgeCache.class);
    public static final String HIT = "EDGE-HIT";
    public static final String STALE = "EDGE-STALE";
    public static final String STALE_IF_ERROR = "EDGE-STALE-IF-ERROR";
    /** What {@link #respond} returns when the entry's body was freed before it could be sent. */
    private static final int GONE = -1;
    /** Upstream headers an entry does not replay: the edge sets its own, per answer. */
    private static final Set<String> NOT_STORED = Set.of("content-length", "content-encoding", "transfer-encoding",
            "date", "age", "x-cache", "x-cache-ttl", "set-cookie");

    private final GatewayConfig.EdgeCache config;
    private final CachePolicy policy;
    private final Compression compression;
    private final GatewayMetrics metrics;
    private final Vertx vertx;
    private final Cache<String, EdgeEntry> entries;
    private final Map<String, Promise<EdgeEntry>> inFlight = new ConcurrentHashMap<>();
    /** Every purge, numbered: a load that started before one that may have purged it is relayed but not stored. */
    private final PurgeLog purges = new PurgeLog(1024);
    /** Which keys carry each tag: a purge visits those entries, not every one held. */
    private final TagIndex tagIndex = new TagIndex();
    /** Entries worth compressing keep gzip and br only: their identity, decoded when asked for, is kept here. */
    private final IdentityBodies identities;
    private final boolean brotli;

    public EdgeCache(GatewayConfig config, Compression compression, GatewayMetrics metrics, Vertx vertx) {
        this.config = config.edgeCache();
        this.policy = new CachePolicy(this.config);
        this.compression = compression;
        this.metrics = metrics;
        this.vertx = vertx;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(this.config.maxBytes())
                .weigher((String key, EdgeEntry entry) -> entry.weight(key))
                .expireAfter(new Expiry<String, EdgeEntry>() {
                    @Override
                    public long expireAfterCreate(String key, EdgeEntry entry, long now) {
                        return lifetime(entry);
                    }

                    @Override
                    public long expireAfterUpdate(String key, EdgeEntry entry, long now, long current) {
                        return lifetime(entry);
                    }

                    @Override
                    public long expireAfterRead(String key, EdgeEntry entry, long now, long current) {
                        return current;
                    }
                })
                .removalListener((String key, EdgeEntry entry, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE || cause == RemovalCause.EXPIRED) {
                        metrics.edgeCacheEviction(cause.name().toLowerCase(Locale.ROOT));
                    }
                    if (key != null && entry != null) {
                        forget(key, entry.tags());
                    }
                    if (entry != null) {
                        // whatever the cause, this instance left: its references go (a replacement holds its own;
                        // Caffeine notifies nothing when a compute returns the instance it had)
                        entry.free();
                    }
                })
                .build();
        this.brotli = this.config.brotli() && brotliLoads();
        this.identities = new IdentityBodies(this.config.identityMaxBytes());
        metrics.edgeCacheGauges(this::weightedBytes, entries::estimatedSize, this::identityBytes, OffHeapBody::liveBytes);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** An entry lives its TTL, or once purged as long as it may be answered stale; then as long as it may stand in for an error. */
    private long lifetime(EdgeEntry entry) {
        return TimeUnit.MILLISECONDS.toNanos(entry.lifetimeMillis());
    }

    /** Whether this request may be answered from (and fill) the cache: GET/HEAD without credentials, range or body. */
    public boolean handles(HttpServerRequest request) {
        return config.enabled() && CachePolicy.cacheableRequest(request);
    }

    /**
     * Answers from the cache when it can; otherwise calls {@code forward} to reach the upstream, with a
     * capture when this request is the one that fills the entry (null when it is relayed as it is).
     * {@code onStatus} gets the status of an answer made here. A purged entry is answered stale, and
     * {@code refresh} is called (once per key at a time) to fetch its new answer apart from any client request.
     * A stale entry past that window, still within its {@code stale-if-error}, goes with the request that fills
     * the key: answered instead of the error if the upstream fails it ({@link Fill#answerInstead}).
     */
    public void serve(RoutingContext ctx, IntConsumer onStatus, Consumer<ResponseCapture> forward,
                      Consumer<ResponseCapture> refresh) {
        HttpServerRequest request = ctx.request();
        String key = CachePolicy.key(request);
        long now = System.currentTimeMillis();
        EdgeEntry entry = entries.getIfPresent(key);
        if (entry != null && entry.fresh(now)) {
            if (answered(ctx, key, entry, now, HIT, "hit", onStatus)) {
                return;
            }
            entry = null; // it left the cache since it was looked up
        }
        if (entry != null && entry.servableStale(now)) {
            if (answered(ctx, key, entry, now, STALE, "stale", onStatus)) {
                refresh(key, refresh);
                return;
            }
            entry = null;
        }
        Promise<EdgeEntry> leader = inFlight.get(key);
        if (leader != null) {
            await(ctx, key, leader, onStatus, forward);
            return;
        }
        entry = entries.getIfPresent(key); // a fill may have been stored (and left the in-flight map) just now
        if (entry != null && entry.fresh(now) && answered(ctx, key, entry, now, HIT, "hit", onStatus)) {
            return;
        }
        if (request.method() == HttpMethod.HEAD || CachePolicy.conditional(request)) {
            // nothing to store from a HEAD or a 304; the upstream answers these itself
            metrics.edgeCacheRequest("pass");
            forward.accept(null);
            return;
        }
        Promise<EdgeEntry> mine = Promise.promise();
        leader = inFlight.putIfAbsent(key, mine);
        if (leader != null) {
            await(ctx, key, leader, onStatus, forward);
            return;
        }
        metrics.edgeCacheRequest("miss");
        Fill fill = new Fill(key, purges.current(), mine);
        if (entry != null && entry.usableOnError(now)) {
            fill.fallback = entry;
            fill.client = ctx;
        }
        forward.accept(fill);
    }

    /** Answers {@code entry}, counted as {@code outcome}: false when it was freed meanwhile (nothing was sent). */
    private boolean answered(RoutingContext ctx, String key, EdgeEntry entry, long now, String xCache, String outcome,
                             IntConsumer onStatus) {
        int sent = respond(ctx, key, entry, now, xCache);
        if (sent == GONE) {
            return false;
        }
        metrics.edgeCacheRequest(outcome);
        onStatus.accept(sent);
        return true;
    }

    /** Fetches a purged entry's new answer, unless a fill or a refresh of the key is already on the way. */
    private void refresh(String key, Consumer<ResponseCapture> refresh) {
        Promise<EdgeEntry> mine = Promise.promise();
        if (inFlight.putIfAbsent(key, mine) != null) {
            return;
        }
        refresh.accept(new Fill(key, purges.current(), mine));
    }

    /** Waits for the request filling the key: answered from its entry, or sent upstream itself when none was stored. */
    private void await(RoutingContext ctx, String key, Promise<EdgeEntry> leader, IntConsumer onStatus, Consumer<ResponseCapture> forward) {
        metrics.edgeCacheRequest("collapsed");
        Context context = Vertx.currentContext();
        leader.future().onComplete(loaded -> context.runOnContext(ignored -> {
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            long now = System.currentTimeMillis();
            // a stale one is the leader's stand-in for an error (Fill#answerInstead)
            int sent = loaded.succeeded() && loaded.result() != null
                    ? respond(ctx, key, loaded.result(), now, loaded.result().fresh(now) ? HIT : STALE_IF_ERROR) : GONE;
            if (sent != GONE) {
                onStatus.accept(sent);
            } else {
                // the filling answer was not stored (or already left the cache): each waiting request goes upstream
                forward.accept(null);
            }
        }));
    }

    /** Purges every entry carrying one of {@code tags}, not for an event (an operator's purge); returns how many. */
    public int purgeTags(Collection<String> tags) {
        return purgeTags(tags, null);
    }

    /**
     * Purges every entry carrying one of {@code tags} for the event {@code streamId} (null: none): marked stale
     * (dropped when it may not be answered stale); returns how many. An entry already stale is left as it is.
     */
    public int purgeTags(Collection<String> tags, String streamId) {
        return purgeTags(tags, streamId, false);
    }

    /**
     * The second purge of an event's tags: only entries stored without a stamp, the ones that may have been
     * refilled from an upstream that had not applied the event yet.
     */
    public int purgeUnstamped(Collection<String> tags, String streamId) {
        return purgeTags(tags, streamId, true);
    }

    private int purgeTags(Collection<String> tags, String streamId, boolean unstampedOnly) {
        Set<String> purged = Set.copyOf(tags);
        purges.purged(purged, streamId);
        List<String> soft = new ArrayList<>();
        List<String> hard = new ArrayList<>();
        for (String key : tagIndex.keys(purged)) {
            EdgeEntry entry = entries.asMap().get(key);
            if (entry == null) {
                forget(key, purged); // left without its removal seen yet
            } else if (!entry.purged() && !(unstampedOnly && entry.stamped()) && !Collections.disjoint(entry.tags(), purged)) {
                (entry.staleMillis() > 0 || entry.errorMillis() > 0 ? soft : hard).add(key);
            }
        }
        long now = System.currentTimeMillis();
        for (String key : soft) {
            entries.asMap().computeIfPresent(key, (k, entry) -> entry.purgedAt(now));
        }
        entries.invalidateAll(hard);
        metrics.edgeCachePurged(soft.size() + hard.size());
        return soft.size() + hard.size();
    }

    /** {@code tags} of an entry that left {@code key} leave the index, unless the entry now held carries them. */
    private void forget(String key, Collection<String> tags) {
        tagIndex.remove(key, tags, entries.asMap(), EdgeEntry::tags);
    }

    /** How many (tag, key) pairs the purge index holds (for tests: it follows what is stored). */
    public long indexedPairs() {
        return tagIndex.pairs();
    }

    /** Entries held stale after a purge, waiting for their refresh (counts them all: for tests and tools). */
    public long staleEntries() {
        return entries.asMap().values().stream().filter(EdgeEntry::purged).count();
    }

    /** Drops everything; returns how many entries were held. */
    public int purgeAll() {
        purges.purged(null);
        int held = (int) entries.estimatedSize();
        entries.invalidateAll();
        entries.cleanUp();
        identities.clear();
        metrics.edgeCachePurged(held);
        return held;
    }

    public long weightedBytes() {
        return entries.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /**
     * Bytes of bodies held off the heap and not yet freed: the entries', the decoded identities', and those of
     * answers being written (each holds its body until written).
     */
    public static long offHeapBytes() {
        return OffHeapBody.liveBytes();
    }

    /** Bytes of identity bodies decoded from stored gzip and kept ({@code identity-max-bytes} bounds them). */
    public long identityBytes() {
        return identities.weightedBytes();
    }

    public long size() {
        return entries.estimatedSize();
    }

    /** Runs Caffeine's pending maintenance (evictions) now. */
    public void cleanUp() {
        entries.cleanUp();
        identities.cleanUp();
    }

    public boolean brotli() {
        return brotli;
    }

    /**
     * Stores a fill's entry and indexes its tags; false when it is not stored. Not when a purge of one of its tags
     * ran while it was loading, or its service answered before applying a purged event: it may hold what was purged
     * (a stale entry stays until a refresh gets further). A purge that ran between that check and the index knowing
     * its key would not have found it: looked for once more, and the entry dropped if one did. An entry not stored
     * has given its bodies back when this returns.
     */
    private boolean store(String key, EdgeEntry entry, long purgesBefore, String stamp, byte[] identity) {
        long checked = purges.current();
        if (purges.purgedSince(purgesBefore, stamp, entry.tags())) {
            entry.free();
            return false;
        }
        entries.put(key, entry);
        tagIndex.add(key, entry.tags());
        if (purges.current() != checked && purges.purgedSince(checked, stamp, entry.tags())) {
            entries.asMap().remove(key, entry); // its removal gives its bodies back (or did, if it left already)
            return false;
        }
        identities.offer(key, entry, identity);
        metrics.edgeCacheStored();
        return true;
    }

    /**
     * Writes a stored answer, {@code xCache} saying how ({@link #HIT} or {@link #STALE}); returns the status sent, or
     * {@link #GONE} when the body it needed was freed meanwhile (the entry left the cache since it was looked up;
     * nothing is sent then). The body sent holds a reference of its own until it is written.
     */
    private int respond(RoutingContext ctx, String key, EdgeEntry entry, long now, String xCache) {
        HttpServerRequest request = ctx.request();
        boolean notModified = entry.status() == 200 && entry.etag() != null
                && ETags.matches(request.getHeader("If-None-Match"), entry.etag());
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        boolean head = request.method() == HttpMethod.HEAD;
        String acceptEncoding = request.getHeader("Accept-Encoding");
        OffHeapBody encoded = null;
        String encoding = null;
        if (notModified || http2) {
            // HTTP/2: Vert.x's encoder compresses whatever the Content-Encoding header names, so a stored gzip body
            // would be gzipped twice (eclipse-vertx/vert.x#5371): the identity goes, compressed by the server
        } else if (entry.br() != null && Compression.accepts(acceptEncoding, "br")) {
            encoded = entry.br();
            encoding = "br";
        } else if (entry.gzip() != null && Compression.accepts(acceptEncoding, "gzip")) {
            encoded = entry.gzip();
            encoding = "gzip";
        }
        OffHeapBody body = null;
        if (!notModified && !head) {
            body = encoded == null ? identities.lease(key, entry) : encoded.tryRetain() ? encoded : null;
            if (body == null) {
                return GONE;
            }
        }
        HttpServerResponse out = ctx.response();
        metrics.cacheOutcome(xCache);
        entry.headers().forEach(header -> out.headers().add(header.getKey(), header.getValue()));
        out.headers().set("Age", String.valueOf(entry.ageSeconds(now)));
        out.headers().set("X-Cache", xCache);
        out.headers().set("X-Cache-TTL", String.valueOf(entry.remainingSeconds(now)));
        if (notModified) {
            out.setStatusCode(304).end();
            return 304;
        }
        out.setStatusCode(entry.status());
        if (http2) {
            compression.shouldCompress(ctx, contentType(entry), null, entry.identityLength());
        } else if (encoding != null) {
            out.headers().set("Content-Encoding", encoding);
        }
        if (head) {
            out.headers().set("Content-Length", String.valueOf(encoded == null ? entry.identityLength() : encoded.length()));
            out.end();
            return entry.status();
        }
        out.headers().set("Content-Length", String.valueOf(body.length()));
        endWith(out, body);
        return entry.status();
    }

    /**
     * Sends {@code body} (held by a reference of the caller's) off the heap as it is, no copy, and gives the
     * reference back once it is written or the write failed. Vert.x hands Netty an unreleasable view of a buffer
     * it did not make, so nobody else releases it.
     */
    private static void endWith(HttpServerResponse out, OffHeapBody body) {
        try {
            out.end(Buffer.buffer(body.view())).onComplete(written -> body.release());
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
    }

    private static String contentType(EdgeEntry entry) {
        for (Map.Entry<String, String> header : entry.headers()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Builds an entry from a complete answer (runs on a worker: compression). */
    private EdgeEntry entry(int status, MultiMap headers, Set<String> tags, byte[] identity, long ttlMillis, String stamp) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_STORED.contains(name) && Forwarder.relayed(name)) {
                kept.add(Map.entry(header.getKey(), header.getValue()));
            }
        }
        byte[] gzip = null;
        byte[] br = null;
        byte[] stored = identity;
        if (compression.worthCompressing(headers.get("Content-Type"), identity.length)) {
            gzip = gzip(identity);
            br = brotli ? brotli(identity) : null;
            if (headers.getAll("Vary").stream().noneMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding"))) {
                kept.add(Map.entry("Vary", "Accept-Encoding"));
            }
            stored = null; // decoded from the gzip for a client that accepts neither (IdentityBodies)
        }
        long age = Math.max(0, CachePolicy.seconds(headers.get("Age")));
        // off the heap (OffHeapBody), one reference each: the entry's
        return new EdgeEntry(status, List.copyOf(kept), stored == null ? null : OffHeapBody.copyOf(stored), identity.length,
                gzip == null ? null : OffHeapBody.copyOf(gzip), br == null ? null : OffHeapBody.copyOf(br), headers.get("ETag"), tags,
                System.currentTimeMillis(), age, ttlMillis, policy.staleAfterPurgeMillis(headers),
                policy.staleIfErrorMillis(headers), InvalidationStamp.valid(stamp), 0);
    }

    /** The answer's surrogate keys (the edge's tags for it). */
    private Set<String> tagsOf(MultiMap headers) {
        String surrogateKeys = headers.get(config.surrogateKeyHeader());
        return surrogateKeys == null || surrogateKeys.isBlank() ? Set.of()
                : Set.copyOf(Arrays.asList(surrogateKeys.trim().split("\\s+")));
    }

    private static byte[] gzip(byte[] identity) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(identity.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(identity);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private byte[] brotli(byte[] identity) {
        try {
            return Encoder.compress(identity, new Encoder.Parameters().setQuality(config.brotliQuality()));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("br variant not made (%s); gzip and identity are served", e.toString());
            return null;
        }
    }

    private static boolean brotliLoads() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable unavailable) {
            LOG.infof("brotli4j's native library does not load here (%s): the edge cache keeps gzip and identity only",
                    unavailable.toString());
            return false;
        }
    }

    /**
     * The copy of the one upstream answer that fills a key, and the promise its waiting requests hang on. It
     * always settles that promise (with the entry, or null when nothing is stored) and leaves the in-flight map.
     */
    private final class Fill implements ResponseCapture {
        final String key;
        final long purgesBefore;
        final Promise<EdgeEntry> promise;
        /** How far the answer's service had applied the invalidation stream (null: not stamped). */
        String stamp;
        /** The answer's surrogate keys, read once from its headers. */
        Set<String> tags;
        int status;
        MultiMap headers;
        long ttlMillis;
        Buffer body;
        boolean settled;
        /** The stale entry that may be answered if the upstream fails this request, and the client's request. */
        EdgeEntry fallback;
        RoutingContext client;

        Fill(String key, long purgesBefore, Promise<EdgeEntry> promise) {
            this.key = key;
            this.purgesBefore = purgesBefore;
            this.promise = promise;
        }

        @Override
        public boolean begin(int status, MultiMap headers) {
            ttlMillis = policy.ttlMillis(status, headers);
            long declared = CachePolicy.seconds(headers.get("Content-Length"));
            if (ttlMillis <= 0 || declared > config.maxObjectBytes()) {
                return false;
            }
            this.status = status;
            this.stamp = headers.get(InvalidationStamp.HEADER);
            this.tags = tagsOf(headers);
            if (purges.purgedSince(purgesBefore, stamp, tags)) {
                // its service answered before applying a purge of one of its tags (or one ran since the fill began):
                // store() would refuse it, so it is neither copied nor compressed. After a write, the hot entries'
                // refreshes reach the service before it applied the event, again and again until it has: each of
                // those cost a gzip and a br of the whole body here
                metrics.edgeCacheFillDeclined();
                return false;
            }
            this.headers = MultiMap.caseInsensitiveMultiMap().addAll(headers);
            this.body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
            return true;
        }

        @Override
        public boolean chunk(Buffer chunk) {
            if (body.length() + chunk.length() > config.maxObjectBytes()) {
                return false;
            }
            body.appendBuffer(chunk);
            return true;
        }

        @Override
        public void end() {
            if (settled) {
                return;
            }
            settled = true;
            byte[] identity = body.getBytes();
            vertx.executeBlocking(() -> entry(status, headers, tags, identity, ttlMillis, stamp), false).onComplete(built -> {
                EdgeEntry entry = built.succeeded() ? built.result() : null;
                if (built.failed()) {
                    LOG.warnf("Edge cache entry for %s not stored: %s", key, built.cause().toString());
                } else if (!store(key, entry, purgesBefore, stamp, identity)) {
                    entry = null;
                }
                inFlight.remove(key, promise);
                promise.complete(entry);
            });
        }

        @Override
        public void abandon() {
            if (settled) {
                return;
            }
            settled = true;
            inFlight.remove(key, promise);
            promise.complete(null);
        }

        /**
         * stale-if-error: the upstream failed this request before anything was sent; the stale entry it came with
         * (still within its {@code stale-if-error}) is answered instead, to it and to the requests waiting on it.
         * Nothing is stored, and the next request for the key asks the upstream again.
         */
        @Override
        public int answerInstead() {
            long now = System.currentTimeMillis();
            if (settled || fallback == null || !fallback.usableOnError(now) || client.response().ended()
                    || client.response().closed()) {
                return 0;
            }
            int sent = respond(client, key, fallback, now, STALE_IF_ERROR);
            if (sent == GONE) {
                return 0; // it left the cache meanwhile: the error is relayed
            }
            settled = true;
            metrics.edgeCacheRequest("stale-if-error");
            inFlight.remove(key, promise);
            promise.complete(fallback);
            return sent;
        }
    }
}
