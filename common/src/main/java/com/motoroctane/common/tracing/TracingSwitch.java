package com.motoroctane.common.tracing;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns tracing on where a collector is named, and only there. Every service's application.properties
 * keeps the OpenTelemetry SDK off ({@code quarkus.otel.sdk.disabled=true}: no spans, no exporter, no
 * connection attempts to a collector that is not there); when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set
 * (the tracing component of the Kubernetes manifests sets it), this source switches the SDK on and points
 * the OTLP exporter at that endpoint.
 * <p>
 * Its ordinal sits above application.properties (250) and below environment variables (300) and system
 * properties (400), so an explicit {@code QUARKUS_OTEL_SDK_DISABLED} still wins. Registered through
 * META-INF/services, which Quarkus reads at build time (native-friendly: no reflection).
 */
public final class TracingSwitch implements ConfigSource {

    public static final String ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String EXPORTER_ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final int ORDINAL = 275;

    private final Map<String, String> properties;

    public TracingSwitch() {
        this(System.getenv());
    }

    TracingSwitch(Map<String, String> environment) {
        String endpoint = environment.get(ENDPOINT_ENV);
        this.properties = endpoint == null || endpoint.isBlank() ? Map.of()
                : Map.of(SDK_DISABLED, "false", EXPORTER_ENDPOINT, endpoint.trim());
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "motoroctane-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
