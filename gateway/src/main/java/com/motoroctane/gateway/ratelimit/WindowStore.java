package com.motoroctane.gateway.ratelimit;

import java.util.List;

import io.vertx.core.Future;

/**
 * A sliding-window log. {@link #acquire} checks every key and, only if all of them have room, counts the
 * request in all of them (atomically, one round trip for the shared store). {@link #release} takes a
 * counted request back out, which is how "count only failed logins" is done.
 */
public interface WindowStore {

    Future<Decision> acquire(List<String> keys, Quota quota, String member);

    Future<Void> release(List<String> keys, String member);
}
