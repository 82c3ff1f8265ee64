package com.motoroctane.compare.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.compare.client.Catalog;

/** A model as popular and trending comparisons show it: name, slug, image, brand, optionally starting price. */
@ApplicationScoped
public class ModelCards {

    private final Catalog catalog;
    private final ObjectMapper json;

    public ModelCards(Catalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * The card of {@code modelId}, or empty when the public does not see the model (or, with a price, when it
     * has no active variant). Adds the model's and brand's tags to {@code tags} either way: a model that comes
     * back must evict the list that left it out. {@code brands} caches brand reads across one build.
     */
    public Optional<ObjectNode> card(String modelId, Map<String, JsonNode> brands, Set<String> tags, boolean withPrice) {
        if (modelId == null || modelId.isEmpty()) {
            return Optional.empty();
        }
        tags.add(Tags.model(modelId));
        JsonNode model = catalog.model(modelId);
        if (model == null || !modelId.equals(model.path("id").asText())) {
            return Optional.empty();
        }
        String brandId = model.path("brandId").asText();
        tags.add(Tags.brand(brandId));
        JsonNode brand = brands.computeIfAbsent(brandId, catalog::brand);
        if (brand == null) {
            return Optional.empty();
        }
        ObjectNode card = BrandCards.model(json, model, brand);
        if (withPrice) {
            JsonNode cheapest = catalog.cheapestVariant(modelId);
            if (cheapest == null) {
                return Optional.empty();
            }
            card.set("price", cheapest.get("price"));
        }
        return Optional.of(card);
    }
}
