package com.motoroctane.catalog.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.bson.conversions.Bson;

import com.mongodb.MongoException;
import com.motoroctane.cache.HttpCaching;
import com.motoroctane.cache.OriginUnavailableException;
import com.motoroctane.cache.ResponseCache;
import com.motoroctane.catalog.cache.CacheKind;
import com.motoroctane.catalog.config.CatalogConfig;
import com.motoroctane.catalog.domain.CursorCodec;
import com.motoroctane.catalog.domain.ListQuery;
import com.motoroctane.catalog.domain.Listing;
import com.motoroctane.catalog.domain.Position;
import com.motoroctane.catalog.domain.SortSpec;

import io.smallrye.mutiny.Uni;

/** What every endpoint does around its own logic: parse paging, key the request, go through the cache. */
@ApplicationScoped
public class Serving {

    private final ResponseCache cache;
    private final HttpCaching caching;
    private final CursorCodec cursors;
    private final CatalogConfig config;

    public Serving(ResponseCache cache, HttpCaching caching, CursorCodec cursors, CatalogConfig config) {
        this.cache = cache;
        this.caching = caching;
        this.cursors = cursors;
        this.config = config;
    }

    Params params(MultivaluedMap<String, String> query) {
        return new Params(query, config.paging());
    }

    CatalogConfig.Paging paging() {
        return config.paging();
    }

    /** Reads sort, fields, limit, page and cursor after the caller has read its filters into {@code params}. */
    ListQuery listQuery(Listing listing, Params params, Bson filter) {
        SortSpec sort = params.sort(listing);
        List<String> fields = new ArrayList<>(shown(listing, params));
        if (!fields.isEmpty() && listing.fields().contains(sort.field()) && !fields.contains(sort.field())) {
            fields.add(sort.field()); // the next cursor is built from it
        }
        String fingerprint = listing.name() + '?' + params.canonical();
        int limit = params.limit();
        int page = params.page();
        String cursor = params.raw("cursor");
        Position after = cursor == null ? null : cursors.decode(cursor, fingerprint);
        return new ListQuery(filter, fingerprint, sort, page, limit, after, List.copyOf(fields));
    }

    /**
     * What each item of a list or batch shows: the fields {@code fields=} names (stored fields or aggregates), else
     * the whole document for {@code view=full}, else the listing's card ({@code view=card}, the default).
     */
    List<String> shown(Listing listing, Params params) {
        List<String> asked = params.fields(listing.fields());
        boolean full = params.fullView(!asked.isEmpty());
        return !asked.isEmpty() ? asked : full ? List.of() : listing.cardFields();
    }

    /** The request's own filters; none is the empty filter ({@code $and} of nothing is not valid). */
    static Bson allOf(List<Bson> filters) {
        return filters.isEmpty() ? com.mongodb.client.model.Filters.empty() : com.mongodb.client.model.Filters.and(filters);
    }

    static String cacheKey(ListQuery query, String cursor) {
        return query.fingerprint() + "limit=" + query.limit()
                + (query.after() == null ? "&page=" + query.page() : "&cursor=" + cursor);
    }

    Uni<Response> serve(CacheKind kind, String canonicalRequest, HttpHeaders headers, Supplier<ResponseCache.Rendered> loader) {
        String key = cache.key(kind.segment(), canonicalRequest);
        int ttl = kind.ttlSeconds(config.cache().ttl());
        return cache.serve(key, ttl, fromStore(loader)).map(served -> caching.respond(served, ttl, headers));
    }

    /**
     * The one place a MongoDB failure becomes "origin unavailable": the cache then answers a stale entry, or
     * a 503 {@code store-unavailable} problem with {@code Retry-After}. Other failures (a 404, a bad
     * parameter) pass through unchanged.
     */
    public static Supplier<ResponseCache.Rendered> fromStore(Supplier<ResponseCache.Rendered> loader) {
        return () -> {
            try {
                return loader.get();
            } catch (MongoException e) {
                throw new OriginUnavailableException("store-unavailable", "Catalogue temporarily unavailable",
                        "The catalogue store did not answer; retry shortly", e);
            }
        };
    }
}
