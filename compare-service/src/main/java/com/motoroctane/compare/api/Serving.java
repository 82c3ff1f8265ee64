package com.motoroctane.compare.api;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.motoroctane.cache.HttpCaching;
import com.motoroctane.cache.OriginUnavailableException;
import com.motoroctane.cache.ResponseCache;
import com.motoroctane.compare.client.CatalogUnavailableException;
import com.motoroctane.compare.domain.Comparisons;

import io.smallrye.mutiny.Uni;

/** What every endpoint does around its own logic: key the request, go through the response cache, answer with HTTP caching. */
@ApplicationScoped
public class Serving {

    private final ResponseCache cache;
    private final HttpCaching caching;

    public Serving(ResponseCache cache, HttpCaching caching) {
        this.cache = cache;
        this.caching = caching;
    }

    String key(String segment, String canonicalRequest) {
        return cache.key(segment, canonicalRequest);
    }

    /** The served entry, loaded through {@code builder} on a miss. */
    Uni<ResponseCache.Served> served(String key, int ttlSeconds, Supplier<Comparisons.Built> builder) {
        return cache.serve(key, ttlSeconds, fromCatalog(builder));
    }

    Uni<Response> serve(String segment, String canonicalRequest, int ttlSeconds, HttpHeaders headers,
                        Supplier<Comparisons.Built> builder) {
        return served(key(segment, canonicalRequest), ttlSeconds, builder).map(s -> respond(s, ttlSeconds, headers));
    }

    Response respond(ResponseCache.Served served, int ttlSeconds, HttpHeaders headers) {
        return caching.respond(served, ttlSeconds, headers);
    }

    /** Like {@link #serve} but lets {@code adjust} see (and replace) the entry before it is answered. */
    Uni<Response> serve(String key, int ttlSeconds, HttpHeaders headers, Supplier<Comparisons.Built> builder,
                        Function<ResponseCache.Served, ResponseCache.Served> adjust) {
        return served(key, ttlSeconds, builder).map(s -> respond(adjust.apply(s), ttlSeconds, headers));
    }

    /**
     * The one place catalog-service being down becomes "origin unavailable": the cache then answers from a
     * stale entry, or a 503 problem+json with Retry-After. A 404 or a bad parameter passes through unchanged.
     */
    static Supplier<ResponseCache.Rendered> fromCatalog(Supplier<Comparisons.Built> builder) {
        return () -> {
            try {
                Comparisons.Built built = builder.get();
                return new ResponseCache.Rendered(built.body(), String.join(" ", built.tags()));
            } catch (CatalogUnavailableException e) {
                throw new OriginUnavailableException("catalog-unavailable", "Catalogue temporarily unavailable",
                        "catalog-service did not answer; retry shortly", e);
            }
        };
    }
}
