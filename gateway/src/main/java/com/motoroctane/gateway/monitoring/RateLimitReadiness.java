package com.motoroctane.gateway.monitoring;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.motoroctane.gateway.ratelimit.RateLimiter;

/**
 * Readiness reports where rate limits are counted. Without Redis the gateway stays ready (limits are then
 * enforced per replica in memory, never dropped) and says so.
 */
@Readiness
@Singleton
public class RateLimitReadiness implements HealthCheck {

    private final RateLimiter limiter;

    public RateLimitReadiness(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rate-limit-store")
                .up()
                .withData("store", limiter.store())
                .withData("shared", limiter.usingRedis())
                .withData("lastRedisError", String.valueOf(limiter.lastRedisError()))
                .build();
    }
}
