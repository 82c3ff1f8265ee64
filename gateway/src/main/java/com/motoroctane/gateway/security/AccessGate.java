package com.motoroctane.gateway.security;

import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.motoroctane.common.error.ProblemException;
import com.motoroctane.gateway.edge.Problems;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.gateway.ratelimit.Decision;
import com.motoroctane.gateway.ratelimit.RateClass;
import com.motoroctane.gateway.ratelimit.RateLimiter;

import io.vertx.ext.web.RoutingContext;

/**
 * The two checks every request passes, proxied or answered by the gateway itself: its rate-limit class
 * and the JWT its path requires. Both answer the refusal themselves (429, 401, 403 as problem+json) and
 * call the continuation only when the request may go on.
 */
@Singleton
public class AccessGate {

    private final RateLimiter limiter;
    private final EdgeAuth auth;
    private final ClientAddress clientAddress;
    private final Problems problems;
    private final GatewayMetrics metrics;

    public AccessGate(RateLimiter limiter, EdgeAuth auth, ClientAddress clientAddress, Problems problems,
                      GatewayMetrics metrics) {
        this.limiter = limiter;
        this.auth = auth;
        this.clientAddress = clientAddress;
        this.problems = problems;
        this.metrics = metrics;
    }

    /**
     * Route handler for the gateway's own endpoints on the public port ({@code /api/monitoring/*},
     * {@code /q/*}): limited like any public read or write, then the path's JWT requirement.
     */
    public void ownEndpoint(RoutingContext ctx) {
        var request = ctx.request();
        RateClass rateClass = limiter.classify(request.path(), request.method()).orElse(null);
        Runnable authorizeThenNext = () -> authorize(ctx, auth.requirement(request.path(), request.method()),
                token -> ctx.next());
        if (rateClass == null) {
            authorizeThenNext.run();
        } else {
            limit(ctx, rateClass, List.of(clientIdentity(ctx)), decision -> authorizeThenNext.run());
        }
    }

    public String clientIdentity(RoutingContext ctx) {
        return "ip:" + clientAddress.clientIp(ctx.request());
    }

    /** Counts the request against {@code identities}; {@code allowed} runs only within the budget. */
    public void limit(RoutingContext ctx, RateClass rateClass, List<String> identities, Consumer<Decision> allowed) {
        limiter.acquire(rateClass, identities).onComplete(result -> {
            if (result.failed()) {
                problems.fail(ctx, result.cause());
                return;
            }
            Decision decision = result.result();
            var headers = ctx.response().headers();
            headers.set("RateLimit-Limit", String.valueOf(decision.limit()));
            headers.set("RateLimit-Remaining", String.valueOf(decision.remaining()));
            headers.set("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
            headers.set("RateLimit-Policy", decision.policy());
            if (!decision.allowed()) {
                headers.set("Retry-After", String.valueOf(decision.resetSeconds()));
                problems.send(ctx, Problems.problem(429, "rate-limited", "Too many requests",
                        "The " + rateClass.key() + " limit of " + decision.limit() + " requests per "
                                + limiter.quota(rateClass).window().toSeconds() + " s is used up; retry in "
                                + decision.resetSeconds() + " s"));
                return;
            }
            allowed.accept(decision);
        });
    }

    /** Checks the token {@code requirement} asks for; {@code allowed} gets it (null when none is needed). */
    public void authorize(RoutingContext ctx, EdgeAuth.Requirement requirement, Consumer<JsonWebToken> allowed) {
        if (requirement == EdgeAuth.Requirement.NONE) {
            allowed.accept(null);
            return;
        }
        auth.check(ctx.request(), requirement).onComplete(checked -> {
            if (checked.failed()) {
                if (checked.cause() instanceof ProblemException p && p.status() == 401) {
                    ctx.response().putHeader("WWW-Authenticate", "Bearer");
                }
                metrics.authRejected();
                problems.fail(ctx, checked.cause());
                return;
            }
            allowed.accept(checked.result());
        });
    }

    /**
     * For endpoints whose answer depends on who asks: true (to {@code then}) only when the request presents
     * a token that passes the admin check. Presenting none, or one that fails, is not an error here: the
     * caller answers with its public variant.
     */
    public void isAdmin(RoutingContext ctx, Consumer<Boolean> then) {
        if (EdgeAuth.token(ctx.request()) == null) {
            then.accept(false);
            return;
        }
        auth.check(ctx.request(), EdgeAuth.Requirement.ADMIN).onComplete(checked -> then.accept(checked.succeeded()));
    }

}
