package com.motoroctane.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 API over a folder: S3Proxy with its filesystem store (each bucket a sub-folder, each object a
 * file), listening on loopback, path-style addressing only, every request signed (AWS signature V2 or V4)
 * with one access key and secret. The bucket is created at start if absent.
 *
 * <p>This is the only class that touches S3Proxy, whose libraries are optional dependencies of the devstack
 * (they never reach the services' test classpath). {@code devstack serve} runs it inside its own JVM; a
 * service's tests run it in a child JVM through {@link S3ProxyProcess}, which starts {@link #main} here.
 */
public final class S3Store implements AutoCloseable {

    /** Environment of {@link #main}: the keys are not put on the command line, where {@code ps} shows them. */
    static final String ACCESS_KEY_ENV = "S3_ACCESS_KEY";
    static final String SECRET_KEY_ENV = "S3_SECRET_KEY";
    /** The line {@link #main} prints, followed by the port, once the API answers. */
    static final String READY = "s3store-ready ";

    private final S3Proxy proxy;
    private final String host;

    private S3Store(S3Proxy proxy, String host) {
        this.proxy = proxy;
        this.host = host;
    }

    /**
     * Starts the API over {@code dir} (created if needed) on {@code host:port} (port 0: any free one) and
     * creates {@code bucket} in it if absent.
     */
    public static S3Store start(Path dir, String host, int port, String accessKey, String secretKey, String bucket)
            throws Exception {
        Files.createDirectories(dir);
        BlobStore store = new FilesystemNio2BlobStore(dir.toAbsolutePath().toString());
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + host + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // stop at once: Jetty's graceful stop would also wait for idle keep-alive connections
                .stopTimeout(0)
                .build();
        proxy.start();
        return new S3Store(proxy, host);
    }

    public int port() {
        return proxy.getPort();
    }

    /** {@code http://host:port}, the endpoint clients are configured with (path-style). */
    public String endpoint() {
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop S3Proxy", e);
        }
    }

    /**
     * {@code S3Store <dir> <bucket>} with the keys in {@value #ACCESS_KEY_ENV} / {@value #SECRET_KEY_ENV}:
     * serves on 127.0.0.1, a free port, prints {@value #READY}{@code <port>} and runs until its standard
     * input closes, so it ends with the JVM that started it, however that one ends.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: S3Store <dir> <bucket>  (keys in " + ACCESS_KEY_ENV + ", " + SECRET_KEY_ENV + ")");
            System.exit(2);
        }
        S3Store store = start(Path.of(args[0]), "127.0.0.1", 0, required(ACCESS_KEY_ENV), required(SECRET_KEY_ENV), args[1]);
        System.out.println(READY + store.port());
        System.out.flush();
        try {
            drain(System.in);
        } finally {
            store.close();
        }
        System.exit(0);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing is sent; end of input is the signal to stop
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
