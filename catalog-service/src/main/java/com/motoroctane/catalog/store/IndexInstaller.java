package com.motoroctane.catalog.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates, idempotently, the previous system's 27 indexes and the compound indexes this service's sorts
 * and keyset paging need (which query each serves: catalog-service/README.md). Index types the server
 * rejects (the devstack stand-in has no text indexes) are skipped with one warning; a real MongoDB gets
 * every one.
 */
@ApplicationScoped
public class IndexInstaller {

    private static final Logger LOG = Logger.getLogger(IndexInstaller.class);

    /** One index to ensure. */
    public record Spec(String collection, Bson keys, boolean unique, String origin) {
    }

    private final CatalogStore store;

    public IndexInstaller(CatalogStore store) {
        this.store = store;
    }

    /**
     * Off the startup path: a MongoDB that is not reachable yet must not hold the service (readiness
     * already reports it); the installer retries every 30 s until the server answers.
     */
    void onStart(@Observes StartupEvent event) {
        Thread installer = new Thread(this::installUntilReachable, "index-installer");
        installer.setDaemon(true);
        installer.start();
    }

    private void installUntilReachable() {
        while (true) {
            try {
                install();
                return;
            } catch (MongoTimeoutException | MongoSocketException unreachable) {
                LOG.warnf("MongoDB not reachable for index creation (%s); retrying in 30 s", unreachable.getMessage());
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public List<Spec> install() {
        List<Spec> skipped = new ArrayList<>();
        List<Spec> all = specs();
        for (Spec spec : all) {
            try {
                store.collection(spec.collection()).createIndex(spec.keys(), new IndexOptions().unique(spec.unique()).background(true));
            } catch (MongoTimeoutException | MongoSocketException unreachable) {
                throw unreachable;
            } catch (MongoException e) {
                skipped.add(spec);
                LOG.debugf("index %s on %s not created: %s", spec.keys(), spec.collection(), e.getMessage());
            }
        }
        if (!skipped.isEmpty()) {
            LOG.warnf("MongoDB rejected %d of %d indexes (%s); continuing without them. A real MongoDB accepts all.",
                    skipped.size(), all.size(), skipped.stream().map(s -> s.collection() + " " + s.keys().toBsonDocument().toJson()).toList());
        } else {
            LOG.infof("Ensured %d indexes", all.size());
        }
        return skipped;
    }

    public static List<Spec> specs() {
        List<Spec> s = new ArrayList<>();
        // --- the previous system's 27 (mongodb-config.ts buildIndexesInBackground) ---
        prev(s, CatalogStore.BRANDS, Indexes.ascending("id"), true);
        prev(s, CatalogStore.BRANDS, Indexes.ascending("status", "ranking"), false);
        prev(s, CatalogStore.BRANDS, Indexes.ascending("name"), false);
        prev(s, CatalogStore.BRANDS, Indexes.compoundIndex(Indexes.text("name"), Indexes.text("summary")), false);

        prev(s, CatalogStore.MODELS, Indexes.ascending("id"), true);
        prev(s, CatalogStore.MODELS, Indexes.ascending("brandId", "status"), false);
        prev(s, CatalogStore.MODELS, Indexes.ascending("name"), false);
        prev(s, CatalogStore.MODELS, Indexes.ascending("isPopular", "popularRank"), false);
        prev(s, CatalogStore.MODELS, Indexes.ascending("isNew", "newRank"), false);
        prev(s, CatalogStore.MODELS, Indexes.ascending("bodyType", "status"), false);
        prev(s, CatalogStore.MODELS, Indexes.compoundIndex(Indexes.text("name"), Indexes.text("description")), false);

        prev(s, CatalogStore.VARIANTS, Indexes.ascending("id"), true);
        prev(s, CatalogStore.VARIANTS, Indexes.ascending("modelId", "brandId", "status"), false);
        prev(s, CatalogStore.VARIANTS, Indexes.ascending("brandId", "status", "price"), false);
        prev(s, CatalogStore.VARIANTS, Indexes.ascending("price", "fuelType", "transmission"), false);
        prev(s, CatalogStore.VARIANTS, Indexes.ascending("isValueForMoney", "status"), false);
        prev(s, CatalogStore.VARIANTS, Indexes.ascending("fuelType", "status"), false);
        prev(s, CatalogStore.VARIANTS, Indexes.ascending("transmission", "status"), false);
        prev(s, CatalogStore.VARIANTS, Indexes.descending("createdAt"), false);
        prev(s, CatalogStore.VARIANTS, Indexes.ascending("price", "status"), false);
        prev(s, CatalogStore.VARIANTS, Indexes.compoundIndex(Indexes.text("name"), Indexes.text("description")), false);

        prev(s, "adminusers", Indexes.ascending("email"), true);
        prev(s, "adminusers", Indexes.ascending("id"), true);
        prev(s, "adminusers", Indexes.ascending("isActive"), false);

        prev(s, CatalogStore.COMPARISONS, Indexes.ascending("id"), true);
        prev(s, CatalogStore.COMPARISONS, Indexes.ascending("isActive", "order"), false);
        prev(s, CatalogStore.COMPARISONS, Indexes.ascending("model1Id", "model2Id"), false);

        // --- this service's sorts, slug lookups and keyset seeks (equality, then sort field, then id) ---
        own(s, CatalogStore.BRANDS, "status", "ranking", "id");
        own(s, CatalogStore.BRANDS, "status", "name", "id");
        own(s, CatalogStore.BRANDS, "slug");
        own(s, CatalogStore.MODELS, "status", "name", "id");
        own(s, CatalogStore.MODELS, "status", "popularRank", "id");
        own(s, CatalogStore.MODELS, "status", "newRank", "id");
        own(s, CatalogStore.MODELS, "status", "launchDate", "id");
        // the home page's sections: isPopular=true&sort=popularRank, isNew=true&sort=newRank (filter, then status, then seek)
        own(s, CatalogStore.MODELS, "isPopular", "status", "popularRank", "id");
        own(s, CatalogStore.MODELS, "isNew", "status", "newRank", "id");
        own(s, CatalogStore.MODELS, "brandId", "status", "name", "id");
        own(s, CatalogStore.MODELS, "brandId", "slug");
        own(s, CatalogStore.MODELS, "slug");
        own(s, CatalogStore.VARIANTS, "status", "price", "id");
        own(s, CatalogStore.VARIANTS, "status", "name", "id");
        own(s, CatalogStore.VARIANTS, "modelId", "status", "price", "id");
        own(s, CatalogStore.VARIANTS, "brandId", "status", "price", "id");
        own(s, CatalogStore.VARIANTS, "status", "modelId", "price");
        s.addAll(com.motoroctane.catalog.news.NewsIndexes.specs());
        return s;
    }

    private static void prev(List<Spec> specs, String collection, Bson keys, boolean unique) {
        specs.add(new Spec(collection, keys, unique, "previous system"));
    }

    private static void own(List<Spec> specs, String collection, String... fields) {
        specs.add(new Spec(collection, Indexes.ascending(fields), false, "catalog-service"));
    }
}
