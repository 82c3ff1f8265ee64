package com.motoroctane.gateway.edge;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import com.motoroctane.common.error.ProblemException;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.gateway.security.Cors;
import com.motoroctane.gateway.security.SecurityHeaders;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every request, ahead of load shedding and Quarkus' own endpoints: request id,
 * security and CORS headers (installed so they land on every answer, errors included), the checks
 * that refuse a request before any work is spent on it, and the path canonicalisation every later step
 * relies on ({@link CanonicalPath}).
 */
@Singleton
public class EdgeHandler {

    static final Set<HttpMethod> KNOWN_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String STARTED = "gateway.started";
    private static final String REROUTED = "gateway.rerouted";
    /** Set when the edge passes a request on, and when load shedding has let it through (see {@link #admitted}). */
    private static final String PASSED = "gateway.passed-edge";
    private static final String ADMITTED = "gateway.admitted";

    private final GatewayConfig.Limits limits;
    private final SecurityHeaders securityHeaders;
    private final Cors cors;
    private final Problems problems;
    private final GatewayMetrics metrics;
    private final Compression compression;

    public EdgeHandler(GatewayConfig config, SecurityHeaders securityHeaders, Cors cors, Problems problems,
                       GatewayMetrics metrics, Compression compression) {
        this.limits = config.limits();
        this.securityHeaders = securityHeaders;
        this.cors = cors;
        this.problems = problems;
        this.metrics = metrics;
        this.compression = compression;
    }

    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        decorate(ctx);
        if (ctx.get(STARTED) == null) {
            // a rerouted request passes here twice; Vert.x keeps end handlers across a reroute
            long started = System.nanoTime();
            ctx.put(STARTED, started);
            ctx.addEndHandler(ignored -> metrics.recordRequest(ctx, started));
        }
        refuseOrContinue(ctx, request);
    }

    private void decorate(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.assign(ctx);
        ctx.addHeadersEndHandler(ignored -> {
            var headers = ctx.response().headers();
            headers.set(RequestIds.HEADER, requestId);
            securityHeaders.apply(headers);
            cors.decorate(request, headers);
            compression.apply(ctx, headers);
            if (ctx.response().getStatusCode() == 503 && ctx.get(PASSED) != null && ctx.get(ADMITTED) == null) {
                // shed by quarkus-load-shedding: it ends the response itself with an empty body and offers no
                // hook for one (see README), so this headers-end callback can only add the headers
                headers.set("Retry-After", String.valueOf(Math.max(1, limits.shedRetryAfter().toSeconds())));
                headers.set("Cache-Control", "no-store");
            }
        });
    }

    /** Runs right after load shedding: a request that gets here was not shed. */
    public void admitted(RoutingContext ctx) {
        ctx.put(ADMITTED, Boolean.TRUE);
        ctx.next();
    }

    private void refuseOrContinue(RoutingContext ctx, HttpServerRequest request) {
        if (request.uri().length() > limits.maxUriLength()) {
            problems.send(ctx, Problems.problem(414, "uri-too-long", "URI too long",
                    "The request URI is " + request.uri().length() + " characters; the limit is " + limits.maxUriLength()));
            return;
        }
        int headerBytes = headerBytes(request);
        if (headerBytes > limits.maxHeaderBytes()) {
            problems.send(ctx, Problems.problem(431, "headers-too-large", "Request header fields too large",
                    "The request headers take " + headerBytes + " bytes; the limit is " + limits.maxHeaderBytes()));
            return;
        }
        if (!KNOWN_METHODS.contains(request.method())) {
            ctx.response().putHeader("Allow", ALLOW);
            problems.send(ctx, Problems.problem(405, "method-not-allowed", "Method not allowed",
                    "Method '" + request.method().name() + "' is not supported; use one of " + ALLOW));
            return;
        }
        String canonical;
        try {
            canonical = CanonicalPath.of(request.path());
            CanonicalPath.checkQuery(request.query());
        } catch (ProblemException ambiguous) {
            problems.send(ctx, ambiguous);
            return;
        }
        if (!canonical.equals(request.path())) {
            if (ctx.get(REROUTED) != null) { // never expected: the canonical form is its own canonical form
                problems.send(ctx, Problems.problem(400, "ambiguous-path", "Ambiguous request path",
                        "The request path has no stable canonical form"));
                return;
            }
            ctx.put(REROUTED, Boolean.TRUE);
            // Restart routing with the canonical path: from here on request.path(), request.uri() and the
            // router's own matching all see it, so no later step can read the raw spelling.
            String query = request.query();
            ctx.reroute(canonical + (query == null ? "" : "?" + query));
            return;
        }
        long declared = declaredLength(request);
        if (declared > limits.maxBodyBytes()) {
            problems.send(ctx, Problems.bodyTooLarge(limits.maxBodyBytes(), "The body declares " + declared + " bytes"));
            return;
        }
        if (Cors.isPreflight(request)) {
            if (cors.allowed(request.getHeader("Origin"))) {
                ctx.response().setStatusCode(204).end();
            } else {
                problems.send(ctx, Problems.problem(403, "origin-not-allowed", "Origin not allowed",
                        "Origin '" + request.getHeader("Origin") + "' is not on the CORS allow-list"));
            }
            return;
        }
        ctx.put(PASSED, Boolean.TRUE);
        ctx.next();
    }

    /** The declared Content-Length, -1 when absent; an unreadable one is the codec's business (it refuses it). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int headerBytes(HttpServerRequest request) {
        int total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }
}
