package com.motoroctane.catalog.domain;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.motoroctane.cache.ResponseCache.Rendered;
import com.motoroctane.catalog.store.CatalogStore;
import com.motoroctane.common.api.Page;
import com.motoroctane.common.cache.Tags;

/**
 * The raw curated comparison rows (admin-service writes them) for compare-service, which enriches them
 * into {@code /api/popular-comparisons}: active rows by {@code order}, with only the fields the previous
 * frontend reads. Whether each model is shown is compare-service's concern (it reads the models here).
 */
@ApplicationScoped
public class CuratedComparisons {

    /** The list is small (the previous admin UI edits it by hand); a bound keeps a runaway list cheap. */
    static final int MAX_ROWS = 500;

    private final CatalogStore store;
    private final Json json;

    public CuratedComparisons(CatalogStore store, Json json) {
        this.store = store;
        this.json = json;
    }

    public Rendered active() {
        List<Document> rows = store.collection(CatalogStore.COMPARISONS)
                .find(eq("isActive", true))
                .sort(Sorts.ascending("order", "id"))
                .limit(MAX_ROWS)
                .projection(Projections.fields(Projections.excludeId(),
                        Projections.include("id", "model1Id", "model2Id", "order", "isActive")))
                .into(new ArrayList<>());
        // every comparison write names the list; member models are compare-service's to tag
        return new Rendered(json.bytes(Map.of("data", rows,
                "pagination", Page.Pagination.of(1, MAX_ROWS, rows.size(), null))), Tags.COMPARISONS);
    }
}
