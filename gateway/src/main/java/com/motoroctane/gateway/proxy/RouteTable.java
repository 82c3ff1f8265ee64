package com.motoroctane.gateway.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.http.HttpMethod;

/**
 * The routing table from config: the longest matching prefix wins, then the route that takes the
 * method. A path no route covers is a 404; a covered path with a method no route takes is a 405.
 */
@Singleton
public class RouteTable {

    public record Route(String name, String upstream, String prefix, Set<String> methods) {

        boolean takes(HttpMethod method) {
            return methods.isEmpty() || methods.contains(method.name());
        }
    }

    public sealed interface Match permits Found, NotFound, MethodNotAllowed {
    }

    public record Found(Route route) implements Match {
    }

    public record NotFound() implements Match {
    }

    public record MethodNotAllowed(Set<String> allow) implements Match {
    }

    private final List<Route> routes;

    public RouteTable(GatewayConfig config) {
        Map<String, GatewayConfig.Route> configured = config.routes();
        List<Route> all = new ArrayList<>();
        configured.forEach((name, route) -> {
            Set<String> methods = new LinkedHashSet<>();
            route.methods().orElse(List.of()).forEach(m -> methods.add(m.trim().toUpperCase(Locale.ROOT)));
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            for (String prefix : route.prefixes()) {
                all.add(new Route(name, route.upstream(), prefix.trim(), Collections.unmodifiableSet(methods)));
            }
        });
        all.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed().thenComparing(Route::name));
        this.routes = List.copyOf(all);
    }

    public Match match(String path, HttpMethod method) {
        Set<String> allow = new LinkedHashSet<>();
        int matchedLength = -1;
        for (Route route : routes) {
            if (matchedLength > route.prefix().length()) {
                break; // only the longest matching prefix decides
            }
            if (!PathPrefixes.matches(path, route.prefix())) {
                continue;
            }
            matchedLength = route.prefix().length();
            if (route.takes(method)) {
                return new Found(route);
            }
            allow.addAll(route.methods());
        }
        if (matchedLength < 0) {
            return new NotFound();
        }
        allow.add("OPTIONS");
        return new MethodNotAllowed(allow);
    }

    public List<Route> routes() {
        return routes;
    }
}
