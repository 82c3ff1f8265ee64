package com.motoroctane.gateway.edge;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** The few request bodies the gateway reads whole itself (a login, an edge-cache purge), always small. */
public final class Bodies {

    private Bodies() {
    }

    /**
     * Reads the (paused) request's body; over {@code maxBytes} fails with a 413 problem whose detail says
     * {@code why} the gateway reads it. An empty or absent body is an empty buffer.
     */
    public static Future<Buffer> readSmall(HttpServerRequest request, int maxBytes, String why) {
        Buffer body = Buffer.buffer();
        Promise<Buffer> promise = Promise.promise();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > maxBytes) {
                request.handler(null);
                promise.tryFail(Problems.bodyTooLarge(maxBytes, why));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(promise::tryFail);
        request.endHandler(ignored -> promise.tryComplete(body));
        request.resume();
        return promise.future();
    }
}
