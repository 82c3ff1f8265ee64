package com.motoroctane.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * One id per request, from the client's {@code X-Request-Id} when it is a sane token, otherwise new. It
 * goes to the upstream, back to the client, into the access log and into problem+json bodies.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "gateway.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Assigns the id and writes it back onto the request headers, where the access log reads it. */
    static String assign(RoutingContext ctx) {
        String incoming = ctx.request().getHeader(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.request().headers().set(HEADER, id);
        return id;
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id != null ? id : ctx.request().getHeader(HEADER);
    }
}
