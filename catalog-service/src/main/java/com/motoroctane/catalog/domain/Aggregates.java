package com.motoroctane.catalog.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.motoroctane.catalog.store.BrandNames;
import com.motoroctane.catalog.store.ModelSummaries;

/**
 * What a model list card shows beside the model's stored fields, over its active variants and its brand:
 * {@code startingPrice} and {@code maxPrice} (rupees, null without an active variant), {@code variantCount},
 * {@code brandName} and {@code brandSlug}. The prices and count come from {@link ModelSummaries} (one aggregation
 * over the variants, patched by every variant event), the brand's name and slug from {@link BrandNames} (the visible
 * brands, held in memory).
 * They are never stored (catalog-service writes nothing), so they never enter a MongoDB projection.
 */
public final class Aggregates {

    public static final String STARTING_PRICE = "startingPrice";
    public static final String MAX_PRICE = "maxPrice";
    public static final String VARIANT_COUNT = "variantCount";
    public static final String BRAND_NAME = "brandName";
    public static final String BRAND_SLUG = "brandSlug";

    /** The aggregates of a model, in the order a card shows them. */
    static final List<String> MODEL = List.of(STARTING_PRICE, MAX_PRICE, VARIANT_COUNT, BRAND_NAME, BRAND_SLUG);

    private Aggregates() {
    }

    /** The aggregates computed from a model's variants (the rest are its brand's own fields). */
    static final List<String> OF_VARIANTS = List.of(STARTING_PRICE, MAX_PRICE, VARIANT_COUNT);

    /** Whether any of {@code which} is computed from a model's variants. */
    static boolean ofVariants(List<String> which) {
        return which.stream().anyMatch(OF_VARIANTS::contains);
    }

    /**
     * The stored fields to read for {@code shown}: the aggregates taken out; empty (whole documents) stays empty,
     * and a projection of aggregates only still reads the id.
     */
    static List<String> stored(List<String> shown) {
        if (shown.isEmpty()) {
            return shown;
        }
        List<String> stored = new ArrayList<>(shown);
        stored.removeAll(MODEL);
        return stored.isEmpty() ? List.of("id") : stored;
    }

    /** The aggregates {@code shown} names; all of them for whole documents when {@code allForWhole}. */
    static List<String> named(Listing listing, List<String> shown, boolean allForWhole) {
        if (shown.isEmpty()) {
            return allForWhole ? listing.aggregates() : List.of();
        }
        return listing.aggregates().stream().filter(shown::contains).toList();
    }

    /** Puts the {@code which} aggregates on each model (its {@code id} and {@code brandId} must have been read). */
    static void add(List<Document> models, List<String> which, ModelSummaries summaries, BrandNames brands) {
        if (which.isEmpty() || models.isEmpty()) {
            return;
        }
        Map<String, ModelSummaries.Summary> all = summaries.all();
        for (Document model : models) {
            ModelSummaries.Summary s = all.get(model.getString("id"));
            BrandNames.Brand brand = brands.of(model.getString("brandId"));
            for (String name : which) {
                model.put(name, switch (name) {
                    case STARTING_PRICE -> s == null ? null : s.minPrice();
                    case MAX_PRICE -> s == null ? null : s.maxPrice();
                    case VARIANT_COUNT -> s == null ? 0 : s.variantCount();
                    case BRAND_NAME -> brand == null ? null : brand.name();
                    case BRAND_SLUG -> brand == null ? null : brand.slug();
                    default -> throw new IllegalArgumentException("not an aggregate: " + name);
                });
            }
        }
    }
}
