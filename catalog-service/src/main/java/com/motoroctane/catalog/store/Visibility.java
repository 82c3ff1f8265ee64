package com.motoroctane.catalog.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.motoroctane.common.catalog.CatalogFields;

/**
 * The one rule for what the public sees: a brand that is active; a model that is active and whose brand
 * is; a variant that is active and whose model and brand are. Every read goes through {@link #filter}.
 *
 * <p>Parents are few (tens of brands, thousands of models) and rarely inactive, so the ids of the
 * inactive ones are held in memory and applied as {@code brandId/modelId $nin}: the query keeps using
 * the same {status, sortField, id} indexes, with no lookup per document. The sets are read at first use
 * and again on every brand or model invalidation event ({@link #refresh}), which also tells the caller
 * whether visibility changed, so it can evict the lists a parent's children appear in.
 */
@ApplicationScoped
public class Visibility {

    /** Ids of the parents whose children are hidden. */
    public record Hidden(Set<String> brandIds, Set<String> modelIds) {
    }

    private static final Bson ACTIVE = eq(CatalogFields.STATUS, CatalogFields.ACTIVE);

    private final MongoDatabase db;
    private volatile Hidden hidden;

    public Visibility(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.db = client.getDatabase(database);
    }

    /** What a document of {@code collection} must match to be shown. */
    public Bson filter(String collection) {
        Hidden h = hidden();
        List<Bson> all = new ArrayList<>(List.of(ACTIVE));
        if (!CatalogStore.BRANDS.equals(collection) && !h.brandIds().isEmpty()) {
            all.add(nin("brandId", h.brandIds()));
        }
        if (CatalogStore.VARIANTS.equals(collection) && !h.modelIds().isEmpty()) {
            all.add(nin("modelId", h.modelIds()));
        }
        return all.size() == 1 ? ACTIVE : and(all);
    }

    public Hidden hidden() {
        Hidden h = hidden;
        if (h == null) {
            synchronized (this) {
                if (hidden == null) {
                    hidden = load();
                }
                h = hidden;
            }
        }
        return h;
    }

    /**
     * Reads the inactive parents again; true if that changed what is visible, or if it cannot be told
     * (MongoDB failed: the sets are then read again at next use, and the caller evicts as if they changed).
     */
    public synchronized boolean refresh() {
        Hidden before = hidden;
        try {
            hidden = load();
        } catch (MongoException e) {
            hidden = null;
            return true;
        }
        return before == null || !before.equals(hidden);
    }

    private Hidden load() {
        return new Hidden(inactiveIds(CatalogStore.BRANDS), inactiveIds(CatalogStore.MODELS));
    }

    private Set<String> inactiveIds(String collection) {
        Set<String> ids = new HashSet<>();
        for (Document d : db.getCollection(collection).find(ne(CatalogFields.STATUS, CatalogFields.ACTIVE))
                .projection(Projections.fields(Projections.include("id"), Projections.excludeId()))) {
            if (d.getString("id") != null) {
                ids.add(d.getString("id"));
            }
        }
        return Set.copyOf(ids);
    }
}
