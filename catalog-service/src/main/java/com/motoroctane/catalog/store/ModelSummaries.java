package com.motoroctane.catalog.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;
import com.motoroctane.catalog.config.CatalogConfig;

/**
 * What a model's active variants say about it: starting and top price, how many variants, and the
 * power and mileage of the entry variant. Models carry no price of their own (previous-system.md §2),
 * so model price filters, price sorts and every card read this.
 */
@ApplicationScoped
public class ModelSummaries {

    /** @param power power of the cheapest active variant; {@code mileage} its claimed mileage or EV range */
    public record Summary(String modelId, long minPrice, long maxPrice, int variantCount, String power, String mileage) {
    }

    private final Snapshot<Map<String, Summary>> snapshot;

    public ModelSummaries(CatalogStore store, CatalogConfig config) {
        this.snapshot = new Snapshot<>(config.cache().snapshotRefresh(), () -> load(store));
    }

    public Map<String, Summary> all() {
        return snapshot.get();
    }

    public Summary of(String modelId) {
        return all().get(modelId);
    }

    public void invalidate() {
        snapshot.invalidate();
    }

    private static Map<String, Summary> load(CatalogStore store) {
        List<Document> rows = store.collection(CatalogStore.VARIANTS).aggregate(List.of(
                Aggregates.match(store.visible(CatalogStore.VARIANTS)),
                Aggregates.sort(Sorts.ascending("modelId", "price")),
                Aggregates.group("$modelId",
                        Accumulators.first("minPrice", "$price"),
                        Accumulators.max("maxPrice", "$price"),
                        Accumulators.sum("variants", 1),
                        Accumulators.first("power", "$power"),
                        Accumulators.first("mileage", "$mileageCompanyClaimed"),
                        Accumulators.first("range", "$evRange"))))
                .into(new java.util.ArrayList<>());
        Map<String, Summary> byModel = new HashMap<>(rows.size() * 2);
        for (Document row : rows) {
            String modelId = row.getString("_id");
            if (modelId == null) {
                continue;
            }
            String mileage = row.getString("mileage") != null ? row.getString("mileage") : row.getString("range");
            byModel.put(modelId, new Summary(modelId, number(row.get("minPrice")), number(row.get("maxPrice")),
                    ((Number) row.get("variants")).intValue(), row.getString("power"), mileage));
        }
        return Map.copyOf(byModel);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
