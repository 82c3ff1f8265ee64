package com.motoroctane.devstack.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our services, started from its packaged runner jar ({@code <module>/target/<module>-<version>-runner.jar})
 * as a child process for another module's tests: real code, real HTTP, on a port of the test's choosing.
 * {@link #start()} returns at once so several services can boot in parallel; {@link #awaitReady} waits for
 * {@code /q/health/ready} and shows the tail of the service's log when it exits or never gets ready.
 */
public final class ServiceProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String module;
    private final int port;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmFlags = new ArrayList<>(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
    private Process process;
    private Path log;

    private ServiceProcess(String module, int port) {
        this.module = module;
        this.port = port;
    }

    /** The service of Maven module {@code module} (e.g. {@code catalog-service}), to listen on {@code port}. */
    public static ServiceProcess of(String module, int port) {
        return new ServiceProcess(module, port);
    }

    public ServiceProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ServiceProcess jvmFlag(String flag) {
        jvmFlags.add(flag);
        return this;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The process id, e.g. for a test that kills the service to see how its callers cope. */
    public long pid() {
        return process.pid();
    }

    public ServiceProcess start() {
        Path jar = jar(module);
        try {
            log = Files.createTempFile(module + "-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmFlags);
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + module, e);
        }
    }

    /** Blocks until the service answers 200 on {@code /q/health/ready}. */
    public ServiceProcess awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(module + " not ready after " + READY_TIMEOUT.toSeconds() + " s:\n" + tail());
    }

    /** The last 40 lines of the service's output. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the service (SIGTERM, then SIGKILL after 10 s); a no-op when it already exited. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The packaged jar of {@code module} ({@code <module>/target/<module>-<version>-runner.jar}, the root pom's
     * {@code quarkus.package.jar.type}), with what to run when it is missing.
     */
    static Path jar(String module) {
        Path jar = runnerJar(repositoryRoot().resolve(module).resolve("target"), module);
        if (jar == null) {
            jar = repositoryRoot().resolve(module).resolve("target/" + module + "-<version>-runner.jar");
            throw new IllegalStateException("These tests run against the real " + module + ", but " + jar
                    + " does not exist. Build it first: `mvn verify` from the repository root, or `mvn -pl <this module> -am "
                    + "verify` (the module declares " + module + " as a build-order dependency), or just "
                    + "`mvn -B -q -pl " + module + " -am package -DskipTests`.");
        }
        return jar;
    }

    /** The newest {@code <module>-*-runner.jar} in {@code target}, or null when there is none. */
    private static Path runnerJar(Path target, String module) {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().startsWith(module + "-")
                            && f.getFileName().toString().endsWith("-runner.jar") && Files.isRegularFile(f))
                    .max(Comparator.comparing(ServiceProcess::modified)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + target, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the time of " + file, e);
        }
    }

    /** The reactor root: the nearest directory up from the working directory holding pom.xml and common/. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("common")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        return dir.getParent();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
