package com.motoroctane.compare.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.compare.client.Catalog;

/** Models as popular and trending comparisons show them: name, slug, image, brand, optionally starting price. */
@ApplicationScoped
public class ModelCards {

    private final Catalog catalog;
    private final ObjectMapper json;

    public ModelCards(Catalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * The card of each model id, or empty when the public does not see the model (or, with prices, when it has
     * no active variant). Adds every model's and brand's tag to {@code tags} either way: a model that comes
     * back must evict the list that left it out. Reads each model once, each brand once, and with prices one
     * model-card list per brand rather than a price query per model.
     */
    public Map<String, Optional<ObjectNode>> cards(Collection<String> modelIds, Set<String> tags, boolean withPrices) {
        Map<String, JsonNode> models = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(modelIds)) {
            if (id == null || id.isEmpty()) {
                continue;
            }
            tags.add(Tags.model(id));
            JsonNode model = catalog.model(id);
            if (model != null && id.equals(model.path("id").asText())) {
                models.put(id, model);
            }
        }
        Map<String, JsonNode> brands = new HashMap<>();
        Map<String, Map<String, Long>> prices = new HashMap<>();
        Map<String, Optional<ObjectNode>> cards = new LinkedHashMap<>();
        for (String id : modelIds) {
            JsonNode model = models.get(id);
            if (model == null) {
                cards.put(id, Optional.empty());
                continue;
            }
            String brandId = model.path("brandId").asText();
            tags.add(Tags.brand(brandId));
            JsonNode brand = brands.computeIfAbsent(brandId, catalog::brand);
            Long price = withPrices ? prices.computeIfAbsent(brandId, catalog::startingPrices).get(id) : null;
            if (brand == null || withPrices && price == null) {
                cards.put(id, Optional.empty());
                continue;
            }
            ObjectNode card = BrandCards.model(json, model, brand);
            if (withPrices) {
                card.put("price", price);
            }
            cards.put(id, Optional.of(card));
        }
        return cards;
    }
}
