package com.motoroctane.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.motoroctane.common.http.ETags;

/**
 * Turns a served cache entry into an HTTP response a browser and a CDN can hold: strong ETag with 304
 * on a matching If-None-Match, Cache-Control with stale-while-revalidate/stale-if-error, X-Cache,
 * X-Cache-TTL and the surrogate keys a CDN purges by.
 */
@ApplicationScoped
public class HttpCaching {

    private final ResponseCacheConfig config;

    public HttpCaching(ResponseCacheConfig config) {
        this.config = config;
    }

    /**
     * @param ttlSeconds the entry's L2 TTL, the one given to {@link ResponseCache#serve}: {@code s-maxage},
     *                   and {@code max-age} up to {@code response-cache.browser-max-age}
     * @param request    the request's headers ({@code If-None-Match})
     */
    public Response respond(ResponseCache.Served served, int ttlSeconds, HttpHeaders request) {
        CachedResponse entry = served.response();
        boolean notModified = ETags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), entry.etag());
        Response.ResponseBuilder response = notModified
                ? Response.notModified()
                : Response.ok(entry.body(), MediaType.APPLICATION_JSON_TYPE);
        return response
                .header(HttpHeaders.ETAG, entry.etag())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + Math.min(ttlSeconds, config.browserMaxAge())
                        + ", s-maxage=" + ttlSeconds
                        + ", stale-while-revalidate=" + config.staleWhileRevalidate()
                        + ", stale-if-error=" + config.staleIfError())
                .header("X-Cache", served.source().name())
                .header("X-Cache-TTL", entry.remainingSeconds(System.currentTimeMillis()))
                .header(config.surrogateKeyHeader(), entry.surrogateKeys())
                .header(HttpHeaders.VARY, "Accept-Encoding")
                .build();
    }
}
