package com.motoroctane.gateway.proxy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.motoroctane.gateway.config.GatewayConfig;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.ContextInternal;

/**
 * One upstream service: its connection pools, its breaker and its bulkhead. An upstream without a URL is
 * configured but not deployed; routes to it answer 503.
 */
public final class Upstream {

    private final String name;
    private final GatewayConfig.Upstream config;
    private final URI base;
    private final String basePath;
    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final HttpClient shared;
    /**
     * One pool per event loop, used only from that loop. Vert.x hands a request any idle connection of
     * its pool, whichever loop owns it, and then every write and every response chunk crosses threads (a
     * selector wake-up each); with a pool per loop the whole exchange stays on the loop that took it.
     */
    private final Map<EventLoop, HttpClient> perEventLoop = new ConcurrentHashMap<>();
    private final UpstreamBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();

    Upstream(String name, GatewayConfig.Upstream config, Vertx vertx) {
        this.name = name;
        this.config = config;
        this.vertx = vertx;
        Optional<String> url = config.url().map(String::trim).filter(u -> !u.isEmpty());
        this.base = url.map(URI::create).orElse(null);
        String path = base == null ? null : base.getRawPath();
        this.basePath = path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
        this.breaker = new UpstreamBreaker(name, config.breaker());
        this.pool = new PoolOptions().setHttp1MaxSize(config.poolSize()).setMaxWaitQueueSize(config.maxConcurrent());
        if (base == null) {
            this.options = null;
            this.shared = null;
            return;
        }
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        this.options = new HttpClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80)
                .setSsl(ssl)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setPipelining(false)
                .setTcpNoDelay(true)
                // a body chunk is one write (and one syscall) towards the client: at the 8 KB default a
                // 25 KB catalogue page took four
                .setMaxChunkSize(64 * 1024)
                // Netty's 8 KB default turned a long Surrogate-Key into a retried 503 that opened the breaker
                .setMaxHeaderSize(config.maxHeaderSize())
                // the body is passed on as the upstream sent it; the gateway compresses towards the client
                .setDecompressionSupported(false)
                .setTryUseCompression(false);
        this.shared = vertx.createHttpClient(options, pool);
    }

    public String name() {
        return name;
    }

    public boolean deployed() {
        return shared != null;
    }

    public URI base() {
        return base;
    }

    /** Path prefix of the upstream URL ("" for a bare host), prepended to every proxied path. */
    public String basePath() {
        return basePath;
    }

    /** The pool of the calling event loop (a shared one off the event loops, e.g. for probes). */
    public HttpClient client() {
        Context context = Vertx.currentContext();
        if (shared == null || !(context instanceof ContextInternal internal) || !context.isEventLoopContext()) {
            return shared;
        }
        HttpClient client = perEventLoop.get(internal.nettyEventLoop());
        return client != null ? client
                : perEventLoop.computeIfAbsent(internal.nettyEventLoop(), loop -> vertx.createHttpClient(options, pool));
    }

    public UpstreamBreaker breaker() {
        return breaker;
    }

    public GatewayConfig.Upstream config() {
        return config;
    }

    /** Bulkhead entry: false when this upstream already has its maximum of requests in flight. */
    public boolean enter() {
        return enter(inFlight, config.maxConcurrent());
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    /** Entry of a background refresh: false when {@code max-refreshes} are already in flight. */
    public boolean enterRefresh() {
        return enter(refreshes, config.maxRefreshes());
    }

    public void leaveRefresh() {
        refreshes.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Takes one of {@code max} slots counted by {@code taken}; false (and nothing taken) when all are. */
    private static boolean enter(AtomicInteger taken, int max) {
        if (taken.incrementAndGet() > max) {
            taken.decrementAndGet();
            return false;
        }
        return true;
    }
}
