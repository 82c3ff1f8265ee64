package com.motoroctane.catalog.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.motoroctane.catalog.config.CatalogConfig;

/**
 * The visible models' ids by body type, held in memory: the candidates a model page offers as similar models.
 * Reading them from MongoDB took one query per model page render (every model of the body type), re-run after
 * every write of the model's variants; a variant write changes neither a model's body type nor which models are
 * visible, so only brand, model and bulk writes (and a flush) drop this view, as they drop {@link ModelSummaries}.
 */
@ApplicationScoped
public class ModelBodyTypes {

    private final Snapshot<Map<String, List<String>>> snapshot;

    public ModelBodyTypes(CatalogStore store, CatalogConfig config) {
        this.snapshot = new Snapshot<>(config.cache().snapshotRefresh(), () -> load(store));
    }

    /**
     * Ids of the visible models whose {@code bodyType} equals this one (null: the models without one), in id
     * order, as a MongoDB equality on {@code bodyType} would match them.
     */
    public List<String> withBodyType(String bodyType) {
        return snapshot.get().getOrDefault(bodyType, List.of());
    }

    /** How many body types are held (loads the view: the warm-up calls it). */
    public int size() {
        return snapshot.get().size();
    }

    /** Drops it: the next reader rebuilds it (after a brand, model or bulk write, or a flush). */
    public void invalidate() {
        snapshot.invalidate();
    }

    private static Map<String, List<String>> load(CatalogStore store) {
        Map<String, List<String>> byType = new HashMap<>();
        for (Document model : store.find(CatalogStore.MODELS, Filters.empty(), Sorts.ascending("id"), 0, List.of("bodyType"))) {
            Object bodyType = model.get("bodyType");
            byType.computeIfAbsent(bodyType == null ? null : bodyType.toString(), ignored -> new ArrayList<>())
                    .add(model.getString("id"));
        }
        Map<String, List<String>> frozen = new HashMap<>(byType.size() * 2);
        byType.forEach((type, ids) -> frozen.put(type, List.copyOf(ids)));
        return Collections.unmodifiableMap(frozen);
    }
}
