package com.motoroctane.gateway.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.Problems;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.gateway.ratelimit.Decision;
import com.motoroctane.gateway.ratelimit.RateClass;
import com.motoroctane.gateway.ratelimit.RateLimiter;
import com.motoroctane.gateway.security.ClientAddress;
import com.motoroctane.gateway.security.EdgeAuth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's main path, for everything the routing table covers: route → rate limit → JWT → upstream
 * (bulkhead, breaker, timeouts, retries) → streamed answer. Anything the table does not cover is a 404.
 */
@ApplicationScoped
public class ProxyHandler {

    public static final String ROUTE_KEY = "gateway.route";

    private final RouteTable routes;
    private final Upstreams upstreams;
    private final RateLimiter limiter;
    private final EdgeAuth auth;
    private final ClientAddress clientAddress;
    private final Forwarder forwarder;
    private final Problems problems;
    private final GatewayMetrics metrics;
    private final GatewayConfig.Limits limits;
    private final GatewayConfig.RateLimit rateLimitConfig;
    private final ObjectMapper json;

    public ProxyHandler(RouteTable routes, Upstreams upstreams, RateLimiter limiter, EdgeAuth auth,
                        ClientAddress clientAddress, Forwarder forwarder, Problems problems, GatewayMetrics metrics,
                        GatewayConfig config, ObjectMapper json) {
        this.routes = routes;
        this.upstreams = upstreams;
        this.limiter = limiter;
        this.auth = auth;
        this.clientAddress = clientAddress;
        this.forwarder = forwarder;
        this.problems = problems;
        this.metrics = metrics;
        this.limits = config.limits();
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
        if (tooLarge(request)) {
            problems.send(ctx, Problems.problem(413, "body-too-large", "Request body too large",
                    "Bodies are limited to " + limits.maxBodyBytes() + " bytes"));
            return;
        }
        if (Forwarder.hasBody(request)) {
            request.pause(); // nothing of the body is read until it is piped to the upstream
        }
        RateClass rateClass = limiter.classify(request.path(), request.method()).orElse(null);
        if (rateClass == RateClass.AUTH) {
            readLoginBody(ctx).onSuccess(body -> limitThenForward(ctx, route, rateClass, body))
                    .onFailure(failure -> fail(ctx, failure));
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
        identities.add("ip:" + clientAddress.clientIp(ctx.request()));
        if (rateClass == RateClass.AUTH) {
            String account = account(body);
            if (account != null) {
                identities.add("account:" + account);
            }
        }
        limiter.acquire(rateClass, identities).onComplete(result -> {
            if (result.failed()) {
                fail(ctx, result.cause());
                return;
            }
            Decision decision = result.result();
            rateLimitHeaders(ctx, decision);
            if (!decision.allowed()) {
                ctx.response().putHeader("Retry-After", String.valueOf(decision.resetSeconds()));
                problems.send(ctx, Problems.problem(429, "rate-limited", "Too many requests",
                        "The " + rateClass.key() + " limit of " + decision.limit() + " requests per "
                                + limiter.quota(rateClass).window().toSeconds() + " s is used up; retry in "
                                + decision.resetSeconds() + " s"));
                return;
            }
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
        EdgeAuth.Requirement requirement = auth.requirement(ctx.request().path(), ctx.request().method());
        if (requirement == EdgeAuth.Requirement.NONE) {
            forward(ctx, route, body, onStatus);
            return;
        }
        auth.check(ctx.request(), requirement).onComplete(checked -> {
            if (checked.failed()) {
                if (checked.cause() instanceof ProblemException p && p.status() == 401) {
                    ctx.response().putHeader("WWW-Authenticate", "Bearer");
                }
                metrics.authRejected();
                fail(ctx, checked.cause());
                return;
            }
            forward(ctx, route, body, onStatus);
        });
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
        forwarder.forward(ctx, upstream, body, onStatus);
    }

    /** Logins are tiny; reading one whole is what lets the limiter key it by account as well as by IP. */
    private Future<Buffer> readLoginBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!Forwarder.hasBody(request)) {
            return Future.succeededFuture(null);
        }
        Buffer body = Buffer.buffer();
        io.vertx.core.Promise<Buffer> promise = io.vertx.core.Promise.promise();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > rateLimitConfig.maxAuthBodyBytes()) {
                request.handler(null);
                promise.tryFail(Problems.problem(413, "body-too-large", "Request body too large",
                        "Login bodies are limited to " + rateLimitConfig.maxAuthBodyBytes() + " bytes"));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(promise::tryFail);
        request.endHandler(ignored -> promise.tryComplete(body));
        request.resume();
        return promise.future();
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

    private static void rateLimitHeaders(RoutingContext ctx, Decision decision) {
        var headers = ctx.response().headers();
        headers.set("RateLimit-Limit", String.valueOf(decision.limit()));
        headers.set("RateLimit-Remaining", String.valueOf(decision.remaining()));
        headers.set("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
        headers.set("RateLimit-Policy", decision.policy());
    }

    private boolean tooLarge(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length != null && Long.parseLong(length.trim()) > limits.maxBodyBytes();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof ProblemException p) {
            problems.send(ctx, p);
        } else {
            ctx.fail(failure);
        }
    }
}
