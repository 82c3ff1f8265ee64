package com.motoroctane.gateway.edge;

import java.util.Locale;

import jakarta.inject.Singleton;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * gzip only where it pays: JSON bodies of at least {@code min-bytes} to a client that accepts it. The
 * HTTP server compresses whatever is not marked {@code Content-Encoding: identity} (a marker it removes
 * before sending), so every response is marked unless it was chosen here.
 */
@Singleton
public class Compression {

    private static final String CHOSEN = "gateway.gzip";

    private final GatewayConfig.Compression config;

    public Compression(GatewayConfig config) {
        this.config = config.compression();
    }

    /** Decides for one response; {@code contentLength} is -1 when unknown (streamed), which counts as large. */
    public boolean shouldCompress(RoutingContext ctx, String contentType, String contentEncoding, long contentLength) {
        boolean compress = contentEncoding == null
                && worthCompressing(contentType, contentLength)
                && accepts(ctx.request().getHeader("Accept-Encoding"), "gzip");
        if (compress) {
            ctx.put(CHOSEN, Boolean.TRUE);
        }
        return compress;
    }

    /** Whether a body of this type and length ({@code -1}: unknown, counts as large) is worth a compressed form. */
    public boolean worthCompressing(String contentType, long contentLength) {
        return config.enabled() && isJson(contentType) && (contentLength < 0 || contentLength >= config.minBytes());
    }

    /**
     * Called as the headers are written: anything not chosen leaves uncompressed; a chosen one loses the
     * identity marker Quarkus puts on every response up front.
     */
    void apply(RoutingContext ctx, MultiMap headers) {
        if (Boolean.TRUE.equals(ctx.get(CHOSEN))) {
            if ("identity".equalsIgnoreCase(headers.get("Content-Encoding"))) {
                headers.remove("Content-Encoding");
            }
        } else if (!headers.contains("Content-Encoding")) {
            headers.set("Content-Encoding", "identity");
        }
    }

    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        type = type.trim();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** Whether an Accept-Encoding header takes {@code coding} ({@code gzip}, {@code br}): named or {@code *}, with q > 0. */
    public static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] named = part.trim().split(";", -1); // -1: ";;;" is empty names, not an empty array
            if (named[0].trim().equals(coding) || named[0].trim().equals("*")) {
                return named.length < 2 || !named[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
