package com.motoroctane.devstack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The devstack's S3 API ({@link S3Store}, S3Proxy over a folder) in a child JVM, for a service's tests.
 *
 * <p>Why a child JVM: S3Proxy brings Jackson 3, Jetty 12, the Servlet API and the AWS SDK, which would meet
 * Quarkus' own versions on a service's test classpath. The devstack declares them optional, so they never
 * reach that classpath; the child runs on the devstack's own runtime classpath instead, which its build
 * writes into the resource {@value #CLASSPATH_RESOURCE} (the library jars in the local Maven repository),
 * plus the devstack's own classes. Nothing of S3Proxy is loaded into the calling JVM.
 *
 * <p>The child serves on 127.0.0.1 on a free port, its keys given through its environment (not its command
 * line), and stops when its standard input closes: on {@link #close()}, or when this JVM ends however it
 * ends. {@link #temporary} stores into a temporary folder that {@link #close()} removes.
 */
public final class S3ProxyProcess implements AutoCloseable {

    /** The bucket media-service stores into, in the devstack and in tests. */
    public static final String BUCKET = "motoroctane-media";
    static final String CLASSPATH_RESOURCE = "s3proxy.classpath";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Path home;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final Process process;
    private final int port;

    private S3ProxyProcess(Path home, String bucket, String accessKey, String secretKey) throws IOException {
        this.home = home;
        this.bucket = bucket;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        Path data = Files.createDirectories(home.resolve("data"));
        Path log = home.resolve("s3proxy.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath(),
                // by name: S3Store's own class would link S3Proxy's types, which this JVM does not have
                "com.motoroctane.devstack.S3Store", data.toString(), bucket));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put(S3Store.ACCESS_KEY_ENV, accessKey);
        builder.environment().put(S3Store.SECRET_KEY_ENV, secretKey);
        process = builder.start();
        port = awaitReady(process, log);
    }

    /**
     * Starts S3Proxy in a child JVM over a new temporary folder, with {@code bucket} created and new keys;
     * {@link #close()} stops it and removes the folder.
     */
    public static S3ProxyProcess temporary(String bucket) {
        try {
            return new S3ProxyProcess(Files.createTempDirectory("devstack-s3"), bucket, generateAccessKey(),
                    RedisProcess.generatePassword());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Proxy", e);
        }
    }

    /** An access key id shaped like AWS' (20 upper-case letters and digits). */
    public static String generateAccessKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("MO");
        while (key.length() < 20) {
            key.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return key.toString();
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:port}; clients address it path-style. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String bucket() {
        return bucket;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The folder the objects are stored in (one sub-folder per bucket). */
    public Path dataDir() {
        return home.resolve("data");
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // end of input: the child stops S3Proxy and exits
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(home);
    }

    private static int awaitReady(Process process, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(S3Store.READY)) {
                        return line.substring(S3Store.READY.length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String port;
        try {
            port = ready.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            port = null;
        } catch (ExecutionException | TimeoutException e) {
            port = null;
        }
        if (port == null) {
            process.destroyForcibly();
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            throw new IllegalStateException("S3Proxy did not start; its output:\n" + output);
        }
        // whatever the child prints later is read and dropped, so it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the child ended
            }
        }, "s3proxy-stdout");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(port);
    }

    /**
     * The devstack's own classes and its runtime libraries, as its build listed them. Fails with what to do
     * when a listed jar is gone (the local Maven repository was cleaned since the devstack was built).
     */
    static String classpath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(ownLocation().toString());
        try (InputStream in = S3ProxyProcess.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing from the devstack build; rebuild it");
            }
            String listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : listed.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    if (!Files.exists(Path.of(entry))) {
                        throw new IllegalStateException("The devstack was built with " + entry
                                + ", which is gone; rebuild it (mvn -B -pl devstack -am verify)");
                    }
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or classes folder this class was loaded from. */
    static Path ownLocation() {
        try {
            CodeSource source = S3ProxyProcess.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                return Path.of(source.getLocation().toURI());
            }
            URL self = S3ProxyProcess.class.getResource(S3ProxyProcess.class.getSimpleName() + ".class");
            if (self == null) {
                throw new IllegalStateException("Cannot locate the devstack classes");
            }
            String url = self.toString();
            if (url.startsWith("jar:")) {
                return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
            }
            Path file = Path.of(self.toURI());
            int depth = S3ProxyProcess.class.getName().split("\\.").length;
            for (int i = 0; i < depth; i++) {
                file = file.getParent();
            }
            return file;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the devstack classes", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + root, e);
        }
    }
}
