package com.motoroctane.gateway.security;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.inject.Singleton;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * CORS is the gateway's alone: services never see a preflight, and whatever CORS headers an upstream
 * sends are replaced. An origin not on the allow-list simply gets no Access-Control-Allow-Origin.
 */
@Singleton
public class Cors {

    private final Set<String> origins;
    private final String methods;
    private final String headers;
    private final String exposed;
    private final String maxAge;

    public Cors(GatewayConfig config) {
        GatewayConfig.Cors cors = config.cors();
        this.origins = new LinkedHashSet<>(cors.origins());
        this.methods = String.join(", ", cors.methods());
        this.headers = String.join(", ", cors.headers());
        this.exposed = String.join(", ", cors.exposedHeaders());
        this.maxAge = String.valueOf(cors.maxAge().toSeconds());
    }

    public boolean allowed(String origin) {
        return origin != null && origins.contains(origin);
    }

    public static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** Headers every response gets; called when the response headers are about to be written. */
    public void decorate(HttpServerRequest request, MultiMap response) {
        response.remove("Access-Control-Allow-Origin");
        response.remove("Access-Control-Allow-Credentials");
        response.remove("Access-Control-Expose-Headers");
        addVaryOrigin(response);
        String origin = request.getHeader("Origin");
        if (!allowed(origin)) {
            return;
        }
        response.set("Access-Control-Allow-Origin", origin);
        response.set("Access-Control-Allow-Credentials", "true");
        if (isPreflight(request)) {
            response.set("Access-Control-Allow-Methods", methods);
            response.set("Access-Control-Allow-Headers", headers);
            response.set("Access-Control-Max-Age", maxAge);
        } else {
            response.set("Access-Control-Expose-Headers", exposed);
        }
    }

    private static void addVaryOrigin(MultiMap response) {
        String vary = response.get("Vary");
        if (vary == null || vary.isBlank()) {
            response.set("Vary", "Origin");
        } else if (!vary.toLowerCase().contains("origin")) {
            response.set("Vary", vary + ", Origin");
        }
    }
}
