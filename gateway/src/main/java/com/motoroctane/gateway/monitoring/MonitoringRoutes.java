package com.motoroctane.gateway.monitoring;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.edge.JsonReply;
import com.motoroctane.gateway.edgecache.EdgeCache;
import com.motoroctane.gateway.ratelimit.RateLimiter;
import com.motoroctane.gateway.security.AccessGate;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/monitoring/*} with the previous system's paths and JSON shapes, now over the whole platform:
 * each upstream, MongoDB (as the services report it), and the gateway's own Redis. Only a bare verdict is
 * public (health {@code {status: UP|DOWN}}, ready {@code {ready}}, live); the details (which service, Redis
 * errors, memory, request statistics) need an admin token: health and ready add them when one is presented,
 * metrics and stats are admin paths ({@code gateway.auth.admin-paths}, checked by {@link AccessGate}).
 */
@Singleton
public class MonitoringRoutes {

    private static final long MB = 1024 * 1024;

    private final UpstreamHealth upstreamHealth;
    private final RateLimiter limiter;
    private final RedisStats redisStats;
    private final GatewayMetrics metrics;
    private final JsonReply reply;
    private final AccessGate gate;
    private final EdgeCache edgeCache;
    private final String environment;
    private final String version;
    private final Instant started = Instant.now();
    private volatile boolean shuttingDown;

    public MonitoringRoutes(UpstreamHealth upstreamHealth, RateLimiter limiter, RedisStats redisStats,
                            GatewayMetrics metrics, JsonReply reply, AccessGate gate, EdgeCache edgeCache, GatewayConfig config,
                            @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0") String version) {
        this.upstreamHealth = upstreamHealth;
        this.limiter = limiter;
        this.redisStats = redisStats;
        this.metrics = metrics;
        this.reply = reply;
        this.gate = gate;
        this.edgeCache = edgeCache;
        this.environment = config.monitoring().environment();
        this.version = version;
    }

    public void install(Router router) {
        router.get("/api/monitoring/health").handler(this::health);
        router.get("/api/monitoring/ready").handler(this::ready);
        router.get("/api/monitoring/live").handler(this::live);
        router.get("/api/monitoring/metrics").handler(this::metrics);
        router.get("/api/monitoring/stats").handler(this::stats);
    }

    public void shuttingDown() {
        shuttingDown = true;
    }

    /**
     * 200 only when every deployed upstream, MongoDB and Redis are up, otherwise 503: {@code {status: UP|DOWN}}
     * for anyone, the previous system's detailed shape (healthy|degraded) for an admin.
     */
    void health(RoutingContext ctx) {
        gate.isAdmin(ctx, admin -> health(ctx, admin));
    }

    private void health(RoutingContext ctx, boolean details) {
        ctx.response().putHeader("Vary", "Authorization, Cookie");
        Future.join(upstreamHealth.probeAll(), redisStats.connected()).onComplete(done -> {
            if (done.failed() && done.result() == null) {
                reply.send(ctx, 503, details ? Map.of("status", "unhealthy", "error", String.valueOf(done.cause()),
                        "timestamp", now()) : Map.of("status", "DOWN"));
                return;
            }
            Map<String, UpstreamHealth.Status> upstreams = done.result().resultAt(0);
            boolean redisUp = Boolean.TRUE.equals(done.result().resultAt(1));
            String database = UpstreamHealth.database(upstreams);
            boolean healthy = redisUp && "connected".equals(database)
                    && upstreams.values().stream().filter(UpstreamHealth.Status::deployed).allMatch(UpstreamHealth.Status::up);
            if (!details) {
                reply.send(ctx, healthy ? 200 : 503, Map.of("status", healthy ? "UP" : "DOWN"));
                return;
            }
            Map<String, Object> services = new LinkedHashMap<>();
            services.put("database", database);
            services.put("redis", redisUp ? "connected" : "disconnected");
            services.put("memory", usedMb() + "MB / " + totalMb() + "MB");
            services.put("rateLimit", limiter.store());
            services.put("upstreams", upstreams);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", healthy ? "healthy" : "degraded");
            body.put("timestamp", now());
            body.put("uptime", uptimeSeconds());
            body.put("environment", environment);
            body.put("version", version);
            body.put("services", services);
            reply.send(ctx, healthy ? 200 : 503, body);
        });
    }

    /**
     * The gateway is ready while it can answer: without Redis it still enforces limits in memory (said
     * here), and a failing upstream gets 503s from its breaker rather than taking the gateway out of
     * rotation, which would turn one service's outage into everyone's.
     */
    void ready(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Authorization, Cookie");
        gate.isAdmin(ctx, admin -> {
            if (admin) {
                readyDetails(ctx);
            } else {
                reply.send(ctx, shuttingDown ? 503 : 200, Map.of("ready", !shuttingDown));
            }
        });
    }

    private void readyDetails(RoutingContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", !shuttingDown);
        if (shuttingDown) {
            body.put("reason", "Shutting down");
        }
        body.put("timestamp", now());
        body.put("rateLimit", Map.of("store", limiter.store(),
                "lastRedisError", String.valueOf(limiter.lastRedisError())));
        reply.send(ctx, shuttingDown ? 503 : 200, body);
    }

    void live(RoutingContext ctx) {
        reply.send(ctx, 200, Map.of("alive", true, "timestamp", now()));
    }

    void metrics(RoutingContext ctx) {
        Future.join(upstreamHealth.probeAll(), redisStats.snapshot()).onComplete(done -> {
            Map<String, UpstreamHealth.Status> upstreams = done.result().resultAt(0);
            Map<String, Object> redis = done.result().resultAt(1);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            Runtime runtime = Runtime.getRuntime();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("timestamp", now());
            body.put("system", ordered("uptime", uptimeSeconds(), "platform", System.getProperty("os.name").toLowerCase(),
                    "nodeVersion", "java " + Runtime.version(), "pid", ProcessHandle.current().pid()));
            body.put("memory", ordered("heapUsed", memory.getHeapMemoryUsage().getUsed() / MB,
                    "heapTotal", memory.getHeapMemoryUsage().getCommitted() / MB,
                    "rss", (memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted()) / MB,
                    "external", memory.getNonHeapMemoryUsage().getUsed() / MB));
            body.put("cpu", ordered("usage", cpuLoad(), "cores", runtime.availableProcessors()));
            body.put("database", ordered("status", UpstreamHealth.database(upstreams), "connections", null));
            body.put("cache", ordered("redis", redis, "memory", ordered("size", limiter.counters().size(),
                    "maxSize", limiter.counters().maxKeys())));
            body.put("upstreams", upstreams);
            reply.send(ctx, 200, body);
        });
    }

    void stats(RoutingContext ctx) {
        redisStats.snapshot().onComplete(redis -> {
            GatewayMetrics.RouteTotals totals = metrics.totals();
            Map<String, Object> routes = new LinkedHashMap<>();
            metrics.routeTotals().forEach((route, t) -> routes.put(route, ordered("total", t.count(),
                    "errors", t.errors(), "averageResponseTime", round(t.averageMillis()))));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("timestamp", now());
            body.put("requests", ordered("total", totals.count(), "success", metrics.successes(),
                    "errors", totals.errors(), "averageResponseTime", round(totals.averageMillis()), "byRoute", routes));
            body.put("cache", ordered("redis", redis.result(), "memory", ordered("size", limiter.counters().size(),
                    "maxSize", limiter.counters().maxKeys()), "upstreamResponses", metrics.cacheOutcomes(),
                    "edge", ordered("requests", metrics.edgeCacheRequests(), "entries", edgeCache.size(),
                            "bytes", edgeCache.weightedBytes())));
            body.put("database", ordered("queries", null, "averageQueryTime", null));
            body.put("rateLimit", ordered("store", limiter.store(), "rejected", metrics.rateLimitedByClass()));
            reply.send(ctx, 200, body);
        });
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private long uptimeSeconds() {
        return java.time.Duration.between(started, Instant.now()).toSeconds();
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static long usedMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / MB;
    }

    private static long totalMb() {
        return Runtime.getRuntime().totalMemory() / MB;
    }

    private static double cpuLoad() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return round(Math.max(0, sun.getProcessCpuLoad()) * 100);
        }
        return round(Math.max(0, os.getSystemLoadAverage()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
