package com.motoroctane.gateway.edge;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Answers the gateway writes itself (monitoring, OpenAPI), gzip-eligible like proxied JSON. */
@Singleton
public class JsonReply {

    private final ObjectMapper json;
    private final Compression compression;

    public JsonReply(ObjectMapper json, Compression compression) {
        this.json = json;
        this.compression = compression;
    }

    public void send(RoutingContext ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        compression.shouldCompress(ctx, "application/json", null, bytes.length);
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(bytes));
    }
}
