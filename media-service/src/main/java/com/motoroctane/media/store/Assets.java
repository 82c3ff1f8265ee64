package com.motoroctane.media.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import io.quarkus.runtime.Startup;

/**
 * The {@value #COLLECTION} collection: one document per asset, {@code _id} = its key prefix
 * ({@code images/<sha256>}), with who uploaded it, the original's name, type, size and dimensions, every
 * rendition (variant, format, size, bytes, key) and the other paths it answers to ({@code aliases}: the key
 * of a presigned upload it came from).
 */
@ApplicationScoped
@Startup
public class Assets {

    public static final String COLLECTION = "media";

    private final MongoCollection<Document> media;

    public Assets(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.media = mongo.getDatabase(database).getCollection(COLLECTION);
        try {
            media.createIndex(Indexes.ascending("aliases"), new IndexOptions().name("aliases"));
            media.createIndex(Indexes.ascending("demoLabel"), new IndexOptions().name("demoLabel").sparse(true));
        } catch (RuntimeException e) {
            // the index speeds up alias look-ups; without it they still work
        }
    }

    public Document find(String id) {
        return media.find(Filters.eq("_id", id)).first();
    }

    public Document findByAlias(String alias) {
        return media.find(Filters.eq("aliases", alias)).first();
    }

    /** Stores {@code asset}; false when an asset with its id exists already (the same upload, concurrently). */
    public boolean insert(Document asset) {
        try {
            media.insertOne(asset);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The demo picture drawn for a label of common's {@code DemoImages} (service/DemoPictures). */
    public Document findByDemoLabel(String label) {
        return media.find(Filters.eq("demoLabel", label)).first();
    }

    public void setDemoLabel(String id, String label) {
        media.updateOne(Filters.eq("_id", id), Updates.set("demoLabel", label));
    }

    public void addAlias(String id, String alias) {
        media.updateOne(Filters.eq("_id", id), Updates.addToSet("aliases", alias));
    }

    public boolean delete(String id) {
        return media.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
    }

    /** Every object key of an asset's renditions. */
    @SuppressWarnings("unchecked")
    public static List<String> keys(Document asset) {
        List<String> keys = new ArrayList<>();
        for (Document r : (List<Document>) asset.get("renditions", List.class)) {
            keys.add(r.getString("key"));
        }
        return keys;
    }

    public static Document newAsset(String id, String kind, String sha256, String uploaderId, String uploaderEmail,
                                    String originalName, String originalType, long originalBytes, long width,
                                    long height, List<Document> renditions) {
        return new Document("_id", id).append("kind", kind).append("sha256", sha256)
                .append("uploaderId", uploaderId).append("uploaderEmail", uploaderEmail)
                .append("originalName", originalName).append("originalType", originalType)
                .append("originalBytes", originalBytes).append("width", width).append("height", height)
                .append("formats", List.of("avif", "webp", "jpg")).append("renditions", renditions)
                .append("aliases", new ArrayList<String>()).append("createdAt", new Date());
    }
}
