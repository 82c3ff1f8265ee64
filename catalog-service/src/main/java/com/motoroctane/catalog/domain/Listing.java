package com.motoroctane.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.motoroctane.catalog.cache.CacheKind;
import com.motoroctane.catalog.store.CatalogStore;
import com.motoroctane.common.catalog.CatalogFields;

/**
 * The three public lists: their collection, the fields {@code fields=} may name, the card a list shows by default,
 * the aggregates computed beside the stored fields (models only), and their sorts.
 */
public enum Listing {

    BRANDS(CatalogStore.BRANDS, CatalogFields.BRAND, List.of("id", "name", "slug", "logo", "ranking", "status"),
            List.of(), CacheKind.BRANDS, "brand",
            List.of(new SortSpec("ranking", "ranking", false, false), new SortSpec("name", "name", false, false))),

    MODELS(CatalogStore.MODELS, CatalogFields.MODEL,
            List.of("id", "name", "slug", "brandId", "status", "bodyType", "subBodyType", "fuelTypes", "transmissions",
                    "seating", "heroImage", "isPopular", "isNew", "popularRank", "newRank", "launchDate"),
            Aggregates.MODEL, CacheKind.MODELS, "model",
            List.of(new SortSpec("name", "name", false, false),
                    // models have no price field: this sort is answered from ModelSummaries (sort=price is its old name)
                    new SortSpec(Aggregates.STARTING_PRICE, Aggregates.STARTING_PRICE, false, true),
                    new SortSpec("popularRank", "popularRank", false, true),
                    new SortSpec("newRank", "newRank", false, true),
                    new SortSpec("launchDate", "launchDate", false, true))),

    VARIANTS(CatalogStore.VARIANTS, CatalogFields.VARIANT,
            List.of("id", "name", "brandId", "modelId", "status", "price", "fuelType", "transmission", "engineName",
                    "power", "torque", "mileageCompanyClaimed", "evRange", "isValueForMoney"),
            List.of(), CacheKind.VARIANTS, "variant",
            List.of(new SortSpec("price", "price", false, false), new SortSpec("name", "name", false, false)));

    private final String collection;
    private final List<String> fields;
    private final List<String> card;
    private final List<String> aggregates;
    private final CacheKind kind;
    private final String entity;
    private final Map<String, SortSpec> sorts = new LinkedHashMap<>();

    Listing(String collection, List<String> stored, List<String> cardStored, List<String> aggregates, CacheKind kind,
            String entity, List<SortSpec> sorts) {
        this.collection = collection;
        this.aggregates = aggregates;
        this.fields = concat(stored, aggregates);
        this.card = concat(cardStored, aggregates);
        this.kind = kind;
        this.entity = entity;
        sorts.forEach(s -> this.sorts.put(s.name(), s));
        if (this.sorts.containsKey(Aggregates.STARTING_PRICE)) {
            this.sorts.put("price", this.sorts.get(Aggregates.STARTING_PRICE)); // the name it had before the aggregates
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The fields a list item shows by default ({@code view=card}): a card, with the aggregates. */
    public List<String> cardFields() {
        return card;
    }

    /** Values computed beside the stored fields (models: starting price, …); never in a MongoDB projection. */
    public List<String> aggregates() {
        return aggregates;
    }

    public String collection() {
        return collection;
    }

    /** What a list's {@code fields=} may name: the stored fields and the aggregates. */
    public List<String> fields() {
        return fields;
    }

    public CacheKind kind() {
        return kind;
    }

    /** Singular entity name, as in surrogate keys ({@code model:<id>}). */
    public String entity() {
        return entity;
    }

    public Map<String, SortSpec> sorts() {
        return sorts;
    }

    public SortSpec defaultSort() {
        return sorts.values().iterator().next();
    }
}
