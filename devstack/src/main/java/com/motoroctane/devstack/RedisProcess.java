package com.motoroctane.devstack;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code redis-server} child process that dies with this JVM. Which binary runs is decided here
 * and nowhere else, so every machine runs the same one: the redis-server 6.2 shipped inside
 * {@code com.github.codemonstur:embedded-redis} (never whatever happens to be on PATH), unless
 * {@value #OVERRIDE_ENV} names another binary explicitly. Every option is given on the command line (no
 * config file is read): loopback only, the port, a password, no persistence, its own working directory.
 *
 * <p>Every server has a password ({@code requirepass}). The password of each server started in this JVM
 * is remembered by port, so {@link #command(int, String)} (the control client tests use to stall, stop
 * and restart Redis) authenticates, and a server restarted on the same port comes back with the same one.
 */
public final class RedisProcess implements AutoCloseable {

    /** Path of a redis-server binary to run instead of the bundled one (e.g. a distribution's 7.x). */
    public static final String OVERRIDE_ENV = "DEVSTACK_REDIS_SERVER";

    private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Map<Integer, String> PASSWORDS = new ConcurrentHashMap<>();

    /** A binary and the version it reported. */
    public record Binary(Path path, String version, boolean bundled) {

        public int major() {
            return Integer.parseInt(version.substring(0, version.indexOf('.')));
        }

        @Override
        public String toString() {
            return path + " (redis " + version + (bundled ? ", bundled with embedded-redis" : ", from " + OVERRIDE_ENV) + ")";
        }
    }

    private final int port;
    private final Path dataDir;
    private final String password;
    private Binary binary;
    private Process process;

    /** A server on {@code port} (0: any free port) with the password it had before on that port, or a new one. */
    public RedisProcess(int port, Path dataDir) {
        this(port, dataDir, null);
    }

    /** @param password the {@code requirepass} to use; null to reuse this port's or generate one */
    public RedisProcess(int port, Path dataDir, String password) {
        this.port = port == 0 ? freePort() : port;
        this.dataDir = dataDir;
        this.password = password != null ? password : PASSWORDS.computeIfAbsent(this.port, p -> generatePassword());
        if (!usablePassword(this.password)) {
            throw new IllegalArgumentException("A Redis password must be non-empty and must not start with '-'");
        }
        PASSWORDS.put(this.port, this.password);
    }

    public synchronized RedisProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            binary = binary(System.getenv(OVERRIDE_ENV));
            ProcessBuilder builder = new ProcessBuilder(arguments(binary, port, password, dataDir)).redirectErrorStream(true)
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

    /**
     * The whole command line. The password is passed as an argument, which other local users can see in
     * the process list: acceptable for a loopback-only dev/test server, and it avoids a config file.
     * Redis 7 refuses {@code DEBUG} (which tests use to stall the server) unless it is enabled; it is
     * enabled for local connections only.
     */
    static List<String> arguments(Binary binary, int port, String password, Path dataDir) {
        List<String> command = new ArrayList<>(List.of(binary.path().toString(),
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--requirepass", password, "--dir", dataDir.toAbsolutePath().toString(),
                "--save", "", "--appendonly", "no", "--daemonize", "no"));
        if (binary.major() >= 7) {
            command.addAll(List.of("--enable-debug-command", "local"));
        }
        return command;
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

    public String password() {
        return password;
    }

    /** The binary this server runs (known once started). */
    public Binary binary() {
        return binary;
    }

    /** {@code redis://:password@127.0.0.1:port}, as Quarkus' {@code quarkus.redis.hosts} and {@code REDIS_URL} take it. */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Sends one inline command and returns the first reply line (enough for PING, SHUTDOWN, DEBUG SLEEP),
     * after authenticating with the password of the server this JVM started on {@code port}, if any.
     */
    public static String command(int port, String inline) throws IOException {
        return command(port, PASSWORDS.get(port), inline);
    }

    /** As {@link #command(int, String)} with an explicit password (null: send no AUTH). */
    public static String command(int port, String password, String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (password != null) {
                out.write(resp("AUTH", password));
                out.flush();
                String auth = readLine(in);
                if (!"+OK".equals(auth)) {
                    return auth;
                }
            }
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(in);
        }
    }

    /**
     * Sends one command, its arguments apart, after authenticating with {@code password} (null: no AUTH), and
     * returns the whole reply: a String (simple or bulk; an error as {@code "ERR ..."}), a Long, a List of those,
     * or null. For commands whose answer is more than one line (ROLE, DBSIZE, SENTINEL ...).
     */
    public static Object reply(int port, String password, String... command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            if (password != null) {
                out.write(resp("AUTH", password));
                out.flush();
                Object auth = readReply(in);
                if (!"OK".equals(auth)) {
                    throw new IOException("AUTH refused: " + auth);
                }
            }
            out.write(resp(command));
            out.flush();
            return readReply(in);
        }
    }

    private static Object readReply(InputStream in) throws IOException {
        String line = readLine(in);
        if (line.isEmpty()) {
            throw new IOException("connection closed");
        }
        String rest = line.substring(1);
        switch (line.charAt(0)) {
            case '+':
                return rest;
            case '-':
                return "ERR " + rest;
            case ':':
                return Long.parseLong(rest);
            case '$': {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(rest);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(readReply(in));
                }
                return items;
            }
            default:
                throw new IOException("unexpected reply " + line);
        }
    }

    private static byte[] resp(String... parts) {
        StringBuilder b = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            b.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void awaitPing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if ("+PONG".equals(command(port, password, "PING"))) {
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

    /** The override if one is named (it must exist), else the bundled binary for this platform. */
    public static Binary binary(String override) throws IOException {
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override.trim());
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(OVERRIDE_ENV + "=" + override + " is not an executable file");
            }
            return new Binary(path, versionOf(path), false);
        }
        Path bundled = bundled();
        return new Binary(bundled, versionOf(bundled), true);
    }

    /** Asks the binary itself ({@code redis-server --version}: "Redis server v=7.0.15 sha=…"). */
    static String versionOf(Path binary) throws IOException {
        Process version = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        String output;
        try (InputStream in = version.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            version.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Matcher m = VERSION.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException(binary + " --version did not report a version: " + output.strip());
        }
        return m.group(1) + '.' + m.group(2) + '.' + m.group(3);
    }

    /**
     * The embedded-redis resource for this OS and CPU, extracted into a per-user folder of the temp
     * directory. A file already there is used only if it is byte-for-byte the bundled one (SHA-256): a stale,
     * partial or replaced file is never started in its place.
     */
    static Path bundled() throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return bundled(Path.of(System.getProperty("java.io.tmpdir"), "motoroctane-redis-" + user));
    }

    /** Extracts the bundled binary into {@code folder} unless an identical copy is already there. */
    static Path bundled(Path folder) throws IOException {
        String resource = bundledResource(System.getProperty("os.name"), System.getProperty("os.arch"));
        byte[] shipped;
        try (InputStream bundled = RedisProcess.class.getResourceAsStream(resource)) {
            if (bundled == null) {
                throw new IllegalStateException("embedded-redis is not on the class path (" + resource + " missing)");
            }
            shipped = bundled.readAllBytes();
        }
        Path cached = folder.resolve(resource.substring(1));
        if (!Files.isExecutable(cached) || !Arrays.equals(sha256(Files.readAllBytes(cached)), sha256(shipped))) {
            Files.createDirectories(cached.getParent());
            Path partial = Files.createTempFile(cached.getParent(), "redis-server", ".part");
            Files.write(partial, shipped);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return cached;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String bundledResource(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean arm = osArch.equals("aarch64") || osArch.equals("arm64");
        if (os.contains("linux")) {
            return arm ? "/redis-server-6.2.7-linux-arm64" : "/redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return arm ? "/redis-server-6.2.6-v5-darwin-arm64" : "/redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IllegalStateException("No bundled redis-server for " + osName + "/" + osArch + "; set " + OVERRIDE_ENV);
    }

    /** Whether redis-server can take {@code password} on its command line: not empty, no leading dash (as an option). */
    public static boolean usablePassword(String password) {
        return password != null && !password.isEmpty() && !password.startsWith("-");
    }

    /**
     * 24 random bytes, base64url: safe in a URL's user-info and on a command line, and never starting with a dash:
     * redis-server 6.2 reads an argument starting with {@code --} as the next option's name, so
     * {@code --requirepass --x…} failed with "wrong number of arguments" and the server did not start (about one
     * generated password in 4,096; seen once in CI).
     */
    public static String generatePassword() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            if (usablePassword(password)) {
                return password;
            }
        }
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
