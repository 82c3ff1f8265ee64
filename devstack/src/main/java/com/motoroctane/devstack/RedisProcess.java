package com.motoroctane.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} child process: the one on PATH if there is one, otherwise the linux
 * binary shipped inside {@code com.github.codemonstur:embedded-redis}. The process dies with this JVM.
 */
public final class RedisProcess implements AutoCloseable {

    private static final String BUNDLED = "/redis-server-6.2.6-v5-linux-amd64";

    private final int port;
    private final Path dataDir;
    private Process process;

    public RedisProcess(int port, Path dataDir) {
        this.port = port == 0 ? freePort() : port;
        this.dataDir = dataDir;
    }

    public synchronized RedisProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            List<String> command = new ArrayList<>(List.of(executable().toString(),
                    "--port", String.valueOf(port), "--bind", "127.0.0.1", "--dir", dataDir.toAbsolutePath().toString(),
                    "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("redis.log").toFile());
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            awaitPing(Duration.ofSeconds(15));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start redis-server on port " + port, e);
        }
    }

    /** Stops the server the hard way, as a crash or a network cut would look to clients. */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends one inline command and returns the first reply line (enough for PING, SHUTDOWN, DEBUG SLEEP). */
    public static String command(int port, String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    private void awaitPing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if ("+PONG".equals(command(port, "PING"))) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue()
                        + "; see " + dataDir.resolve("redis.log"));
            }
            sleep(50);
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + timeout);
    }

    static Path executable() throws IOException {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        Path cached = Path.of(System.getProperty("java.io.tmpdir"), "motoroctane-redis-6.2.6", "redis-server");
        if (!Files.isExecutable(cached)) {
            try (InputStream bundled = RedisProcess.class.getResourceAsStream(BUNDLED)) {
                if (bundled == null) {
                    throw new IllegalStateException("No redis-server on PATH and none bundled for this platform");
                }
                Files.createDirectories(cached.getParent());
                Path partial = Files.createTempFile(cached.getParent(), "redis-server", ".part");
                Files.copy(bundled, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return cached;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
