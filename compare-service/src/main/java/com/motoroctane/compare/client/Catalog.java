package com.motoroctane.compare.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What compare-service reads from catalog-service, in the terms it needs. Blocking: called from cache
 * loaders, which run on worker threads. Not-found answers come back as null or "missing"; every origin
 * failure (connect, timeout, 5xx, open breaker) as {@link CatalogUnavailableException}.
 */
@ApplicationScoped
public class Catalog {

    public static final String MODEL_FIELDS = "id,name,slug,brandId,heroImage,bodyType";
    public static final String BRAND_FIELDS = "id,name,slug,logo";
    /** catalog-service's largest page. */
    static final int PAGE = 100;

    private final CatalogApi api;
    private final GuardedCalls guarded;
    private final CatalogCache cache;

    public Catalog(@RestClient CatalogApi api, GuardedCalls guarded, CatalogCache cache) {
        this.api = api;
        this.guarded = guarded;
        this.cache = cache;
    }

    /**
     * Whole variant documents by id, in the order asked (at most 50 per call, catalog-service's batch limit); whole,
     * since a comparison shows every spec, where catalog-service answers list cards by default. The copies held
     * ({@link CatalogCache#variants}) answer for their ids; the others are read in one call and kept: after a price
     * edit the comparisons rebuilt with that variant read it once, not each its own pair again.
     */
    public Batch variantsByIds(List<String> ids) {
        Map<String, JsonNode> byId = new HashMap<>(cache.variants(ids));
        List<String> toRead = ids.stream().filter(id -> !byId.containsKey(id)).distinct().toList();
        if (!toRead.isEmpty()) {
            JsonNode body = read("variants " + toRead, () -> api.variantsByIds(String.join(",", toRead), "full"));
            for (JsonNode variant : body.path("data")) {
                byId.put(variant.path("id").asText(), variant);
                cache.keepVariant(variant);
            }
        }
        List<JsonNode> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            JsonNode variant = byId.get(id);
            if (variant == null) {
                missing.add(id);
            } else {
                found.add(variant);
            }
        }
        return new Batch(found, missing);
    }

    public record Batch(List<JsonNode> found, List<String> missing) {
    }

    /** An active model by id or slug (catalog-wide), or null. */
    public JsonNode model(String idOrSlug) {
        return cache.model(idOrSlug, () -> orNull(() -> read("model " + idOrSlug, () -> api.model(idOrSlug, MODEL_FIELDS))));
    }

    /** Active models by id (null: not active), the copies held taken at once, the rest read in parallel. */
    public Map<String, JsonNode> modelsById(Collection<String> ids) {
        return Parallel.each(ids, cache::heldModel, this::model);
    }

    /** Active brands by id (null: not active), the copies held taken at once, the rest read in parallel. */
    public Map<String, JsonNode> brandsById(Collection<String> ids) {
        return Parallel.each(ids, cache::heldBrand, this::brand);
    }

    /** An active brand by id or slug, or null. */
    public JsonNode brand(String idOrSlug) {
        return cache.brand(idOrSlug, () -> orNull(() -> read("brand " + idOrSlug, () -> api.brand(idOrSlug, BRAND_FIELDS))));
    }

    /** Every active brand (a few dozen). */
    public List<JsonNode> brands() {
        return pages("brands", cursor -> api.brands(PAGE, cursor, BRAND_FIELDS), Integer.MAX_VALUE);
    }

    /** The active models of a brand and/or body type. */
    public List<JsonNode> models(String brandId, String bodyType) {
        return pages("models of " + brandId + "/" + bodyType, cursor -> api.models(brandId, bodyType, PAGE, cursor, MODEL_FIELDS),
                Integer.MAX_VALUE);
    }

    /** A model's cheapest active variant (id, name, price), or null when it has none. */
    public JsonNode cheapestVariant(String modelId) {
        return cache.cheapestVariant(modelId, () -> {
            JsonNode page = read("cheapest variant of " + modelId,
                    () -> api.variants(modelId, null, null, "price", 1, null, "id,name,price,modelId,brandId"));
            JsonNode first = page.path("data").path(0);
            return first.isMissingNode() ? null : first;
        });
    }

    /** Active variants priced within [min, max], cheapest first, at most {@code maxPages} pages of 100. */
    public List<JsonNode> variantsPricedBetween(long min, long max, String fields, int maxPages) {
        return pages("variants " + min + ".." + max, cursor -> api.variants(null, min, max, "price", PAGE, cursor, fields),
                maxPages);
    }

    /**
     * The starting price (cheapest active variant) of every shown model of a brand, from catalog-service's
     * in-memory price summaries: one read per brand instead of one per model. Empty when the brand is not shown.
     */
    public java.util.Map<String, Long> startingPrices(String brandId) {
        JsonNode cards = orNull(() -> read("model cards of " + brandId, () -> api.brandModelCards(brandId)));
        java.util.Map<String, Long> prices = new java.util.HashMap<>();
        if (cards != null) {
            for (JsonNode card : cards.path("models")) {
                // startingPrice is the rupee twin; "price" is the previous display string ("₹7.71")
                if (card.path("startingPrice").isNumber()) {
                    prices.put(card.path("id").asText(), card.path("startingPrice").asLong());
                }
            }
        }
        return prices;
    }

    /** The curated popular-comparison rows, active only, in order (catalog-service's raw list). */
    public List<JsonNode> curatedComparisons() {
        List<JsonNode> rows = new ArrayList<>();
        read("curated comparisons", api::curatedComparisons).path("data").forEach(rows::add);
        return rows;
    }

    /** Whether catalog-service says it is ready; never throws. */
    public boolean ready() {
        try (var response = api.ready()) {
            return response.getStatus() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<JsonNode> pages(String what, java.util.function.Function<String, JsonNode> page, int maxPages) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < maxPages; i++) {
            String at = cursor;
            JsonNode body = read(what, () -> page.apply(at));
            body.path("data").forEach(all::add);
            JsonNode next = body.path("pagination").path("next");
            if (!next.isTextual() || next.asText().isEmpty()) {
                break;
            }
            cursor = next.asText();
        }
        return all;
    }

    private JsonNode read(String what, Supplier<JsonNode> call) {
        try {
            return guarded.call(what, call);
        } catch (CatalogNotFoundException | CatalogRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CatalogUnavailableException("catalog-service did not answer " + what + ": " + e, e);
        }
    }

    private static JsonNode orNull(Supplier<JsonNode> read) {
        try {
            return read.get();
        } catch (CatalogNotFoundException e) {
            return null;
        }
    }
}
