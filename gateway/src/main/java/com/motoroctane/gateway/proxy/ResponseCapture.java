package com.motoroctane.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A copy of one proxied answer as it is relayed to the client (what the edge cache stores). The Forwarder
 * calls {@link #begin} with the upstream's status and headers, {@link #chunk} with each body chunk as it is
 * written to the client, and exactly one of {@link #end} (the body is complete) or {@link #abandon} (no
 * complete answer: failure, retry exhausted, client gone, or the capture declined).
 */
public interface ResponseCapture {

    /** @return false when this answer is not wanted; nothing more is then called but {@link #abandon}. */
    boolean begin(int status, MultiMap headers);

    /** @return false to stop copying (e.g. the body is over the size worth keeping); {@link #abandon} follows. */
    boolean chunk(Buffer chunk);

    void end();

    void abandon();

    /**
     * The upstream failed the request before any of an answer reached the client (the gateway's own 502/503/504,
     * or the upstream's 500/502/503/504). The capture may answer the client itself (the edge cache's
     * stale-if-error); returns the status it sent, or 0 when it did not, and the error goes out. After an answer
     * here nothing else is called.
     */
    default int answerInstead() {
        return 0;
    }
}
