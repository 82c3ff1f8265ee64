package com.motoroctane.common.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    @Test
    void withoutAnEndpointItSaysNothingAndTheSdkStaysOff() {
        TracingSwitch source = new TracingSwitch(Map.of());
        assertTrue(source.getPropertyNames().isEmpty());
        assertNull(source.getValue(TracingSwitch.SDK_DISABLED));
    }

    @Test
    void aBlankEndpointCountsAsNone() {
        assertTrue(new TracingSwitch(Map.of(TracingSwitch.ENDPOINT_ENV, "  ")).getPropertyNames().isEmpty());
    }

    @Test
    void anEndpointTurnsTheSdkOnAndPointsTheExporterAtIt() {
        TracingSwitch source = new TracingSwitch(Map.of(TracingSwitch.ENDPOINT_ENV, " http://otel-collector:4317 "));
        assertEquals("false", source.getValue(TracingSwitch.SDK_DISABLED));
        assertEquals("http://otel-collector:4317", source.getValue(TracingSwitch.EXPORTER_ENDPOINT));
    }

    @Test
    void itOutranksApplicationPropertiesButNotEnvironmentOrSystemProperties() {
        int ordinal = new TracingSwitch(Map.of()).getOrdinal();
        assertTrue(ordinal > 250 && ordinal < 300, "ordinal " + ordinal);
    }
}
