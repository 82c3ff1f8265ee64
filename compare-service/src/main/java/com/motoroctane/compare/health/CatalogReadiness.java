package com.motoroctane.compare.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.motoroctane.compare.client.Catalog;

/**
 * catalog-service is reported, not required: while it is down, cached comparisons are still served
 * ({@code X-Cache: STALE}) and uncached ones get a 503 with Retry-After, which is better than taking the
 * replica out of the load balancer. The probe is catalog-service's own readiness, with the client's timeout.
 */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    private final Catalog catalog;

    public CatalogReadiness(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("catalog-service")
                .up()
                .withData("catalog", catalog.ready() ? "up" : "degraded")
                .build();
    }
}
