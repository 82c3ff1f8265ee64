package com.motoroctane.gateway.proxy;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * One upstream service: its connection pool, its breaker and its bulkhead. An upstream without a URL is
 * configured but not deployed; routes to it answer 503.
 */
public final class Upstream {

    private final String name;
    private final GatewayConfig.Upstream config;
    private final URI base;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();

    Upstream(String name, GatewayConfig.Upstream config, Vertx vertx) {
        this.name = name;
        this.config = config;
        Optional<String> url = config.url().map(String::trim).filter(u -> !u.isEmpty());
        this.base = url.map(URI::create).orElse(null);
        this.breaker = new CircuitBreaker(config.breaker(), System::currentTimeMillis);
        if (base == null) {
            this.client = null;
            return;
        }
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80)
                .setSsl(ssl)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                // the body is passed on as the upstream sent it; the gateway compresses towards the client
                .setDecompressionSupported(false)
                .setTryUseCompression(false);
        client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.poolSize())
                .setMaxWaitQueueSize(config.maxConcurrent()));
    }

    public String name() {
        return name;
    }

    public boolean deployed() {
        return client != null;
    }

    public URI base() {
        return base;
    }

    /** Path prefix of the upstream URL ("" for a bare host), prepended to every proxied path. */
    public String basePath() {
        String path = base == null ? null : base.getRawPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
    }

    public HttpClient client() {
        return client;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public GatewayConfig.Upstream config() {
        return config;
    }

    /** Bulkhead entry: false when this upstream already has its maximum of requests in flight. */
    public boolean enter() {
        if (inFlight.incrementAndGet() > config.maxConcurrent()) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
