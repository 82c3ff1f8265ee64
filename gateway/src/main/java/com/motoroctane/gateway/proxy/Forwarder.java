package com.motoroctane.gateway.proxy;

import java.net.ConnectException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.Compression;
import com.motoroctane.gateway.edge.Problems;
import com.motoroctane.gateway.monitoring.GatewayMetrics;
import com.motoroctane.gateway.security.ClientAddress;
import com.motoroctane.invalidation.InvalidationStamp;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.TooLongFrameException;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.RoutingContext;

/**
 * Streams a request to its upstream and the answer back, never holding a whole body: the request body
 * is piped as it arrives and the response body is relayed as the upstream sends it. Around each call: the
 * upstream's bulkhead and breaker, timeouts, and retries with backoff for GET/HEAD only.
 */
@Singleton
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    /** RFC 9110 hop-by-hop headers, plus those the gateway owns (CORS, compression, forwarding). */
    private static final Set<String> NOT_FORWARDED_REQUEST = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect", "host",
            "accept-encoding", "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port");
    private static final Set<String> NOT_FORWARDED_RESPONSE = Set.of("connection", "keep-alive", "proxy-connection",
            "te", "trailer", "transfer-encoding", "upgrade", "server", "x-powered-by",
            "access-control-allow-origin", "access-control-allow-credentials", "access-control-expose-headers",
            "access-control-allow-methods", "access-control-allow-headers", "access-control-max-age",
            InvalidationStamp.HEADER.toLowerCase(Locale.ROOT));

    /** Whether a response header of the upstream is relayed to the client (hop-by-hop and CORS ones are not). */
    public static boolean relayed(String headerName) {
        return !NOT_FORWARDED_RESPONSE.contains(headerName.toLowerCase(Locale.ROOT));
    }

    private final ClientAddress clientAddress;
    private final Problems problems;
    private final GatewayMetrics metrics;
    private final Compression compression;
    private final Vertx vertx;
    private final long maxBodyBytes;
    /**
     * The trace-context headers (W3C traceparent, tracestate, baggage) when tracing is on: the caller's are not
     * copied, as Quarkus' Vert.x client instrumentation writes the gateway's own span context (a child of the
     * caller's) and a copy would be a second, stale traceparent. Empty when tracing is off: the
     * instrumentation then writes nothing and the caller's headers pass untouched, like any header, so the
     * services behind still join the caller's trace.
     */
    private final Set<String> traceContextHeaders;

    public Forwarder(ClientAddress clientAddress, Problems problems, GatewayMetrics metrics, Compression compression,
                     Vertx vertx, GatewayConfig config, OpenTelemetry openTelemetry,
                     @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean tracingOff) {
        this.clientAddress = clientAddress;
        this.problems = problems;
        this.metrics = metrics;
        this.compression = compression;
        this.vertx = vertx;
        this.maxBodyBytes = config.limits().maxBodyBytes();
        this.traceContextHeaders = tracingOff ? Set.of()
                : openTelemetry.getPropagators().getTextMapPropagator().fields().stream()
                        .map(field -> field.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Forwards the request. {@code body} is the already-read body for the few requests the gateway must
     * look into (logins), otherwise null and the body is streamed. {@code onStatus} gets the status the
     * client was answered with.
     */
    public void forward(RoutingContext ctx, Upstream upstream, Buffer body, IntConsumer onStatus) {
        forward(ctx, upstream, body, onStatus, null);
    }

    /** As {@link #forward(RoutingContext, Upstream, Buffer, IntConsumer)}, with a copy of the answer to {@code capture}. */
    public void forward(RoutingContext ctx, Upstream upstream, Buffer body, IntConsumer onStatus, ResponseCapture capture) {
        if (!upstream.enter()) {
            metrics.upstreamError(upstream.name(), "saturated");
            int instead = capture == null ? 0 : capture.answerInstead();
            if (instead > 0) {
                onStatus.accept(instead);
                return;
            }
            if (capture != null) {
                capture.abandon();
            }
            ctx.response().putHeader("Retry-After", "1");
            problems.send(ctx, Problems.problem(503, "upstream-saturated", "Service busy",
                    "Service '" + upstream.name() + "' has too many requests in flight; retry shortly"));
            onStatus.accept(503);
            return;
        }
        new Call(ctx, upstream, body, onStatus, capture).attempt();
    }

    /**
     * A GET of {@code path?query} for the edge cache alone, with no client waiting (the refresh of a purged
     * entry): the answer goes to {@code capture} only. Under the upstream's bulkhead and breaker like any call,
     * never retried (the next request for the key asks again); when the upstream is saturated, has
     * {@code max-refreshes} of them in flight already, its breaker open or its answer unusable, the capture is
     * abandoned and the stale entry keeps being answered until it expires.
     */
    public void fetch(Upstream upstream, String path, String query, ResponseCapture capture) {
        if (!upstream.deployed() || !upstream.enterRefresh()) {
            capture.abandon();
            return;
        }
        if (!upstream.enter()) {
            upstream.leaveRefresh();
            capture.abandon();
            return;
        }
        metrics.edgeCacheRefresh();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(upstream.basePath() + path + (query == null ? "" : "?" + query))
                .setConnectTimeout(upstream.config().connectTimeout().toMillis())
                .setIdleTimeout(upstream.config().readTimeout().toMillis());
        boolean[] done = {false}; // the capture is settled and the bulkhead slot released
        Runnable settle = () -> {
            if (!done[0]) {
                done[0] = true;
                upstream.leave();
                upstream.leaveRefresh();
            }
        };
        upstream.breaker().call(verdict -> upstream.client().request(options)
                .compose(request -> request.send())
                .onComplete(sent -> {
                    if (sent.failed()) {
                        metrics.upstreamError(upstream.name(), kind(sent.cause()));
                        capture.abandon();
                        settle.run();
                        verdict.completeExceptionally(sent.cause());
                        return;
                    }
                    HttpClientResponse response = sent.result();
                    int status = response.statusCode();
                    if (!capture.begin(status, response.headers())) {
                        capture.abandon();
                        settle.run();
                    }
                    response.handler(chunk -> {
                        if (!done[0] && !capture.chunk(chunk)) {
                            capture.abandon();
                            settle.run();
                        }
                    });
                    response.exceptionHandler(failure -> {
                        metrics.upstreamError(upstream.name(), "broken-body");
                        capture.abandon();
                        settle.run();
                        verdict.completeExceptionally(failure);
                    });
                    response.endHandler(ignored -> {
                        if (!done[0]) {
                            capture.end();
                            settle.run();
                        }
                        if (GATEWAY_FAILURES.contains(status)) {
                            verdict.completeExceptionally(new UpstreamStatus(status));
                        } else {
                            verdict.complete(null);
                        }
                    });
                })).whenComplete((ignored, failure) -> {
                    if (failure != null && !done[0]) { // the breaker is open: the call never ran
                        capture.abandon();
                        settle.run();
                    }
                });
    }

    private void rejectOpenBreaker(RoutingContext ctx, Upstream upstream) {
        ctx.response().putHeader("Retry-After", String.valueOf(upstream.breaker().retryAfterSeconds()));
        metrics.upstreamError(upstream.name(), "circuit-open");
        problems.send(ctx, Problems.problem(503, "circuit-open", "Service unavailable",
                "Service '" + upstream.name() + "' is failing; the gateway stopped calling it for a while"));
    }

    /** One proxied exchange, with its retries; each attempt is one call under the upstream's breaker. */
    private final class Call {
        final RoutingContext ctx;
        final HttpServerRequest request;
        final Upstream upstream;
        final Buffer body;
        final IntConsumer onStatus;
        final boolean idempotent;
        final boolean hasBody;
        int attempt;
        /** The client has its answer (or is gone) and the bulkhead slot is released. */
        boolean finished;
        boolean clientLeft;
        HttpClientRequest current;
        /** The breaker's verdict on the attempt in progress; the first decision stands. */
        CompletableFuture<Void> verdict;
        /** Body bytes received from the client so far, counted whatever Content-Length said. */
        long bodyBytes;
        /** Who gets a copy of the answer; null when nobody (or no longer) wants one. */
        ResponseCapture capture;

        Call(RoutingContext ctx, Upstream upstream, Buffer body, IntConsumer onStatus, ResponseCapture capture) {
            this.ctx = ctx;
            this.capture = capture;
            this.request = ctx.request();
            this.upstream = upstream;
            this.body = body;
            this.onStatus = onStatus;
            this.hasBody = body != null || hasBody(request);
            this.idempotent = (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) && !hasBody;
            ctx.response().closeHandler(ignored -> clientGone());
        }

        void attempt() {
            upstream.breaker().call(this::exchange).whenComplete((ignored, failure) -> {
                Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failure;
                if (cause instanceof CircuitBreakerOpenException && !finished) {
                    int instead = answeredInstead();
                    if (instead > 0) {
                        metrics.upstreamError(upstream.name(), "circuit-open");
                        finish(instead);
                        return;
                    }
                    abandonCapture();
                    rejectOpenBreaker(ctx, upstream);
                    finish(503);
                }
            });
        }

        void exchange(CompletableFuture<Void> verdict) {
            this.verdict = verdict;
            RequestOptions options = new RequestOptions()
                    .setMethod(request.method())
                    // path() is the canonical path (EdgeHandler rerouted to it); the query goes on untouched
                    .setURI(upstream.basePath() + request.path() + (request.query() == null ? "" : "?" + request.query()))
                    .setConnectTimeout(upstream.config().connectTimeout().toMillis())
                    .setIdleTimeout(upstream.config().readTimeout().toMillis())
                    .setHeaders(upstreamHeaders());
            upstream.client().request(options).onComplete(created -> {
                if (finished) {
                    if (created.succeeded()) {
                        created.result().reset();
                    }
                    return;
                }
                if (created.failed()) {
                    failedBeforeResponse(created.cause());
                    return;
                }
                HttpClientRequest upstreamRequest = created.result();
                current = upstreamRequest;
                if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && !ctx.response().headWritten()) {
                    ctx.response().writeContinue();
                }
                var sent = body != null ? upstreamRequest.send(body)
                        : hasBody ? streamBody(upstreamRequest)
                        : upstreamRequest.send();
                sent.onComplete(answered -> {
                    if (finished) {
                        return;
                    }
                    if (answered.failed()) {
                        failedBeforeResponse(answered.cause());
                    } else {
                        respond(answered.result());
                    }
                });
            });
        }

        /**
         * Relays the client's body as it arrives, with back-pressure, counting bytes: past the limit the
         * relay stops, the upstream request is reset (it never sees a complete oversized body) and the
         * client gets a 413. Nothing is buffered beyond what is in flight.
         */
        io.vertx.core.Future<HttpClientResponse> streamBody(HttpClientRequest upstreamRequest) {
            if (upstreamRequest.headers().get("Content-Length") == null) {
                upstreamRequest.setChunked(true);
            }
            request.handler(chunk -> {
                bodyBytes += chunk.length();
                if (bodyBytes > maxBodyBytes) {
                    bodyTooLarge(upstreamRequest);
                    return;
                }
                upstreamRequest.write(chunk);
                if (upstreamRequest.writeQueueFull()) {
                    request.pause();
                    upstreamRequest.drainHandler(ignored -> request.resume());
                }
            });
            request.endHandler(ignored -> {
                if (bodyBytes <= maxBodyBytes) {
                    upstreamRequest.end();
                }
            });
            // the client broke its own body: no verdict on the upstream
            request.exceptionHandler(failure -> clientGone());
            request.resume();
            return upstreamRequest.response();
        }

        void bodyTooLarge(HttpClientRequest upstreamRequest) {
            request.handler(ignored -> { }); // whatever else comes is read away, never relayed
            abandonCapture();
            decide(new UpstreamBreaker.Abandoned("request body over the limit"));
            if (!finished) {
                problems.send(ctx, Problems.bodyTooLarge(maxBodyBytes,
                        "The body streamed more than " + maxBodyBytes + " bytes"));
                finish(413);
            } else if (!ctx.response().ended()) {
                ctx.response().reset(); // the answer had already begun: cutting it is the only signal left
            }
            upstreamRequest.reset(); // after finish(): the failure this causes must not read as the upstream's
        }

        MultiMap upstreamHeaders() {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            String connectionTokens = String.valueOf(request.getHeader("Connection")).toLowerCase(Locale.ROOT);
            request.headers().forEach(header -> {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!NOT_FORWARDED_REQUEST.contains(name) && !connectionTokens.contains(name)
                        && !traceContextHeaders.contains(name)) {
                    headers.add(header.getKey(), header.getValue());
                }
            });
            boolean trusted = clientAddress.peerIsTrusted(request);
            String host = request.authority() == null ? null : request.authority().toString();
            headers.set("X-Forwarded-For", clientAddress.forwardedFor(request));
            headers.set("X-Forwarded-Proto", trusted && request.getHeader("X-Forwarded-Proto") != null
                    ? request.getHeader("X-Forwarded-Proto") : request.scheme());
            if (trusted && request.getHeader("X-Forwarded-Host") != null) {
                headers.set("X-Forwarded-Host", request.getHeader("X-Forwarded-Host"));
            } else if (host != null) {
                headers.set("X-Forwarded-Host", host);
            }
            if (trusted && request.getHeader("X-Forwarded-Port") != null) {
                headers.set("X-Forwarded-Port", request.getHeader("X-Forwarded-Port"));
            } else if (request.localAddress() != null) {
                headers.set("X-Forwarded-Port", String.valueOf(request.localAddress().port()));
            }
            if (body != null) {
                headers.set("Content-Length", String.valueOf(body.length()));
            }
            return headers;
        }

        void respond(HttpClientResponse response) {
            int status = response.statusCode();
            metrics.cacheOutcome(response.getHeader("X-Cache"));
            Throwable failed = null;
            if (status >= 500) {
                metrics.upstreamError(upstream.name(), "status-" + status);
            }
            if (GATEWAY_FAILURES.contains(status)) {
                failed = new UpstreamStatus(status);
                if (idempotent && (status == 502 || status == 503) && retry(failed)) {
                    response.body(); // drain so the connection goes back to the pool
                    return;
                }
            }
            if (status == 500 || GATEWAY_FAILURES.contains(status)) {
                int instead = answeredInstead();
                if (instead > 0) {
                    response.body(); // drained, never relayed
                    decide(failed);
                    finish(instead);
                    return;
                }
            }
            HttpServerResponse out = ctx.response();
            if (out.closed()) {
                clientGone();
                return;
            }
            out.setStatusCode(status);
            if (response.statusMessage() != null) {
                out.setStatusMessage(response.statusMessage());
            }
            response.headers().forEach(header -> {
                if (!NOT_FORWARDED_RESPONSE.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    out.headers().add(header.getKey(), header.getValue());
                }
            });
            boolean bodyless = request.method() == HttpMethod.HEAD || status == 204 || status == 304;
            if (capture != null && (bodyless || !capture.begin(status, response.headers()))) {
                abandonCapture();
            }
            if (!bodyless && compression.shouldCompress(ctx, response.getHeader("Content-Type"),
                    response.getHeader("Content-Encoding"), contentLength(response))) {
                out.headers().remove("Content-Length");
                out.setChunked(true);
            } else if (!bodyless && response.getHeader("Content-Length") == null) {
                out.setChunked(true);
            }
            Throwable outcome = failed;
            if (bodyless) {
                response.body().onComplete(ignored -> {
                    decide(outcome);
                    out.end();
                });
            } else {
                relay(response, out, outcome);
            }
            finish(status);
        }

        /**
         * Streams the body with back-pressure. Unlike a pipe, it knows which side broke: the client leaving
         * is {@link #clientGone()} (no verdict on the upstream), only a failure of the upstream's own stream
         * counts against its breaker.
         */
        void relay(HttpClientResponse response, HttpServerResponse out, Throwable outcome) {
            response.handler(chunk -> {
                if (capture != null && !capture.chunk(chunk)) {
                    abandonCapture();
                }
                out.write(chunk);
                if (out.writeQueueFull()) {
                    response.pause();
                    out.drainHandler(ignored -> response.resume());
                }
            });
            response.exceptionHandler(failure -> {
                if (clientLeft) {
                    return; // our own reset of the upstream request after the client went away
                }
                metrics.upstreamError(upstream.name(), "broken-body");
                abandonCapture();
                decide(failure);
                // the status line is already out; cutting the connection is the only way to say "incomplete"
                out.reset();
            });
            response.endHandler(ignored -> {
                decide(outcome);
                if (capture != null) {
                    ResponseCapture complete = capture;
                    capture = null;
                    complete.end();
                }
                out.end();
            });
        }

        void failedBeforeResponse(Throwable failure) {
            String kind = kind(failure);
            metrics.upstreamError(upstream.name(), kind);
            if ("headers-too-large".equals(kind)) {
                // a deterministic answer (the same request gets the same headers), not an unwell upstream:
                // no retry, and a success as far as the breaker is concerned
                decide(null);
                abandonCapture();
                LOG.warnf("Upstream %s answered %s %s with headers over %d bytes", upstream.name(), request.method(),
                        request.path(), upstream.config().maxHeaderSize());
                problems.send(ctx, Problems.problem(502, "upstream-headers-too-large", "Bad gateway",
                        "Service '" + upstream.name() + "' answered with response headers larger than the gateway's limit of "
                                + upstream.config().maxHeaderSize() + " bytes (upstream response headers too large)"));
                finish(502);
                return;
            }
            if (idempotent && !"timeout".equals(kind) && retry(failure)) {
                return;
            }
            decide(failure);
            LOG.debugf("Upstream %s failed (%s) for %s %s: %s", upstream.name(), kind, request.method(), request.path(), failure);
            int status = switch (kind) {
                case "timeout" -> 504;
                case "reset" -> 502;
                default -> 503;
            };
            int instead = answeredInstead();
            if (instead > 0) {
                finish(instead);
                return;
            }
            abandonCapture();
            if (status == 503) {
                ctx.response().putHeader("Retry-After", "1");
            }
            problems.send(ctx, switch (kind) {
                case "timeout" -> Problems.problem(504, "upstream-timeout", "Upstream timeout",
                        "Service '" + upstream.name() + "' did not answer within " + upstream.config().readTimeout().toMillis() + " ms");
                case "reset" -> Problems.problem(502, "upstream-reset", "Bad gateway",
                        "Service '" + upstream.name() + "' closed the connection without an answer");
                default -> Problems.problem(503, "upstream-unavailable", "Service unavailable",
                        "Service '" + upstream.name() + "' cannot be reached");
            });
            finish(status);
        }

        /**
         * Counts the failed attempt and schedules the next one after an exponential backoff with jitter;
         * false when none is left. The next attempt must get past the breaker like any call.
         */
        boolean retry(Throwable failure) {
            if (attempt >= upstream.config().retries() || clientLeft || ctx.response().closed()) {
                return false;
            }
            decide(failure);
            long base = upstream.config().retryBackoff().toMillis() << attempt;
            long delay = Math.max(1, base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
            attempt++;
            metrics.retry(upstream.name());
            vertx.setTimer(delay, id -> {
                if (!finished) {
                    attempt();
                }
            });
            return true;
        }

        /** Settles the current attempt for the breaker: healthy when {@code failure} is null. */
        void decide(Throwable failure) {
            if (verdict == null) {
                return;
            }
            if (failure == null) {
                verdict.complete(null);
            } else {
                verdict.completeExceptionally(failure);
            }
        }

        void clientGone() {
            if (clientLeft) {
                return;
            }
            clientLeft = true;
            abandonCapture();
            decide(new UpstreamBreaker.Abandoned());
            if (!finished) {
                finished = true; // before the reset below, whose failure must not read as the upstream's
                upstream.leave();
                onStatus.accept(499);
            }
            if (current != null) {
                current.reset(); // stop the upstream's work; a no-op once its answer is complete
            }
        }

        /** The capture's answer in place of this error ({@link ResponseCapture#answerInstead}): its status, or 0. */
        int answeredInstead() {
            if (capture == null || clientLeft) {
                return 0;
            }
            int sent = capture.answerInstead();
            if (sent > 0) {
                capture = null;
            }
            return sent;
        }

        void abandonCapture() {
            if (capture != null) {
                ResponseCapture abandoned = capture;
                capture = null;
                abandoned.abandon();
            }
        }

        void finish(int status) {
            if (!finished) {
                finished = true;
                upstream.leave();
                onStatus.accept(status);
            }
        }
    }

    /**
     * Answers that mean "the upstream is unwell", as Envoy's consecutive_gateway_failure counts them (with
     * connect failures, timeouts and resets). A 500 is not among them: client input can cause one, so
     * counting it would let anyone open the breaker for everybody.
     */
    static final Set<Integer> GATEWAY_FAILURES = Set.of(502, 503, 504);

    /** A 502/503/504 answer: relayed to the client, but a failure for the breaker. */
    static final class UpstreamStatus extends RuntimeException {
        UpstreamStatus(int status) {
            super("upstream answered " + status, null, false, false);
        }
    }

    private static long contentLength(HttpClientResponse response) {
        String length = response.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || length != null && !length.trim().equals("0");
    }

    static String kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLongFrameException) {
                return "headers-too-large";
            }
            if (t instanceof ConnectTimeoutException || t instanceof ConnectException) {
                return "connect";
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "timeout";
            }
            if (t instanceof HttpClosedException || t instanceof StreamResetException || t instanceof java.io.IOException) {
                return "reset";
            }
        }
        return "connect";
    }
}
