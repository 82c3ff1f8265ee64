package com.motoroctane.compare.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.compare.client.Catalog;

/**
 * The curated list admin-service writes ({@code popularcomparisons}), active rows in {@code order}, each
 * keeping the previous frontend's {@code model1Id}, {@code model2Id}, {@code order}, {@code isActive} and
 * enriched with both models (name, slug, brand, image, starting price). A row whose model is inactive or
 * gone is left out.
 */
@ApplicationScoped
public class PopularComparisons {

    private final Catalog catalog;
    private final ModelCards cards;
    private final ObjectMapper json;

    public PopularComparisons(Catalog catalog, ModelCards cards, ObjectMapper json) {
        this.catalog = catalog;
        this.cards = cards;
        this.json = json;
    }

    public Comparisons.Built build() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(Tags.COMPARISONS);
        List<JsonNode> rows = catalog.curatedComparisons();
        List<String> modelIds = new ArrayList<>();
        rows.forEach(row -> {
            modelIds.add(row.path("model1Id").asText());
            modelIds.add(row.path("model2Id").asText());
        });
        Map<String, Optional<ObjectNode>> described = cards.cards(modelIds, tags, true);
        ArrayNode data = json.createArrayNode();
        for (JsonNode row : rows) {
            Optional<ObjectNode> first = described.getOrDefault(row.path("model1Id").asText(), Optional.empty());
            Optional<ObjectNode> second = described.getOrDefault(row.path("model2Id").asText(), Optional.empty());
            if (first.isEmpty() || second.isEmpty()) {
                continue;
            }
            ObjectNode entry = data.addObject();
            entry.set("id", row.get("id"));
            entry.set("model1Id", row.get("model1Id"));
            entry.set("model2Id", row.get("model2Id"));
            entry.set("order", row.get("order"));
            entry.put("isActive", true);
            entry.set("model1", first.get());
            entry.set("model2", second.get());
        }
        ObjectNode body = json.createObjectNode();
        body.set("data", data);
        try {
            return new Comparisons.Built(json.writeValueAsBytes(body), tags);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
