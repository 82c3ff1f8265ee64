package com.motoroctane.admin.support;

import jakarta.inject.Inject;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.redis.datasource.RedisDataSource;

/** What the catalogue write tests look at besides the API: the stored documents, the stream, injected faults. */
public abstract class CatalogTest extends AdminTest {

    @Inject
    protected MongoClient mongo;

    @Inject
    protected RedisDataSource redis;

    @Inject
    protected ArmedFaults faults;

    protected MongoDatabase db() {
        return mongo.getDatabase(DevstackTestResource.DATABASE);
    }

    protected MongoCollection<Document> brands() {
        return db().getCollection("brands");
    }
}
