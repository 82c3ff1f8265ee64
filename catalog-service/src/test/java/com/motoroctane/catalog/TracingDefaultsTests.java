package com.motoroctane.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.tracing.TracingSwitch;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A service started without a collector: the OpenTelemetry SDK stays off, so nothing is traced or exported. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingDefaultsTests {

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean sdkDisabled;

    @Test
    void withoutAnOtlpEndpointTheSdkIsOffAndNoSpanIsRecorded() {
        assumeTrue(System.getenv(TracingSwitch.ENDPOINT_ENV) == null, "this run names a collector");
        assertTrue(sdkDisabled, "quarkus.otel.sdk.disabled");
        Span span = tracer.spanBuilder("probe").startSpan();
        try {
            assertFalse(span.isRecording());
            assertFalse(span.getSpanContext().isValid(), "a disabled SDK hands out no trace ids");
        } finally {
            span.end();
        }
    }

    @Test
    void theSwitchThatTurnsTracingOnIsAmongTheServicesConfigSources() {
        assertTrue(StreamSupport.stream(ConfigProvider.getConfig().getConfigSources().spliterator(), false)
                .anyMatch(source -> source instanceof TracingSwitch), "TracingSwitch registered");
    }
}
