package com.motoroctane.compare.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.compare.client.Catalog;
import com.motoroctane.compare.config.CompareConfig;

/**
 * "Similar cars" for a variant: active variants of other models with the same body type, priced within
 * ±{@code compare.alternatives.price-band} of it, nearest price first.
 */
@ApplicationScoped
public class Alternatives {

    static final String CARD_FIELDS = "id,name,price,fuelType,transmission,modelId,brandId,highlightImages";

    private final Catalog catalog;
    private final ObjectMapper json;
    private final CompareConfig.Alternatives config;

    public Alternatives(Catalog catalog, ObjectMapper json, CompareConfig config) {
        this.catalog = catalog;
        this.json = json;
        this.config = config.alternatives();
    }

    public Comparisons.Built build(String variantId, int limit) {
        Catalog.Batch batch = catalog.variantsByIds(List.of(variantId));
        if (batch.found().isEmpty()) {
            throw Problems.notFound("Variant", variantId, "variant");
        }
        JsonNode subject = batch.found().get(0);
        String ownModel = subject.path("modelId").asText();
        JsonNode model = catalog.model(ownModel);
        if (model == null) {
            throw Problems.notFound("Variant", variantId, "variant");
        }
        long price = subject.path("price").asLong();
        String bodyType = model.path("bodyType").asText("");

        // membership changes with any variant or model write, so this list carries the list names too, and with
        // any variant's price (a price-only update names variants:price instead of variants)
        Set<String> tags = new LinkedHashSet<>(List.of(Tags.VARIANTS, Tags.MODELS, Tags.byPrice(Tags.VARIANTS),
                Tags.variant(variantId), Tags.model(ownModel)));
        ArrayNode cards = json.createArrayNode();
        ObjectNode body = json.createObjectNode();
        body.put("variant", variantId);
        body.put("price", price);
        body.put("bodyType", bodyType.isEmpty() ? null : bodyType);
        if (!bodyType.isEmpty() && price > 0) {
            Map<String, JsonNode> sameBody = new HashMap<>();
            for (JsonNode m : catalog.models(null, bodyType)) {
                if (!ownModel.equals(m.path("id").asText())) {
                    sameBody.put(m.path("id").asText(), m);
                }
            }
            long min = (long) Math.floor(price * (1 - config.priceBand()));
            long max = (long) Math.ceil(price * (1 + config.priceBand()));
            List<JsonNode> candidates = new ArrayList<>();
            for (JsonNode v : catalog.variantsPricedBetween(min, max, CARD_FIELDS, config.maxPages())) {
                if (sameBody.containsKey(v.path("modelId").asText())) {
                    candidates.add(v);
                }
            }
            candidates.sort(Comparator.comparingLong((JsonNode v) -> Math.abs(v.path("price").asLong() - price))
                    .thenComparing(v -> v.path("id").asText()));
            Map<String, JsonNode> brands = new HashMap<>();
            for (JsonNode v : candidates) {
                if (cards.size() == limit) {
                    break;
                }
                JsonNode m = sameBody.get(v.path("modelId").asText());
                JsonNode brand = brands.computeIfAbsent(v.path("brandId").asText(), catalog::brand);
                if (brand == null) {
                    continue;
                }
                cards.add(card(v, m, brand));
                tags.add(Tags.variant(v.path("id").asText()));
                tags.add(Tags.model(m.path("id").asText()));
                tags.add(Tags.brand(brand.path("id").asText()));
            }
        }
        body.set("data", cards);
        return new Comparisons.Built(bytes(body), tags);
    }

    private ObjectNode card(JsonNode variant, JsonNode model, JsonNode brand) {
        ObjectNode card = json.createObjectNode();
        card.put("id", variant.path("id").asText());
        card.put("name", variant.path("name").asText());
        card.set("price", variant.get("price"));
        card.set("fuelType", variant.get("fuelType"));
        card.set("transmission", variant.get("transmission"));
        String image = variant.path("highlightImages").path(0).path("url").asText(null);
        card.put("image", image != null ? image : model.path("heroImage").asText(null));
        card.set("model", BrandCards.model(json, model, brand));
        return card;
    }

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
