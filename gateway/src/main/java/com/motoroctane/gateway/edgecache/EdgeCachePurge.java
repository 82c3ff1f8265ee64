package com.motoroctane.gateway.edgecache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.gateway.edge.Bodies;
import com.motoroctane.gateway.edge.JsonReply;
import com.motoroctane.gateway.edge.Problems;
import com.motoroctane.invalidation.InvalidationStream;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/admin/edge-cache/purge} on the public port, for an admin token (the path is under
 * {@code /api/admin}, so {@code AccessGate} asks for the admin role and counts it as a write):
 * {@code {"tags":["brand:1","brands"]}} or {@code {"all":true}}. This replica purges at once; the purge is then
 * announced as an invalidation event on the stream ({@code type: purged}, {@code entity: edge-cache}, the tags or
 * {@code *}), so every other gateway replica purges too, and so does every service cache holding those tags (an
 * edge miss must not be refilled from a service's copy of the same answer).
 */
@Singleton
public class EdgeCachePurge {

    public static final String PATH = "/api/admin/edge-cache/purge";
    private static final Logger LOG = Logger.getLogger(EdgeCachePurge.class);
    private static final int MAX_BODY = 65536;
    private static final int MAX_TAGS = 1000;
    private static final long STREAM_MAX_LENGTH = 100_000;

    private final EdgeCache cache;
    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final JsonReply reply;
    private final Problems problems;
    private final Vertx vertx;

    public EdgeCachePurge(EdgeCache cache, RedisDataSource redis, ObjectMapper json, JsonReply reply, Problems problems,
                          Vertx vertx) {
        this.cache = cache;
        this.redis = redis;
        this.json = json;
        this.reply = reply;
        this.problems = problems;
        this.vertx = vertx;
    }

    /** First handler of the route: nothing of the body is read before the token has been checked. */
    public void pause(RoutingContext ctx) {
        ctx.request().pause();
        ctx.next();
    }

    public void handle(RoutingContext ctx) {
        Bodies.readSmall(ctx.request(), MAX_BODY, "A purge request lists tags; this one is larger than the gateway reads")
                .onSuccess(body -> purge(ctx, body))
                .onFailure(failure -> problems.fail(ctx, failure));
    }

    private void purge(RoutingContext ctx, Buffer body) {
        List<String> tags;
        boolean all;
        try {
            JsonNode request = parse(body);
            all = request.path("all").asBoolean(false);
            tags = all ? List.of(InvalidationEvent.FLUSH_ALL) : tags(request);
        } catch (ProblemException bad) {
            problems.send(ctx, bad);
            return;
        }
        int purged = all ? cache.purgeAll() : cache.purgeTags(tags);
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "purged", "edge-cache", List.of(),
                List.of(), List.of(), tags, 0, Instant.now());
        vertx.executeBlocking(() -> {
            InvalidationStream.publish(redis, json.writeValueAsString(event), STREAM_MAX_LENGTH);
            return true;
        }, false).otherwise(failure -> {
            LOG.warnf("Edge purge %s done on this replica only: announcing it failed (%s)", tags, failure.toString());
            return false;
        }).onSuccess(announced -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("purged", purged);
            answer.put("all", all);
            answer.put("tags", all ? List.of() : tags);
            answer.put("announced", announced);
            answer.put("eventId", announced ? event.eventId() : null);
            reply.send(ctx, 200, answer);
        });
    }

    private JsonNode parse(Buffer body) {
        try {
            JsonNode node = body.length() == 0 ? null : json.readTree(body.getBytes());
            if (node == null || !node.isObject()) {
                throw invalid("The body must be a JSON object: {\"tags\":[\"brand:1\"]} or {\"all\":true}");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            throw invalid("The body is not valid JSON: " + malformed.getOriginalMessage());
        } catch (java.io.IOException unreadable) {
            throw invalid("The body is not valid JSON");
        }
    }

    private static List<String> tags(JsonNode request) {
        JsonNode tags = request.get("tags");
        if (tags == null || !tags.isArray() || tags.isEmpty()) {
            throw invalid("'tags' must be a non-empty array of tag strings, or send {\"all\":true}");
        }
        if (tags.size() > MAX_TAGS) {
            throw invalid("'tags' lists " + tags.size() + " tags; at most " + MAX_TAGS + " per request");
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().contains(" ")) {
                throw invalid("'tags[" + i + "]' must be a non-blank tag without spaces");
            }
            if (InvalidationEvent.FLUSH_ALL.equals(tag.asText())) {
                throw invalid("'tags[" + i + "]' is '*': to purge everything send {\"all\":true}");
            }
            list.add(tag.asText());
        }
        return list;
    }

    private static ProblemException invalid(String detail) {
        return Problems.problem(400, "invalid-purge", "Invalid purge request", detail);
    }

}
