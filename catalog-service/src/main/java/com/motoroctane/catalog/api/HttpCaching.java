package com.motoroctane.catalog.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.motoroctane.catalog.cache.CacheKind;
import com.motoroctane.catalog.cache.CachedResponse;
import com.motoroctane.catalog.cache.ResponseCache;
import com.motoroctane.catalog.config.CatalogConfig;
import com.motoroctane.common.http.ETags;

/**
 * Turns a served cache entry into an HTTP response a browser and a CDN can hold: strong ETag with 304
 * on a matching If-None-Match, Cache-Control with stale-while-revalidate/stale-if-error, X-Cache,
 * X-Cache-TTL and the surrogate keys a CDN purges by.
 */
@ApplicationScoped
public class HttpCaching {

    private final CatalogConfig.Cache config;

    public HttpCaching(CatalogConfig config) {
        this.config = config.cache();
    }

    public Response respond(ResponseCache.Served served, CacheKind kind, HttpHeaders request) {
        CachedResponse entry = served.response();
        int ttl = kind.ttlSeconds(config.ttl());
        boolean notModified = ETags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), entry.etag());
        Response.ResponseBuilder response = notModified
                ? Response.notModified()
                : Response.ok(entry.body(), MediaType.APPLICATION_JSON_TYPE);
        return response
                .header(HttpHeaders.ETAG, entry.etag())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + Math.min(ttl, config.browserMaxAge())
                        + ", s-maxage=" + ttl
                        + ", stale-while-revalidate=" + config.staleWhileRevalidate()
                        + ", stale-if-error=" + config.staleIfError())
                .header("X-Cache", served.source().name())
                .header("X-Cache-TTL", entry.remainingSeconds(System.currentTimeMillis()))
                .header(config.surrogateKeyHeader(), entry.surrogateKeys())
                .header(HttpHeaders.VARY, "Accept-Encoding")
                .build();
    }
}
