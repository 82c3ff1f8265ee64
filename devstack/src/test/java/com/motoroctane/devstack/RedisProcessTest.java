package com.motoroctane.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which redis-server the devstack runs, with which options, and that nobody gets in without the password. */
class RedisProcessTest {

    @TempDir
    Path dir;

    @Test
    void theBundledServerRunsByDefaultWhateverIsOnPath() throws Exception {
        RedisProcess.Binary binary = RedisProcess.binary(null);
        assertTrue(binary.bundled(), "no override: the binary shipped in embedded-redis, not one found on PATH");
        assertTrue(binary.version().startsWith("6.2."), binary.toString());
    }

    @Test
    void aReplacedExtractedBinaryIsNeverStarted() throws Exception {
        // its own folder: the shared per-user copy may be running (another build, bin/platform up) and cannot be written
        Path folder = dir.resolve("extracted");
        Path extracted = RedisProcess.bundled(folder);
        Files.writeString(extracted, "#!/bin/sh\necho 'Redis server v=9.9.9 sha=00000000:0'\n");
        Path again = RedisProcess.bundled(folder);
        assertEquals(extracted, again);
        assertTrue(RedisProcess.versionOf(again).startsWith("6.2."), "the bundled binary is put back, not the stand-in run");
    }

    @Test
    void aPasswordIsRequired() throws Exception {
        try (RedisProcess redis = new RedisProcess(0, dir).start()) {
            String refused = RedisProcess.command(redis.port(), null, "PING");
            assertTrue(refused.startsWith("-NOAUTH"), "an unauthenticated PING is refused: " + refused);
            assertTrue(RedisProcess.command(redis.port(), "wrong-password", "PING").startsWith("-"), "a wrong password too");
            assertEquals("+PONG", RedisProcess.command(redis.port(), "PING"), "the control client authenticates");
            assertEquals("redis://:" + redis.password() + "@127.0.0.1:" + redis.port(), redis.url());
            assertTrue(redis.password().length() >= 32);
        }
    }

    @Test
    void aServerRestartedOnTheSamePortKeepsItsPassword() throws Exception {
        RedisProcess first = new RedisProcess(0, dir.resolve("a")).start();
        int port = first.port();
        RedisProcess.command(port, "SHUTDOWN NOSAVE");
        first.stop();
        try (RedisProcess again = new RedisProcess(port, dir.resolve("b")).start()) {
            assertEquals(first.password(), again.password(), "clients configured with the URL reconnect");
            assertEquals("+PONG", RedisProcess.command(port, "PING"));
        }
    }

    @Test
    void twoServersGetDifferentPasswords() {
        assertFalse(new RedisProcess(0, dir).password().equals(new RedisProcess(0, dir).password()));
    }

    @ParameterizedTest
    @CsvSource({"6.2.6, false", "7.0.15, true", "7.2.4, true", "8.0.0, true"})
    void debugIsEnabledLocallyFromRedis7(String version, boolean flag) {
        List<String> args = RedisProcess.arguments(new RedisProcess.Binary(Path.of("/x/redis-server"), version, false),
                6390, "pw", dir);
        String line = String.join(" ", args);
        assertEquals(flag, line.contains("--enable-debug-command local"), line);
        for (String option : List.of("--port 6390", "--bind 127.0.0.1", "--requirepass pw", "--appendonly no",
                "--dir " + dir.toAbsolutePath(), "--protected-mode yes")) {
            assertTrue(line.contains(option), option + " in " + line);
        }
        int save = args.indexOf("--save");
        assertEquals("", args.get(save + 1), "no RDB snapshots");
    }

    @Test
    void anOverrideThatIsNotAnExecutableIsRefused() throws Exception {
        Path notABinary = Files.writeString(dir.resolve("redis-server"), "not redis");
        assertThrows(IllegalStateException.class, () -> RedisProcess.binary(notABinary.toString()));
        assertThrows(IllegalStateException.class, () -> RedisProcess.binary(dir.resolve("missing").toString()));
    }

    @ParameterizedTest
    @CsvSource({"Linux, amd64, /redis-server-6.2.6-v5-linux-amd64", "Linux, aarch64, /redis-server-6.2.7-linux-arm64",
                "Mac OS X, x86_64, /redis-server-6.2.6-v5-darwin-amd64", "Mac OS X, aarch64, /redis-server-6.2.6-v5-darwin-arm64"})
    void everyBundledPlatformHasItsBinary(String os, String arch, String resource) {
        assertEquals(resource, RedisProcess.bundledResource(os, arch));
        assertTrue(RedisProcess.class.getResource(resource) != null, resource + " is in embedded-redis");
    }

    /**
     * redis-server 6.2 reads a command-line argument starting with {@code --} as an option name: with such a
     * password it does not start (a CI run failed so). Generated passwords never start with a dash, and one that
     * does is refused before anything is started.
     */
    @Test
    void aPasswordNeverStartsWithADashWhichTheServerWouldReadAsAnOption() throws Exception {
        RedisProcess.Binary binary = RedisProcess.binary(null);
        Process process = new ProcessBuilder(RedisProcess.arguments(binary, RedisProcess.freePort(), "--x" + RedisProcess.generatePassword(), dir))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dash.log").toFile()).start();
        try {
            assertTrue(process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the server exits at once");
            assertEquals(1, process.exitValue());
            assertTrue(Files.readString(dir.resolve("dash.log")).contains("requirepass"), Files.readString(dir.resolve("dash.log")));
        } finally {
            process.destroyForcibly();
        }
        for (int i = 0; i < 20_000; i++) {
            String password = RedisProcess.generatePassword();
            assertFalse(password.startsWith("-"), password); // ~310 of 20,000 did before
            assertEquals(32, password.length());
        }
        assertThrows(IllegalArgumentException.class, () -> new RedisProcess(0, dir, "--abc"));
        assertThrows(IllegalArgumentException.class, () -> new RedisProcess(0, dir, "-abc"));
    }

    /** Runs only where a system redis-server 7 is installed (CI installs Debian's to check the override). */
    @Test
    void anOverriddenRedis7AcceptsDebugFromLocalClients() throws Exception {
        Path system = Path.of("/usr/bin/redis-server");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(system), "no system redis-server");
        RedisProcess.Binary binary = RedisProcess.binary(system.toString());
        org.junit.jupiter.api.Assumptions.assumeTrue(binary.major() >= 7, "system redis-server is " + binary.version());
        int port = RedisProcess.freePort();
        String password = RedisProcess.generatePassword();
        Process process = new ProcessBuilder(RedisProcess.arguments(binary, port, password, dir))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            String pong = "";
            for (int i = 0; i < 100 && !"+PONG".equals(pong); i++) {
                Thread.sleep(50);
                try {
                    pong = RedisProcess.command(port, password, "PING");
                } catch (java.io.IOException notYet) {
                    // starting
                }
            }
            assertEquals("+OK", RedisProcess.command(port, password, "DEBUG SLEEP 0"));
        } finally {
            process.destroyForcibly();
        }
    }
}
