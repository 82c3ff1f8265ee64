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

/**
 * The only place catalog-service reads the catalogue. Every read is limited to what {@link Visibility}
 * lets the public see (active, with active parents).
 */
@ApplicationScoped
public class CatalogStore {

    public static final String BRANDS = "brands";
    public static final String MODELS = "models";
    public static final String VARIANTS = "variants";
    public static final String COMPARISONS = "popularcomparisons";

    private final MongoDatabase db;
    private final Visibility visibility;

    public CatalogStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                        Visibility visibility) {
        this.db = client.getDatabase(database);
        this.visibility = visibility;
    }

    /** What a document of {@code collection} must match to be shown (see {@link Visibility}). */
    public Bson visible(String collection) {
        return visibility.filter(collection);
    }

    public MongoCollection<Document> collection(String name) {
        return db.getCollection(name);
    }

    public PageResult page(String collection, ListQuery query) {
        return KeysetPager.page(collection(collection), query.filtered(and(visible(collection), query.filter())));
    }

    /** A visible document by {@code id}, else by {@code slug} (optionally within a brand); null if none. */
    public Document byIdOrSlug(String collection, String idOrSlug, String brandId, List<String> fields) {
        MongoCollection<Document> c = collection(collection);
        Bson projection = KeysetPager.projection(fields);
        Bson visible = visible(collection);
        Document found = c.find(and(visible, eq("id", idOrSlug))).projection(projection).first();
        if (found != null) {
            return found;
        }
        Bson bySlug = brandId == null ? and(visible, eq("slug", idOrSlug)) : and(visible, eq("brandId", brandId), eq("slug", idOrSlug));
        return c.find(bySlug).projection(projection).sort(Sorts.ascending("id")).first();
    }

    public List<Document> find(String collection, Bson filter, Bson sort, int limit, List<String> fields) {
        var find = collection(collection).find(and(visible(collection), filter)).projection(KeysetPager.projection(fields));
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

    public long countVisible(String collection) {
        return collection(collection).countDocuments(visible(collection));
    }

    public void ping() {
        db.runCommand(new Document("ping", 1));
    }
}
