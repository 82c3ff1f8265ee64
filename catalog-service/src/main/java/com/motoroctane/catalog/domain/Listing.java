package com.motoroctane.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.motoroctane.catalog.cache.CacheKind;
import com.motoroctane.catalog.store.CatalogStore;
import com.motoroctane.common.catalog.CatalogFields;

/** The three public lists: their collection, the fields {@code fields=} may name, and their sorts. */
public enum Listing {

    BRANDS(CatalogStore.BRANDS, CatalogFields.BRAND, CacheKind.BRANDS, "brand",
            List.of(new SortSpec("ranking", "ranking", false, false), new SortSpec("name", "name", false, false))),

    MODELS(CatalogStore.MODELS, CatalogFields.MODEL, CacheKind.MODELS, "model",
            List.of(new SortSpec("name", "name", false, false),
                    // models have no price field: this sort is answered from ModelSummaries
                    new SortSpec("price", "price", false, true),
                    new SortSpec("popularRank", "popularRank", false, true),
                    new SortSpec("newRank", "newRank", false, true),
                    new SortSpec("launchDate", "launchDate", false, true))),

    VARIANTS(CatalogStore.VARIANTS, CatalogFields.VARIANT, CacheKind.VARIANTS, "variant",
            List.of(new SortSpec("price", "price", false, false), new SortSpec("name", "name", false, false)));

    private final String collection;
    private final List<String> fields;
    private final CacheKind kind;
    private final String entity;
    private final Map<String, SortSpec> sorts = new LinkedHashMap<>();

    Listing(String collection, List<String> fields, CacheKind kind, String entity, List<SortSpec> sorts) {
        this.collection = collection;
        this.fields = fields;
        this.kind = kind;
        this.entity = entity;
        sorts.forEach(s -> this.sorts.put(s.name(), s));
    }

    public String collection() {
        return collection;
    }

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
