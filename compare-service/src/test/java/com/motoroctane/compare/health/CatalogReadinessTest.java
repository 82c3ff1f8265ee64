package com.motoroctane.compare.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The probe reports catalog-service's last answer and never waits for it. */
class CatalogReadinessTest {

    private static String catalog(HealthCheckResponse response) {
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), "catalog-service is reported, not required");
        return String.valueOf(response.getData().orElseThrow().get("catalog"));
    }

    /** The report once it is {@code expected}, asked for again for a while (the check runs in the background). */
    private static String reportOnceSettled(CatalogReadiness readiness, String expected) throws InterruptedException {
        String shown = catalog(readiness.call());
        for (int i = 0; i < 200 && !expected.equals(shown); i++) {
            Thread.sleep(10);
            shown = catalog(readiness.call());
        }
        return shown;
    }

    @Test
    void aProbeDoesNotWaitForCatalogService() throws InterruptedException {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CatalogReadiness readiness = new CatalogReadiness(() -> {
            asked.countDown();
            try {
                return answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, 0);
        try {
            assertEquals("unknown", catalog(readiness.call()), "before the first answer");
            assertTrue(asked.await(5, TimeUnit.SECONDS), "the first probe asked catalog-service in the background");
            assertEquals("unknown", catalog(readiness.call()), "answered while catalog-service has not");
            answer.countDown();
            assertEquals("up", reportOnceSettled(readiness, "up"));
        } finally {
            answer.countDown();
            readiness.stop();
        }
    }

    @Test
    void itFollowsCatalogServiceAndAsksAtMostOnceAtATime() throws InterruptedException {
        AtomicBoolean up = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        CatalogReadiness readiness = new CatalogReadiness(() -> {
            asked.incrementAndGet();
            if (up.get()) {
                return true;
            }
            throw new IllegalStateException("connection refused");
        }, 0);
        try {
            assertEquals("up", reportOnceSettled(readiness, "up"));
            up.set(false);
            assertEquals("degraded", reportOnceSettled(readiness, "degraded"), "a failing probe reports degraded");
            up.set(true);
            assertEquals("up", reportOnceSettled(readiness, "up"));
        } finally {
            readiness.stop();
        }
        CatalogReadiness slow = new CatalogReadiness(() -> {
            asked.incrementAndGet();
            return true;
        }, TimeUnit.MINUTES.toNanos(10));
        try {
            int before = asked.get();
            assertEquals("up", reportOnceSettled(slow, "up"));
            for (int i = 0; i < 20; i++) {
                slow.call();
            }
            assertEquals(before + 1, asked.get(), "within the recheck interval catalog-service is asked once");
        } finally {
            slow.stop();
        }
    }
}
