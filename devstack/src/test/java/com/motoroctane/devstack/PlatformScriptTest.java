package com.motoroctane.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/platform} starts the services behind the gateway on loopback unless told otherwise, so in dev
 * nothing reaches them around the gateway; the gateway stays the public origin. Checked through
 * {@code bin/platform env <service>}, which prints what {@code up} starts each service with.
 */
class PlatformScriptTest {

    @TempDir
    Path tmp;

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("bin/platform"))) {
                return dir.resolve("bin/platform");
            }
        }
        throw new IllegalStateException("bin/platform not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> env(String service, String bindHost) throws Exception {
        return env(service, bindHost, Map.of());
    }

    private static List<String> env(String service, String bindHost, Map<String, String> extra) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script().toString(), "env", service).redirectErrorStream(true);
        builder.environment().remove("PLATFORM_BIND_HOST");
        builder.environment().remove("CATALOG_URL");
        builder.environment().remove("ADMIN_URL");
        builder.environment().remove("CATALOG_PORT");
        builder.environment().remove("ADMIN_PORT");
        builder.environment().remove("GATEWAY_CORS_ORIGINS");
        builder.environment().keySet().removeIf(k -> k.startsWith("R2_") || k.equals("S3_PORT"));
        if (bindHost != null) {
            builder.environment().put("PLATFORM_BIND_HOST", bindHost);
        }
        builder.environment().putAll(extra);
        return run(builder);
    }

    private static List<String> run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }

    /** Runs {@code snippet} in bash after sourcing bin/platform (its functions, not its commands). */
    private static ProcessBuilder sourced(String snippet) {
        return new ProcessBuilder("/bin/bash", "-c", "source \"$1\"; " + snippet, "bash", script().toString())
                .redirectErrorStream(true);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        // service,        PLATFORM_BIND_HOST, expected QUARKUS_HTTP_HOST
        "catalog-service,  none,               127.0.0.1",
        "compare-service,  none,               127.0.0.1",
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
        assertTrue(env.contains("COMPARE_URL=http://" + reached + ":8082"), env.toString());
    }

    @Test
    void compareServiceReadsCatalogServiceWhereItListens() throws Exception {
        List<String> env = env("compare-service", null);
        assertTrue(env.contains("COMPARE_PORT=8082"), env.toString());
        assertTrue(env.contains("CATALOG_URL=http://127.0.0.1:8081"), env.toString());
        assertTrue(env("compare-service", null, Map.of("COMPARE_PORT", "9182")).contains("COMPARE_PORT=9182"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, 127.0.0.1", "10.0.0.5, 10.0.0.5"})
    void theGatewaysOperationalPortListensWhereTheServicesDo(String bindHost, String expected) throws Exception {
        List<String> env = env("gateway", bindHost);
        assertTrue(env.contains("GATEWAY_MANAGEMENT_HOST=" + expected), env.toString());
        assertTrue(env.stream().anyMatch(l -> l.startsWith("GATEWAY_CORS_ORIGINS=") && l.contains("http://localhost:3000")),
                "bin/platform is a dev stack: a local frontend may call it: " + env);
    }

    @Test
    void mediaServiceStoresIntoTheDevstacksS3ApiUnderThePreviousR2Names() throws Exception {
        List<String> env = env("media-service", null);
        assertTrue(env.contains("R2_ENDPOINT=http://127.0.0.1:9000"), env.toString());
        assertTrue(env.contains("R2_BUCKET=motoroctane-media"), env.toString());
        assertTrue(env.contains("R2_PUBLIC_BASE_URL="), "no CDN unless configured: " + env);
        assertTrue(env.contains("QUARKUS_HTTP_HOST=127.0.0.1"), "behind the gateway: " + env);
        assertTrue(env.stream().anyMatch(l -> l.startsWith("R2_ACCESS_KEY_ID=")), env.toString());
        assertTrue(env.stream().anyMatch(l -> l.startsWith("R2_SECRET_ACCESS_KEY=")), env.toString());
        assertTrue(env("media-service", null, Map.of("S3_PORT", "9100")).contains("R2_ENDPOINT=http://127.0.0.1:9100"));
    }

    @Test
    void aRealR2IsPassedOnAndItsSecretNeverPrinted() throws Exception {
        List<String> env = env("media-service", null, Map.of("R2_ENDPOINT", "https://acct.r2.cloudflarestorage.com",
                "R2_BUCKET", "prod-media", "R2_ACCESS_KEY_ID", "AKID", "R2_SECRET_ACCESS_KEY", "s3cr3t-value",
                "R2_PUBLIC_BASE_URL", "https://cdn.example.com"));
        assertTrue(env.contains("R2_ENDPOINT=https://acct.r2.cloudflarestorage.com"), env.toString());
        assertTrue(env.contains("R2_BUCKET=prod-media"), env.toString());
        assertTrue(env.contains("R2_ACCESS_KEY_ID=AKID"), env.toString());
        assertTrue(env.contains("R2_SECRET_ACCESS_KEY=<hidden>"), env.toString());
        assertTrue(env.contains("R2_PUBLIC_BASE_URL=https://cdn.example.com"), env.toString());
        assertFalse(String.join("\n", env).contains("s3cr3t-value"));
    }

    @Test
    void theDevstacksGeneratedKeysReachMediaServiceButNotTheEnvListing() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Files.writeString(state.resolve("secrets.env"), "# written by devstack\nREDIS_PASSWORD=r\n"
                + "S3_ACCESS_KEY=MOABCDEFGHIJKLMNOPQR\nS3_SECRET_KEY=generated-secret\n");
        ProcessBuilder started = sourced("STATE=\"$STATE_DIR\"; service_env media-service");
        started.environment().put("STATE_DIR", state.toString());
        started.environment().keySet().removeIf(k -> k.startsWith("R2_"));
        List<String> settings = run(started);
        assertTrue(settings.contains("R2_ACCESS_KEY_ID=MOABCDEFGHIJKLMNOPQR"), settings.toString());
        assertTrue(settings.contains("R2_SECRET_ACCESS_KEY=generated-secret"), "what up starts media-service with: " + settings);

        ProcessBuilder listed = sourced("STATE=\"$STATE_DIR\"; service_env media-service | hide_secrets");
        listed.environment().put("STATE_DIR", state.toString());
        listed.environment().keySet().removeIf(k -> k.startsWith("R2_"));
        List<String> shown = run(listed);
        assertTrue(shown.contains("R2_ACCESS_KEY_ID=MOABCDEFGHIJKLMNOPQR"), shown.toString());
        assertTrue(shown.contains("R2_SECRET_ACCESS_KEY=<hidden>"), shown.toString());
    }

    // ensure_vips against stand-ins for apt-get, id and vips on a PATH of their own

    private Path stubs(String uid, boolean vipsPresent, boolean installFailsOnce) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("dirname", "head")) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        String vips = "#!/bin/bash\necho vips-8.99.0\n";
        script(bin.resolve("id"), "#!/bin/bash\necho " + uid + "\n");
        script(bin.resolve("apt-get"), "#!/bin/bash\n"
                + "echo \"$*\" >> " + tmp.resolve("apt.log") + "\n"
                + "if [[ \"$*\" == *install* ]]; then\n"
                + "  if [ -e " + tmp.resolve("fail-once") + " ]; then /bin/rm " + tmp.resolve("fail-once") + "; exit 100; fi\n"
                + "  printf '" + vips.replace("\n", "\\n") + "' > " + bin.resolve("vips") + "; /bin/chmod +x " + bin.resolve("vips") + "\n"
                + "fi\n");
        if (vipsPresent) {
            script(bin.resolve("vips"), vips);
        }
        if (installFailsOnce) {
            Files.writeString(tmp.resolve("fail-once"), "");
        }
        return bin;
    }

    private static void script(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> ensureVips(Path bin) throws Exception {
        ProcessBuilder builder = sourced("ensure_vips");
        builder.environment().put("PATH", bin.toString());
        return run(builder);
    }

    private List<String> aptCalls() throws Exception {
        Path log = tmp.resolve("apt.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void vipsIsInstalledWithAptWhenMissingInARootShell() throws Exception {
        List<String> out = ensureVips(stubs("0", false, false));
        assertEquals(List.of("install -y -q libvips-tools"), aptCalls(), "no package-list refresh when not needed");
        assertTrue(out.stream().anyMatch(l -> l.contains("apt-get install -y libvips-tools")), "says what it does: " + out);
        assertTrue(out.stream().anyMatch(l -> l.contains("libvips: vips-8.99.0")), "and the version installed: " + out);
    }

    @Test
    void thePackageListsAreRefreshedOnlyWhenTheInstallFails() throws Exception {
        List<String> out = ensureVips(stubs("0", false, true));
        assertEquals(List.of("install -y -q libvips-tools", "update -q", "install -y -q libvips-tools"), aptCalls());
        assertTrue(out.stream().anyMatch(l -> l.contains("libvips: vips-8.99.0")), out.toString());
    }

    @Test
    void withoutRootTheOneCommandToRunIsPrintedAndNothingElseHappens() throws Exception {
        List<String> out = ensureVips(stubs("1000", false, false));
        assertEquals(List.of(), aptCalls());
        assertTrue(out.contains("    sudo apt-get install -y libvips-tools"), out.toString());
    }

    @Test
    void anInstalledVipsIsLeftAlone() throws Exception {
        List<String> out = ensureVips(stubs("0", true, false));
        assertEquals(List.of(), aptCalls());
        assertTrue(out.stream().anyMatch(l -> l.contains("libvips: vips-8.99.0")), out.toString());
    }

    /** bench starts its own platform on the usual ports: over a running one it stops before doing anything. */
    @Test
    void benchRefusesToStartWhereAPlatformPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProcessBuilder builder = new ProcessBuilder("bash", script().toString(), "bench", "--quick")
                    .redirectErrorStream(true);
            builder.environment().put("GATEWAY_PORT", String.valueOf(taken.getLocalPort()));
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue(), out);
            assertTrue(out.contains("is in use: bench starts its own platform (bin/platform down first)"), out);
            assertFalse(out.contains("starting"), "nothing started: " + out);
        }
    }
}
