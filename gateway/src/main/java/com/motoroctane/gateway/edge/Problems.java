package com.motoroctane.gateway.edge;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.error.Problem;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the gateway's own answers as application/problem+json, using the platform's {@link Problem}
 * record so a client sees one error format whether the gateway or a service refused it.
 */
@Singleton
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    private final ObjectMapper json;
    private final Vertx vertx;
    private final long drainMillis;

    public Problems(ObjectMapper json, Vertx vertx, GatewayConfig config) {
        this.json = json;
        this.vertx = vertx;
        this.drainMillis = config.limits().drainTimeout().toMillis();
    }

    public static ProblemException problem(int status, String slug, String title, String detail) {
        return new ProblemException(status, slug, title, detail, null);
    }

    /** 413, for a declared length or for bytes counted while a body streams. */
    public static ProblemException bodyTooLarge(long limit, String what) {
        return problem(413, "body-too-large", "Request body too large",
                what + "; request bodies are limited to " + limit + " bytes");
    }

    /** Failure handler for every route: whatever failed leaves as problem+json. */
    public void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ProblemException p) {
            send(ctx, p);
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(failure, "Unhandled failure on %s (request %s)", ctx.request().path(), RequestIds.of(ctx));
        }
        String title = status >= 500 ? "Internal error" : io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        send(ctx, problem(status, status >= 500 ? "internal" : "http-" + status, title,
                status >= 500 ? "The request could not be completed; it has been logged" : title));
    }

    /** A refusal the gateway words itself is sent as problem+json; anything else is the router's failure to handle. */
    public void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof ProblemException p) {
            send(ctx, p);
        } else {
            ctx.fail(failure);
        }
    }

    public void send(RoutingContext ctx, ProblemException p) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            // the answer was already streaming: the only honest signal left is cutting the connection
            if (!response.closed() && !response.ended()) {
                response.reset();
            }
            return;
        }
        Problem body = new Problem(p.type(), p.title(), p.status(), p.getMessage(), ctx.request().path(),
                p.parameter(), RequestIds.of(ctx));
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"status\":" + p.status() + "}";
        }
        drainUnreadBody(ctx.request(), response);
        response.setStatusCode(p.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(ctx.request().method() == io.vertx.core.http.HttpMethod.HEAD ? "" : text);
    }

    /**
     * A refused request may still have a body on the wire. It is read away (discarded, never buffered) so
     * the client, still sending, gets to read the answer instead of a reset; the connection closes once the
     * client is done, or after the drain timeout for one that never stops.
     */
    private void drainUnreadBody(HttpServerRequest request, HttpServerResponse response) {
        if (!request.isEnded()) {
            response.putHeader("Connection", "close");
            request.handler(ignored -> { });
            if (request.version() != HttpVersion.HTTP_2) { // an HTTP/2 stream ends on its own, the connection stays
                long timer = vertx.setTimer(drainMillis, id -> request.connection().close());
                request.endHandler(ignored -> vertx.cancelTimer(timer));
            }
            request.resume();
        }
    }
}
