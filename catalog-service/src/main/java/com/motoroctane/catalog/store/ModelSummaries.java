package com.motoroctane.catalog.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
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

    /** The summaries by model id, and the same ordered by (starting price, id): the price "index" bands seek in. */
    private record Loaded(Map<String, Summary> byModel, List<Summary> byStartingPrice) {
    }

    private static final Comparator<Summary> BY_STARTING_PRICE =
            Comparator.comparingLong(Summary::minPrice).thenComparing(Summary::modelId);

    private final Snapshot<Loaded> snapshot;

    private final CatalogStore store;

    public ModelSummaries(CatalogStore store, CatalogConfig config) {
        this.store = store;
        this.snapshot = new Snapshot<>(config.cache().snapshotRefresh(), () -> load(store));
    }

    public Map<String, Summary> all() {
        return snapshot.get().byModel();
    }

    /**
     * Ids of the models whose starting price lies in [min, max] (either bound null: open), found by binary search
     * in the ordered summaries instead of a pass over every model.
     */
    public List<String> startingBetween(Long min, Long max) {
        List<Summary> ordered = snapshot.get().byStartingPrice();
        int from = min == null ? 0 : firstAtLeast(ordered, min);
        int to = max == null ? ordered.size() : firstAtLeast(ordered, max + 1);
        List<String> ids = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            ids.add(ordered.get(i).modelId());
        }
        return ids;
    }

    private static int firstAtLeast(List<Summary> ordered, long price) {
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ordered.get(mid).minPrice() < price) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    public Summary of(String modelId) {
        return all().get(modelId);
    }

    /** Drops them: the next reader rebuilds them whole (after a brand, model or bulk write). */
    public void invalidate() {
        snapshot.invalidate();
    }

    /**
     * Recomputes the summaries of these models only (a variant write names its models, before and after) and
     * swaps them in: one aggregation over their variants instead of over the catalogue.
     */
    public void refreshModels(Collection<String> modelIds) {
        if (modelIds.isEmpty()) {
            return;
        }
        snapshot.patch(current -> {
            Map<String, Summary> byModel = new HashMap<>(current.byModel());
            modelIds.forEach(byModel::remove);
            byModel.putAll(summarise(store, Filters.in("modelId", modelIds)));
            return loaded(byModel);
        });
    }

    private static Loaded load(CatalogStore store) {
        return loaded(summarise(store, null));
    }

    private static Loaded loaded(Map<String, Summary> byModel) {
        List<Summary> ordered = new ArrayList<>(byModel.values());
        ordered.sort(BY_STARTING_PRICE);
        return new Loaded(Map.copyOf(byModel), List.copyOf(ordered));
    }

    /** The summaries of the models with active variants matching {@code only} (null: all). */
    private static Map<String, Summary> summarise(CatalogStore store, Bson only) {
        Bson visible = store.visible(CatalogStore.VARIANTS);
        List<Document> rows = store.collection(CatalogStore.VARIANTS).aggregate(List.of(
                Aggregates.match(only == null ? visible : Filters.and(only, visible)),
                Aggregates.sort(Sorts.ascending("modelId", "price")),
                Aggregates.group("$modelId",
                        Accumulators.first("minPrice", "$price"),
                        Accumulators.max("maxPrice", "$price"),
                        Accumulators.sum("variants", 1),
                        Accumulators.first("power", "$power"),
                        Accumulators.first("mileage", "$mileageCompanyClaimed"),
                        Accumulators.first("range", "$evRange"))))
                .into(new ArrayList<>());
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
        return byModel;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
