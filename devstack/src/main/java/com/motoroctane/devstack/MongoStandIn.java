package com.motoroctane.devstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.motoroctane.devstack.mongo.IndexedH2Backend;
import com.motoroctane.devstack.mongo.IndexedMemoryBackend;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

/**
 * The MongoDB-wire-protocol stand-in. Services never see this class: they get a connection string,
 * and a real MongoDB replaces it by setting {@code MONGODB_URI}.
 */
public final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;

    private MongoStandIn(MongoBackend backend, String host, int port) {
        this.backend = backend.version(ServerVersion.MONGO_5_0);
        this.server = new MongoServer(this.backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
    }

    /** In-memory backend on a free loopback port: for tests. */
    public static MongoStandIn inMemory() {
        return new MongoStandIn(new IndexedMemoryBackend(), "127.0.0.1", 0);
    }

    /** H2 file backend, so data survives a restart: for {@code bin/platform up}. */
    public static MongoStandIn persistent(Path file, String host, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create " + file.getParent(), e);
        }
        return new MongoStandIn(new IndexedH2Backend(file.toString()), host, port);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
