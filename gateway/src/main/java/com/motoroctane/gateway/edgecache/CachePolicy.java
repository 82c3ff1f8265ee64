package com.motoroctane.gateway.edgecache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the edge cache may look up and store, in the manner of a shared HTTP cache (RFC 9111) that only
 * trusts explicit freshness: a request with credentials or a range is never answered from the cache; an
 * answer is stored only with {@code s-maxage} or {@code max-age}, never when {@code private}, {@code no-store}
 * or {@code no-cache}, never with {@code Set-Cookie}, never with a {@code Vary} other than
 * {@code Accept-Encoding} (media negotiation by {@code Accept} stays with media-service and the CDN), and only
 * for the configured statuses.
 */
final class CachePolicy {

    private final GatewayConfig.EdgeCache config;

    CachePolicy(GatewayConfig.EdgeCache config) {
        this.config = config;
    }

    /** GET/HEAD without a body, credentials or a range. */
    static boolean cacheableRequest(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        MultiMap headers = request.headers();
        if (headers.contains("Authorization") || headers.contains("Cookie") || headers.contains("Range")) {
            return false;
        }
        String length = headers.get("Content-Length");
        return !headers.contains("Transfer-Encoding") && (length == null || length.trim().equals("0"));
    }

    /** A request that asks the upstream a question of its own (a validator): relayed as it is, not collapsed. */
    static boolean conditional(HttpServerRequest request) {
        MultiMap headers = request.headers();
        return headers.contains("If-None-Match") || headers.contains("If-Modified-Since")
                || headers.contains("If-Match") || headers.contains("If-Unmodified-Since");
    }

    /**
     * The canonical path (the edge rerouted the request to it) and the query with its parameters in a stable
     * order by name, so {@code ?b=2&a=1} and {@code ?a=1&b=2} share an entry; repeated names keep their order.
     */
    static String key(HttpServerRequest request) {
        String query = request.query();
        if (query == null || query.isEmpty()) {
            return request.path();
        }
        List<String> params = new ArrayList<>();
        for (String param : query.split("&")) {
            if (!param.isEmpty()) {
                params.add(param);
            }
        }
        params.sort(Comparator.comparing(param -> {
            int eq = param.indexOf('=');
            return eq < 0 ? param : param.substring(0, eq);
        }));
        return params.isEmpty() ? request.path() : request.path() + "?" + String.join("&", params);
    }

    /** How long this answer may be served from the edge, in ms; 0 or less: not stored. */
    long ttlMillis(int status, MultiMap headers) {
        if (!config.statuses().contains(status) || headers.contains("Set-Cookie")) {
            return 0;
        }
        String encoding = headers.get("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            return 0;
        }
        for (String vary : headers.getAll("Vary")) {
            for (String name : vary.split(",")) {
                String field = name.trim().toLowerCase(Locale.ROOT);
                if (!field.isEmpty() && !field.equals("accept-encoding")) {
                    return 0;
                }
            }
        }
        Map<String, String> directives = cacheControl(headers.getAll("Cache-Control"));
        if (directives.containsKey("private") || directives.containsKey("no-store") || directives.containsKey("no-cache")) {
            return 0;
        }
        long seconds = seconds(directives.get("s-maxage"));
        if (seconds < 0) {
            seconds = seconds(directives.get("max-age"));
        }
        if (seconds <= 0) {
            return 0;
        }
        long age = Math.max(0, seconds(headers.get("Age")));
        long ttl = Math.min(seconds - age, config.maxTtl().toSeconds()) * 1000;
        if (status == 404) {
            ttl = Math.min(ttl, config.notFoundTtl().toMillis());
        }
        if ("STALE".equalsIgnoreCase(String.valueOf(headers.get("X-Cache")).trim())) {
            ttl = Math.min(ttl, config.staleTtl().toMillis());
        }
        return Math.max(0, ttl);
    }

    /**
     * How long a purged answer may still be given while it is refreshed: the upstream's
     * {@code stale-while-revalidate}, capped by {@code serve-stale-after-purge}; 0 without the directive (a purge
     * then drops the entry, as it always does when the cap is 0).
     */
    long staleAfterPurgeMillis(MultiMap headers) {
        long seconds = seconds(cacheControl(headers.getAll("Cache-Control")).get("stale-while-revalidate"));
        return seconds <= 0 ? 0 : Math.min(seconds * 1000, config.serveStaleAfterPurge().toMillis());
    }

    /**
     * How long a stale answer may still be given when a new one cannot be had: the upstream's
     * {@code stale-if-error}, capped by {@code serve-stale-if-error}; 0 without the directive.
     */
    long staleIfErrorMillis(MultiMap headers) {
        long seconds = seconds(cacheControl(headers.getAll("Cache-Control")).get("stale-if-error"));
        return seconds <= 0 ? 0 : Math.min(seconds * 1000, config.serveStaleIfError().toMillis());
    }

    static Map<String, String> cacheControl(List<String> values) {
        Map<String, String> directives = new HashMap<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String directive = part.trim();
                if (directive.isEmpty()) {
                    continue;
                }
                int eq = directive.indexOf('=');
                String name = (eq < 0 ? directive : directive.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String argument = eq < 0 ? "" : directive.substring(eq + 1).trim().replace("\"", "");
                directives.putIfAbsent(name, argument);
            }
        }
        return directives;
    }

    /** A delta-seconds value, -1 when absent or unreadable. */
    static long seconds(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
