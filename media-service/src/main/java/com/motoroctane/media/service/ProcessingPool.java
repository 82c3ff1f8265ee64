package com.motoroctane.media.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.common.error.ProblemException;
import com.motoroctane.media.config.MediaConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Image processing runs here, never on request threads: a fixed number of workers (the machine's
 * processors unless configured) and a bounded queue. When both are taken a job is refused at once with
 * 503 + Retry-After, so a burst of uploads costs bounded memory and disk.
 */
@ApplicationScoped
public class ProcessingPool {

    private final ThreadPoolExecutor executor;
    private final int retryAfter;

    public ProcessingPool(MediaConfig config, MeterRegistry meters) {
        int threads = config.workers().threads() > 0 ? config.workers().threads()
                : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.workers().queue())),
                r -> {
                    Thread t = new Thread(r, "media-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.retryAfter = config.workers().retryAfterSeconds();
        Gauge.builder("media.processing.queue", executor, e -> e.getQueue().size())
                .description("jobs waiting for a worker").register(meters);
        Gauge.builder("media.processing.active", executor, ThreadPoolExecutor::getActiveCount)
                .description("jobs running").register(meters);
    }

    /** Runs {@code job} on a worker; throws a 503 {@link ProblemException} when the pool and queue are full. */
    public <T> CompletableFuture<T> submit(Callable<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(job.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ProblemException(503, "busy", "Image processing is busy",
                    "Every image worker is busy and the queue is full; retry in " + retryAfter + " s", null)
                    .retryAfter(retryAfter);
        }
        return result;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
