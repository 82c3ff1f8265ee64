package com.motoroctane.gateway.edge;

import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** Bounds a Vert.x future in time: a dependency slower than its budget counts as failed. */
public final class Deadline {

    private Deadline() {
    }

    public static <T> Future<T> within(Vertx vertx, Future<T> future, long millis, String what) {
        Promise<T> promise = Promise.promise();
        long timer = vertx.setTimer(millis, id -> promise.tryFail(new TimeoutException(what + " slower than " + millis + " ms")));
        future.onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                promise.tryComplete(result.result());
            } else {
                promise.tryFail(result.cause());
            }
        });
        return promise.future();
    }
}
