package com.motoroctane.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/platform} starts the services behind the gateway on loopback unless told otherwise, so in dev
 * nothing reaches them around the gateway; the gateway stays the public origin. Checked through
 * {@code bin/platform env <service>}, which prints what {@code up} starts each service with.
 */
class PlatformScriptTest {

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("bin/platform"))) {
                return dir.resolve("bin/platform");
            }
        }
        throw new IllegalStateException("bin/platform not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> env(String service, String bindHost) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script().toString(), "env", service).redirectErrorStream(true);
        builder.environment().remove("PLATFORM_BIND_HOST");
        builder.environment().remove("CATALOG_URL");
        builder.environment().remove("ADMIN_URL");
        builder.environment().remove("CATALOG_PORT");
        builder.environment().remove("ADMIN_PORT");
        builder.environment().remove("GATEWAY_CORS_ORIGINS");
        if (bindHost != null) {
            builder.environment().put("PLATFORM_BIND_HOST", bindHost);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        // service,        PLATFORM_BIND_HOST, expected QUARKUS_HTTP_HOST
        "catalog-service,  none,               127.0.0.1",
        "admin-service,    none,               127.0.0.1",
        "catalog-service,  0.0.0.0,            0.0.0.0",
        "admin-service,    192.168.1.7,        192.168.1.7"})
    void servicesBehindTheGatewayListenOnLoopbackUnlessConfigured(String service, String bindHost, String expected)
            throws Exception {
        List<String> env = env(service, bindHost);
        assertTrue(env.contains("QUARKUS_HTTP_HOST=" + expected), env.toString());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, 127.0.0.1", "0.0.0.0, 127.0.0.1", "10.0.0.5, 10.0.0.5"})
    void theGatewayIsThePublicOriginAndReachesTheServicesWhereTheyListen(String bindHost, String reached) throws Exception {
        List<String> env = env("gateway", bindHost);
        assertFalse(env.stream().anyMatch(l -> l.startsWith("QUARKUS_HTTP_HOST=")), "the gateway's own config decides: " + env);
        assertTrue(env.contains("CATALOG_URL=http://" + reached + ":8081"), env.toString());
        assertTrue(env.contains("ADMIN_URL=http://" + reached + ":8083"), env.toString());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, 127.0.0.1", "10.0.0.5, 10.0.0.5"})
    void theGatewaysOperationalPortListensWhereTheServicesDo(String bindHost, String expected) throws Exception {
        List<String> env = env("gateway", bindHost);
        assertTrue(env.contains("GATEWAY_MANAGEMENT_HOST=" + expected), env.toString());
        assertTrue(env.stream().anyMatch(l -> l.startsWith("GATEWAY_CORS_ORIGINS=") && l.contains("http://localhost:3000")),
                "bin/platform is a dev stack: a local frontend may call it: " + env);
    }
}
