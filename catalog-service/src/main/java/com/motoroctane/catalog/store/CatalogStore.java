package com.motoroctane.catalog.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.motoroctane.catalog.domain.ListQuery;
import com.motoroctane.catalog.domain.PageResult;
import com.motoroctane.common.catalog.CatalogFields;

/** The only place catalog-service touches MongoDB. Every read is limited to active documents. */
@ApplicationScoped
public class CatalogStore {

    public static final String BRANDS = "brands";
    public static final String MODELS = "models";
    public static final String VARIANTS = "variants";
    public static final String COMPARISONS = "popularcomparisons";

    public static final Bson ACTIVE = eq(CatalogFields.STATUS, CatalogFields.ACTIVE);

    private final MongoDatabase db;

    public CatalogStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.db = client.getDatabase(database);
    }

    public MongoCollection<Document> collection(String name) {
        return db.getCollection(name);
    }

    public PageResult page(String collection, ListQuery query) {
        return KeysetPager.page(collection(collection), query);
    }

    /** An active document by {@code id}, else by {@code slug} (optionally within a brand); null if none. */
    public Document byIdOrSlug(String collection, String idOrSlug, String brandId, List<String> fields) {
        MongoCollection<Document> c = collection(collection);
        Bson projection = KeysetPager.projection(fields);
        Document found = c.find(and(ACTIVE, eq("id", idOrSlug))).projection(projection).first();
        if (found != null) {
            return found;
        }
        Bson bySlug = brandId == null ? and(ACTIVE, eq("slug", idOrSlug)) : and(ACTIVE, eq("brandId", brandId), eq("slug", idOrSlug));
        return c.find(bySlug).projection(projection).sort(Sorts.ascending("id")).first();
    }

    public List<Document> find(String collection, Bson filter, Bson sort, int limit, List<String> fields) {
        var find = collection(collection).find(and(ACTIVE, filter)).projection(KeysetPager.projection(fields));
        if (sort != null) {
            find = find.sort(sort);
        }
        if (limit > 0) {
            find = find.limit(limit);
        }
        return find.into(new ArrayList<>());
    }

    public List<Document> byIds(String collection, List<String> ids, List<String> fields) {
        return find(collection, in("id", ids), null, 0, fields);
    }

    public long countActive(String collection) {
        return collection(collection).countDocuments(ACTIVE);
    }

    public void ping() {
        db.runCommand(new Document("ping", 1));
    }
}
