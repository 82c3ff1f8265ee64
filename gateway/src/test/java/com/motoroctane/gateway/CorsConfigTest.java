package com.motoroctane.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.security.Cors;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Item 13 of issue 7: {@code http://localhost:3000} was on the default CORS allow-list, credentials
 * included, in production too. The shipped application.properties is read per profile (no environment),
 * and the gateway's own {@link Cors} decides, so a change to either that lets the origin back in fails here.
 */
class CorsConfigTest {

    private static final String LOCAL_FRONTEND = "http://localhost:3000";

    @Test
    void theProductionProfileDoesNotAllowALocalFrontend() throws IOException {
        Cors prod = corsFor("prod");
        assertFalse(prod.allowed(LOCAL_FRONTEND));
        assertTrue(prod.allowed("https://www.motoroctane.com"));
        assertTrue(prod.allowed("https://motoroctane.com"));
    }

    @Test
    void theDevProfileAllowsALocalFrontend() throws IOException {
        assertTrue(corsFor("dev").allowed(LOCAL_FRONTEND));
    }

    private static Cors corsFor(String profile) throws IOException {
        URL properties = CorsConfigTest.class.getClassLoader().getResource("application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250))
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "5s" style
                .withMapping(GatewayConfig.class)
                .withValidateUnknown(false)
                .build();
        return new Cors(config.getConfigMapping(GatewayConfig.class));
    }
}
