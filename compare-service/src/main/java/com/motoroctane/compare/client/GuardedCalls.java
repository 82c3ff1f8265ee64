package com.motoroctane.compare.client;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fault-tolerance envelope of every catalog-service call (values overridable in config as
 * {@code com.motoroctane.compare.client.GuardedCalls/call/<Annotation>/<parameter>}). A 404 or other 4xx is
 * an answer, not a failure: it is neither retried nor counted by the breaker.
 */
@ApplicationScoped
public class GuardedCalls {

    // in milliseconds, as application.properties overrides them: a property replaces the value, never the unit
    // (with SECONDS here, "delay=5000" kept the breaker open for 83 minutes after one slow start of catalog-service)
    @Timeout(value = 3000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = {CatalogNotFoundException.class, CatalogRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, delayUnit = ChronoUnit.MILLIS,
            skipOn = {CatalogNotFoundException.class, CatalogRejectedException.class})
    public JsonNode call(String what, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 404) {
                throw new CatalogNotFoundException(what);
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new CatalogRejectedException(status, what);
            }
            throw e;
        }
    }
}
