package com.motoroctane.gateway.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.Bodies;
import com.motoroctane.gateway.edge.Problems;
import com.motoroctane.gateway.edgecache.EdgeCache;
import com.motoroctane.gateway.ratelimit.RateClass;
import com.motoroctane.gateway.ratelimit.RateLimiter;
import com.motoroctane.gateway.security.AccessGate;
import com.motoroctane.gateway.security.EdgeAuth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's main path, for everything the routing table covers: route → rate limit → JWT → edge cache → upstream
 * (bulkhead, breaker, timeouts, retries) → streamed answer. Anything the table does not cover is a 404.
 */
@Singleton
public class ProxyHandler {

    public static final String ROUTE_KEY = "gateway.route";

    private final RouteTable routes;
    private final Upstreams upstreams;
    private final RateLimiter limiter;
    private final EdgeAuth auth;
    private final AccessGate gate;
    private final Forwarder forwarder;
    private final EdgeCache edgeCache;
    private final Problems problems;
    private final GatewayConfig.RateLimit rateLimitConfig;
    private final ObjectMapper json;

    public ProxyHandler(RouteTable routes, Upstreams upstreams, RateLimiter limiter, EdgeAuth auth,
                        AccessGate gate, Forwarder forwarder, EdgeCache edgeCache, Problems problems,
                        GatewayConfig config, ObjectMapper json) {
        this.routes = routes;
        this.upstreams = upstreams;
        this.limiter = limiter;
        this.auth = auth;
        this.gate = gate;
        this.forwarder = forwarder;
        this.edgeCache = edgeCache;
        this.problems = problems;
        this.rateLimitConfig = config.rateLimit();
        this.json = json;
    }

    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        RouteTable.Match match = routes.match(request.path(), request.method());
        if (match instanceof RouteTable.NotFound) {
            problems.send(ctx, Problems.problem(404, "not-found", "Not found", "No route for path '" + request.path() + "'"));
            return;
        }
        if (match instanceof RouteTable.MethodNotAllowed notAllowed) {
            ctx.response().putHeader("Allow", String.join(", ", notAllowed.allow()));
            problems.send(ctx, Problems.problem(405, "method-not-allowed", "Method not allowed",
                    "Method '" + request.method().name() + "' is not allowed on '" + request.path() + "'"));
            return;
        }
        RouteTable.Route route = ((RouteTable.Found) match).route();
        ctx.put(ROUTE_KEY, route.name());
        if (Forwarder.hasBody(request)) {
            request.pause(); // nothing of the body is read until it is piped to the upstream
        }
        RateClass rateClass = limiter.classify(request.path(), request.method()).orElse(null);
        if (rateClass == RateClass.AUTH) {
            readLoginBody(ctx).onSuccess(body -> limitThenForward(ctx, route, rateClass, body))
                    .onFailure(failure -> problems.fail(ctx, failure));
        } else {
            limitThenForward(ctx, route, rateClass, null);
        }
    }

    private void limitThenForward(RoutingContext ctx, RouteTable.Route route, RateClass rateClass, Buffer body) {
        if (rateClass == null) {
            authorizeThenForward(ctx, route, body, status -> { });
            return;
        }
        List<String> identities = new ArrayList<>();
        identities.add(gate.clientIdentity(ctx));
        if (rateClass == RateClass.AUTH) {
            String account = account(body);
            if (account != null) {
                identities.add("account:" + account);
            }
        }
        gate.limit(ctx, rateClass, identities, decision -> {
            IntConsumer onStatus = rateClass == RateClass.AUTH
                    ? status -> {
                        if (status < 400) { // only failed logins count
                            limiter.release(rateClass, identities, decision);
                        }
                    }
                    : status -> { };
            authorizeThenForward(ctx, route, body, onStatus);
        });
    }

    private void authorizeThenForward(RoutingContext ctx, RouteTable.Route route, Buffer body, IntConsumer onStatus) {
        gate.authorize(ctx, auth.requirement(ctx.request().path(), ctx.request().method()),
                token -> forward(ctx, route, body, onStatus));
    }

    private void forward(RoutingContext ctx, RouteTable.Route route, Buffer body, IntConsumer onStatus) {
        Upstream upstream = upstreams.get(route.upstream());
        if (!upstream.deployed()) {
            ctx.response().putHeader("Retry-After", "60");
            problems.send(ctx, Problems.problem(503, "service-not-deployed", "Service not deployed",
                    "Service '" + upstream.name() + "' serving '" + route.prefix() + "' is not deployed yet"));
            onStatus.accept(503);
            return;
        }
        if (body == null && edgeCache.handles(ctx.request())) {
            // after the limit and the JWT check: a cached answer is still counted and still needs its token
            String path = ctx.request().path();
            String query = ctx.request().query();
            edgeCache.serve(ctx, onStatus, capture -> forwarder.forward(ctx, upstream, null, onStatus, capture),
                    capture -> forwarder.fetch(upstream, path, query, capture));
            return;
        }
        forwarder.forward(ctx, upstream, body, onStatus);
    }

    /** Logins are tiny; reading one whole is what lets the limiter key it by account as well as by IP. */
    private Future<Buffer> readLoginBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!Forwarder.hasBody(request)) {
            return Future.succeededFuture(null);
        }
        return Bodies.readSmall(request, rateLimitConfig.maxAuthBodyBytes(),
                "A login body is read to key its limit by account, and this one is larger");
    }

    private String account(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            JsonNode field = json.readTree(body.getBytes()).get(rateLimitConfig.accountField());
            return field == null || !field.isTextual() || field.asText().isBlank() ? null
                    : field.asText().trim().toLowerCase(Locale.ROOT);
        } catch (java.io.IOException | RuntimeException malformed) {
            return null; // the service answers the malformed body with its own 400
        }
    }

}
