package com.motoroctane.catalog.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.motoroctane.common.catalog.CatalogFields;
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
    /** The collections whose documents have a slug, looked up by {@link #byIdOrSlug} (IndexInstaller indexes it). */
    private static final Set<String> SLUGGED = Set.of(BRANDS, MODELS);
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

    /** A brand's or model's slug: the stored one, else made from its name as admin-service makes it. */
    public static String slugOf(Document doc) {
        String slug = doc.getString("slug");
        return slug != null ? slug : CatalogFields.slug(doc.getString("name"));
    }

    /**
     * A visible document by {@code id}, else by {@code slug} (optionally within a brand; the lowest id when several
     * match); null if none. One round trip: both are asked for at once (each clause on an index of
     * {@link IndexInstaller}). Only brands and models have slugs: anything else is found by id alone, so an unknown id
     * never costs a search of a field no index covers (a variant's was a scan of every variant).
     */
    public Document byIdOrSlug(String collection, String idOrSlug, String brandId, List<String> fields) {
        MongoCollection<Document> c = collection(collection);
        Bson projection = KeysetPager.projection(fields);
        Bson visible = visible(collection);
        Bson byId = eq("id", idOrSlug);
        if (!SLUGGED.contains(collection)) {
            return c.find(and(visible, byId)).projection(projection).first();
        }
        Bson bySlug = brandId == null ? eq("slug", idOrSlug) : and(eq("brandId", brandId), eq("slug", idOrSlug));
        Document bySlugFirst = null;
        for (Document d : c.find(and(visible, or(byId, bySlug))).projection(projection).sort(Sorts.ascending("id"))) {
            if (idOrSlug.equals(d.getString("id"))) {
                return d;
            }
            if (bySlugFirst == null) {
                bySlugFirst = d;
            }
        }
        return bySlugFirst;
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
