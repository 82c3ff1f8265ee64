package com.motoroctane.compare.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * A MicroProfile Fault Tolerance property replaces an annotation's value and keeps its unit unless the unit is
 * configured too. The breaker's delay was configured as 5000 (meant: ms) over an annotation in seconds, so one
 * slow start of catalog-service kept every comparison answering 503 for 83 minutes. The durations in effect,
 * as the configuration and the annotations combine them, must be the ones the properties file means.
 */
class GuardedCallsUnitsTest {

    private static final String PREFIX = GuardedCalls.class.getName() + "/call/";

    private static Properties properties() throws Exception {
        Properties p = new Properties();
        try (InputStream in = GuardedCalls.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p;
    }

    /** A property's value, or the default of a {@code ${ENV:default}} expression. */
    private static String value(Properties p, String key) {
        String raw = p.getProperty(PREFIX + key);
        if (raw == null) {
            return null;
        }
        return raw.startsWith("${") ? raw.substring(raw.indexOf(':') + 1, raw.length() - 1) : raw;
    }

    private static Duration effective(Properties p, String valueKey, String unitKey, long annotated, ChronoUnit annotatedUnit) {
        String v = value(p, valueKey);
        String u = value(p, unitKey);
        long amount = v == null ? annotated : Long.parseLong(v);
        ChronoUnit unit = u == null ? annotatedUnit : ChronoUnit.valueOf(u);
        return Duration.of(amount, unit);
    }

    @Test
    void theTimeoutAndBreakerDelayInEffectAreSeconds() throws Exception {
        Properties p = properties();
        var method = GuardedCalls.class.getMethod("call", String.class, java.util.function.Supplier.class);
        Timeout timeout = method.getAnnotation(Timeout.class);
        CircuitBreaker breaker = method.getAnnotation(CircuitBreaker.class);

        Duration call = effective(p, "Timeout/value", "Timeout/unit", timeout.value(), timeout.unit());
        Duration open = effective(p, "CircuitBreaker/delay", "CircuitBreaker/delayUnit", breaker.delay(), breaker.delayUnit());
        assertTrue(call.compareTo(Duration.ofMillis(500)) >= 0 && call.compareTo(Duration.ofSeconds(10)) <= 0, "call timeout " + call);
        assertTrue(open.compareTo(Duration.ofSeconds(1)) >= 0 && open.compareTo(Duration.ofSeconds(60)) <= 0, "breaker open for " + open);
        // without the unit properties the annotations alone must mean the same
        Properties valuesOnly = new Properties();
        p.stringPropertyNames().stream().filter(k -> !k.endsWith("/unit") && !k.endsWith("/delayUnit"))
                .forEach(k -> valuesOnly.setProperty(k, p.getProperty(k)));
        Duration openAnnotatedUnit = effective(valuesOnly, "CircuitBreaker/delay", "CircuitBreaker/delayUnit", breaker.delay(),
                breaker.delayUnit());
        Duration callAnnotatedUnit = effective(valuesOnly, "Timeout/value", "Timeout/unit", timeout.value(), timeout.unit());
        assertTrue(open.equals(openAnnotatedUnit) && call.equals(callAnnotatedUnit),
                "the annotations' units agree with the properties: " + openAnnotatedUnit + ", " + callAnnotatedUnit);
    }
}
