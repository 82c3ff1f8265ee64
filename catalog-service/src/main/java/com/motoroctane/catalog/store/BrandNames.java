package com.motoroctane.catalog.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.motoroctane.catalog.config.CatalogConfig;

/**
 * The visible brands' names and slugs, held in memory: what a model card shows of its brand ({@code brandName},
 * {@code brandSlug}) and a model page's similar and compared models show. Reading them was one query per render
 * of every list, search answer and page with model cards, re-run after the writes that evict those; brands are
 * few and change rarely, so brand, model and bulk writes (and a flush) drop this view, as they drop
 * {@link ModelSummaries}, and a variant write leaves it.
 */
@ApplicationScoped
public class BrandNames {

    /** What a card shows of its brand. */
    public record Brand(String name, String slug) {
    }

    private final Snapshot<Map<String, Brand>> snapshot;

    public BrandNames(CatalogStore store, CatalogConfig config) {
        this.snapshot = new Snapshot<>(config.cache().snapshotRefresh(), () -> load(store));
    }

    /** The visible brand {@code brandId} (null when it is hidden, unknown or null). */
    public Brand of(String brandId) {
        return brandId == null ? null : snapshot.get().get(brandId);
    }

    /** How many brands are held (loads the view: the warm-up calls it). */
    public int size() {
        return snapshot.get().size();
    }

    /** Drops it: the next reader rebuilds it (after a brand, model or bulk write, or a flush). */
    public void invalidate() {
        snapshot.invalidate();
    }

    private static Map<String, Brand> load(CatalogStore store) {
        Map<String, Brand> brands = new HashMap<>();
        for (Document b : store.find(CatalogStore.BRANDS, Filters.empty(), null, 0, List.of("name", "slug"))) {
            brands.put(b.getString("id"), new Brand(b.getString("name"), CatalogStore.slugOf(b)));
        }
        return Map.copyOf(brands);
    }
}
