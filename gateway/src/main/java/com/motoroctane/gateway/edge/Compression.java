package com.motoroctane.gateway.edge;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * gzip only where it pays: JSON bodies of at least {@code min-bytes} to a client that accepts it. The
 * HTTP server compresses whatever is not marked {@code Content-Encoding: identity} (a marker it removes
 * before sending), so every response is marked unless it was chosen here.
 */
@ApplicationScoped
public class Compression {

    private static final String CHOSEN = "gateway.gzip";

    private final GatewayConfig.Compression config;

    public Compression(GatewayConfig config) {
        this.config = config.compression();
    }

    /** Decides for one response; {@code contentLength} is -1 when unknown (streamed), which counts as large. */
    public boolean shouldCompress(RoutingContext ctx, String contentType, String contentEncoding, long contentLength) {
        boolean compress = config.enabled()
                && contentEncoding == null
                && isJson(contentType)
                && (contentLength < 0 || contentLength >= config.minBytes())
                && acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
        if (compress) {
            ctx.put(CHOSEN, Boolean.TRUE);
        }
        return compress;
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

    static boolean isJson(String contentType) {
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

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equals("gzip") || coding[0].trim().equals("*")) {
                return coding.length < 2 || !coding[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
