package com.motoroctane.gateway.proxy;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.util.TypeLiteral;

import com.motoroctane.gateway.config.GatewayConfig;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

/**
 * An upstream's circuit breaker: SmallRye Fault Tolerance's, over the last {@code window} calls. One call
 * is one attempt, from connecting to the last byte of the body relayed (a body that breaks midway is the
 * upstream's failure too). Open: every call is refused at once, without touching the upstream, until
 * {@code delay} has passed; then one probe goes through and its verdict closes or reopens it.
 */
public final class UpstreamBreaker {

    private static final TypeLiteral<CompletionStage<Void>> VERDICT = new TypeLiteral<>() { };

    /**
     * A call that says nothing about the upstream (the client walked away, or its body was over the
     * limit): neither a failure nor a success.
     */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            this("client went away");
        }

        Abandoned(String why) {
            super(why, null, false, false);
        }
    }

    private final String name;
    private final GatewayConfig.Breaker config;
    private volatile Guard guard;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private volatile long openedAt;
    private int generation;

    UpstreamBreaker(String name, GatewayConfig.Breaker config) {
        this.name = name;
        this.config = config;
        this.guard = build(generation);
    }

    /**
     * Runs one call under the breaker. {@code call} starts the exchange and completes the verdict it is
     * given: normally when healthy, exceptionally with the failure (or {@link Abandoned}). The stage
     * returned fails with {@code CircuitBreakerOpenException} when the breaker refused the call, in which
     * case {@code call} never ran.
     */
    public CompletionStage<Void> call(Consumer<CompletableFuture<Void>> call) {
        try {
            return guard.get(() -> {
                CompletableFuture<Void> verdict = new CompletableFuture<>();
                call.accept(verdict);
                return verdict;
            }, VERDICT);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedStage(refused);
        }
    }

    /** As a gauge shows it: an open breaker whose delay has passed will let the next call probe. */
    public CircuitBreakerState state() {
        CircuitBreakerState current = state;
        if (current == CircuitBreakerState.OPEN && System.currentTimeMillis() - openedAt >= config.delay().toMillis()) {
            return CircuitBreakerState.HALF_OPEN;
        }
        return current;
    }

    /** Seconds until a probe is allowed, for Retry-After. */
    public long retryAfterSeconds() {
        long left = config.delay().toMillis() - (System.currentTimeMillis() - openedAt);
        return Math.max(1, (left + 999) / 1000);
    }

    /** Forgets every outcome (tests start from a closed breaker). */
    public synchronized void reset() {
        generation++;
        state = CircuitBreakerState.CLOSED;
        guard = build(generation);
    }

    private Guard build(int built) {
        return Guard.create()
                .withDescription("upstream-" + name)
                // the exchange is non-blocking and already on the event loop; stay there
                .withThreadOffload(false)
                .withCircuitBreaker()
                    .requestVolumeThreshold(Math.max(1, config.window()))
                    .failureRatio(config.failureRatio())
                    .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .skipOn(Abandoned.class)
                    .onStateChange(changed -> stateChanged(built, changed))
                    .done()
                .build();
    }

    private synchronized void stateChanged(int built, CircuitBreakerState changed) {
        if (built != generation) {
            return; // a call that outlived a reset reports on a breaker nobody uses any more
        }
        if (changed == CircuitBreakerState.OPEN) {
            openedAt = System.currentTimeMillis();
        }
        state = changed;
    }
}
