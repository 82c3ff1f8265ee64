package com.motoroctane.media.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.motoroctane.media.image.Vips;
import com.motoroctane.media.store.ObjectStore;

/**
 * Ready when libvips runs and the bucket answers. Without libvips the service still starts (and serves
 * what is stored) but reports DOWN with the reason, so a deployment never routes uploads to it.
 */
@Readiness
@ApplicationScoped
public class MediaReadiness implements HealthCheck {

    private final Vips vips;
    private final ObjectStore store;

    public MediaReadiness(Vips vips, ObjectStore store) {
        this.vips = vips;
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("media").up();
        if (vips.unavailable() != null) {
            vips.probe(); // installed since the last look?
        }
        if (vips.unavailable() != null) {
            response.down().withData("libvips", vips.unavailable());
        } else {
            response.withData("libvips", vips.version());
        }
        try {
            store.ping();
            response.withData("storage", "up");
        } catch (RuntimeException e) {
            response.down().withData("storage", "unreachable: " + e.getMessage());
        }
        return response.build();
    }
}
