package com.motoroctane.compare.health;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.motoroctane.compare.client.Catalog;

/**
 * catalog-service is reported, not required: while it is down, cached comparisons are still served
 * ({@code X-Cache: STALE}) and uncached ones get a 503 with Retry-After, which is better than taking the
 * replica out of the load balancer. The report is the last answer of catalog-service's own readiness
 * ({@code unknown} before the first), asked for again in the background when a probe finds it older than
 * {@link #RECHECK_NANOS}: a probe never waits for another service (a slow catalog-service could otherwise make the
 * probe itself time out, and the replica unready), and the first one after start does not wait for the REST client
 * to initialise (0.5 s of compare-service's start to ready).
 */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    static final long RECHECK_NANOS = 2_000_000_000L;

    private final BooleanSupplier probe;
    private final long recheckNanos;
    private final ExecutorService checker;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile String last = "unknown";
    /** When the next probe asks catalog-service again (the first one does). */
    private volatile long dueAt = System.nanoTime();

    @Inject
    public CatalogReadiness(Catalog catalog) {
        this(catalog::ready, RECHECK_NANOS);
    }

    CatalogReadiness(BooleanSupplier probe, long recheckNanos) {
        this.probe = probe;
        this.recheckNanos = recheckNanos;
        this.checker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "catalog-readiness");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public HealthCheckResponse call() {
        long now = System.nanoTime();
        if (now - dueAt >= 0 && checking.compareAndSet(false, true)) {
            checker.execute(this::check);
        }
        return HealthCheckResponse.named("catalog-service").up().withData("catalog", last).build();
    }

    private void check() {
        try {
            last = probe.getAsBoolean() ? "up" : "degraded";
        } catch (RuntimeException e) {
            last = "degraded";
        } finally {
            dueAt = System.nanoTime() + recheckNanos;
            checking.set(false);
        }
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
