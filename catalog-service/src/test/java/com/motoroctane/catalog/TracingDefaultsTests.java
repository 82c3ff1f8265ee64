package com.motoroctane.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.tracing.TracingSwitch;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A service started without a collector: the OpenTelemetry SDK stays "disabled" (no span processor, no
 * exporter; the gateway's TracingTests show nothing is sent), and the switch that turns it on is in place.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingDefaultsTests {

    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean sdkDisabled;

    @Test
    void withoutAnOtlpEndpointTheSdkIsOff() {
        assumeTrue(System.getenv(TracingSwitch.ENDPOINT_ENV) == null, "this run names a collector");
        assertTrue(sdkDisabled, "quarkus.otel.sdk.disabled");
    }

    @Test
    void theSwitchThatTurnsTracingOnIsAmongTheServicesConfigSources() {
        assertTrue(StreamSupport.stream(ConfigProvider.getConfig().getConfigSources().spliterator(), false)
                .anyMatch(source -> source instanceof TracingSwitch), "TracingSwitch registered");
    }
}
