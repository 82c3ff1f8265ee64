package com.motoroctane.gateway.proxy;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.monitoring.GatewayMetrics;

import io.vertx.core.Vertx;

/** Every upstream named in config, deployed or not, with its breaker state exported as a gauge. */
@Singleton
public class Upstreams {

    private final Map<String, Upstream> byName = new TreeMap<>();

    public Upstreams(GatewayConfig config, Vertx vertx, GatewayMetrics metrics) {
        config.upstreams().forEach((name, upstream) -> byName.put(name, new Upstream(name, upstream, vertx)));
        config.routes().forEach((route, r) -> {
            if (!byName.containsKey(r.upstream())) {
                throw new IllegalStateException("gateway.routes." + route + ".upstream names unknown upstream '"
                        + r.upstream() + "'; known: " + byName.keySet());
            }
        });
        byName.values().forEach(metrics::registerUpstream);
    }

    public Upstream get(String name) {
        return byName.get(name);
    }

    public Collection<Upstream> all() {
        return byName.values();
    }
}
