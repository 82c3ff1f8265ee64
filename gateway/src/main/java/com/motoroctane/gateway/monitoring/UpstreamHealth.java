package com.motoroctane.gateway.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.proxy.Upstream;
import com.motoroctane.gateway.proxy.Upstreams;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Asks every deployed upstream for its readiness (outside its breaker: a probe must not trip or reset
 * it) and reads MongoDB's state from the services' own checks, since the gateway has no database.
 */
@Singleton
public class UpstreamHealth {

    /** One upstream as the monitoring endpoints show it. */
    @RegisterForReflection // written by JsonReply's ObjectMapper (native)
    public record Status(String status, String breaker, Integer httpStatus, String database) {

        public boolean up() {
            return "up".equals(status);
        }

        public boolean deployed() {
            return !"not-deployed".equals(status);
        }
    }

    private final Upstreams upstreams;
    private final ObjectMapper json;
    private final long timeoutMillis;

    public UpstreamHealth(Upstreams upstreams, ObjectMapper json, GatewayConfig config) {
        this.upstreams = upstreams;
        this.json = json;
        this.timeoutMillis = config.monitoring().upstreamProbeTimeout().toMillis();
    }

    public Future<Map<String, Status>> probeAll() {
        List<String> names = new ArrayList<>();
        List<Future<Status>> probes = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            names.add(upstream.name());
            probes.add(probe(upstream));
        }
        return Future.join(probes).transform(ignored -> {
            Map<String, Status> result = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                result.put(names.get(i), probes.get(i).result());
            }
            return Future.succeededFuture(result);
        });
    }

    /** 'connected' when a service reports its MongoDB check up, 'disconnected' when down, 'unknown' when none reports. */
    public static String database(Map<String, Status> statuses) {
        String database = "unknown";
        for (Status status : statuses.values()) {
            if ("disconnected".equals(status.database())) {
                return "disconnected";
            }
            if ("connected".equals(status.database())) {
                database = "connected";
            }
        }
        return database;
    }

    private Future<Status> probe(Upstream upstream) {
        String breaker = upstream.breaker().state().name().toLowerCase(Locale.ROOT);
        if (!upstream.deployed()) {
            return Future.succeededFuture(new Status("not-deployed", breaker, null, null));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setURI(upstream.basePath() + upstream.config().healthPath())
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis)
                .putHeader("Accept", "application/json");
        return upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    int code = response.statusCode();
                    return new Status(code == 200 ? "up" : "down", breaker, code, databaseOf(body.toString()));
                }))
                .otherwise(failure -> new Status("down", breaker, null, null));
    }

    private String databaseOf(String body) {
        try {
            JsonNode checks = json.readTree(body).path("checks");
            for (JsonNode check : checks) {
                if (check.path("name").asText().toLowerCase(Locale.ROOT).contains("mongo")) {
                    return "UP".equals(check.path("status").asText()) ? "connected" : "disconnected";
                }
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
        return null;
    }
}
