package com.motoroctane.devstack.test;

import java.nio.file.Files;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.motoroctane.devstack.MongoStandIn;
import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.devstack.seed.CatalogGenerator;
import com.motoroctane.devstack.seed.CatalogSeeder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the devstack for a service's {@code @QuarkusTest}s: the in-memory Mongo-wire server seeded
 * with the standard catalogue, and a real redis-server with a password generated for this run (in
 * {@code quarkus.redis.hosts} as {@code redis://:password@127.0.0.1:port}). Tests that need to break Redis
 * read its port from {@code devstack.redis.port} and drive it through {@link RedisProcess}, whose control
 * client authenticates by itself. Services that also store into S3 use {@link DevstackWithS3TestResource}.
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "motoroctane";

    private MongoStandIn mongo;
    private RedisProcess redis;

    @Override
    public Map<String, String> start() {
        mongo = MongoStandIn.inMemory();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            new CatalogSeeder(client.getDatabase(DATABASE), line -> { }).seed(CatalogGenerator.standard());
        }
        try {
            // a fresh password per run: services must authenticate, as they must against a real Redis
            redis = new RedisProcess(0, Files.createTempDirectory("devstack-redis"), RedisProcess.generatePassword()).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("devstack: started " + redis.binary() + " on 127.0.0.1:" + redis.port());
        return Map.of(
                "quarkus.mongodb.connection-string", mongo.connectionString(),
                "quarkus.mongodb.database", DATABASE,
                "quarkus.redis.hosts", redis.url(),
                "devstack.redis.port", String.valueOf(redis.port()),
                "devstack.redis.password", redis.password());
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
    }
}
