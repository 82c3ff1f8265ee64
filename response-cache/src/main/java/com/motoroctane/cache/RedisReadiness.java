package com.motoroctane.cache;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis is reported, not required: without it answers come from L1 and the origin, so the service stays
 * ready and says "degraded" (check {@code redis-l2-cache}). The origin, if required, has its own check.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    private final RedisL2 redis;

    public RedisReadiness(RedisL2 redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        String ping;
        try {
            ping = redis.ping().await().atMost(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            ping = e.getClass().getSimpleName();
        }
        return HealthCheckResponse.named("redis-l2-cache")
                .up()
                .withData("redis", redis.status())
                .withData("breaker", redis.breakerState().name())
                .withData("ping", String.valueOf(ping))
                .build();
    }
}
