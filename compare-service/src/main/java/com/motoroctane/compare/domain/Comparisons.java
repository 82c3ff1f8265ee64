package com.motoroctane.compare.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.compare.client.Catalog;

/**
 * Builds one comparison: the items as small summaries (brand, model, variant, image, price) and the spec
 * table, for variant ids in canonical (sorted) order; {@link Reorder} puts them in the order a request asked.
 */
@ApplicationScoped
public class Comparisons {

    static final List<String> VARIANT_SUMMARY = List.of("id", "name", "fuelType", "transmission", "engineName",
            "displacement", "power", "torque", "mileageCompanyClaimed", "evRange", "isValueForMoney");
    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() { };

    private final Catalog catalog;
    private final ObjectMapper json;

    public Comparisons(Catalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * A built comparison: the JSON body and every member's tags (variant, its model's and brand's own fields; never
     * a list name).
     */
    public record Built(byte[] body, Set<String> tags) {
    }

    public Built build(List<String> variantIds, boolean onlyDifferences, String parameter) {
        Catalog.Batch batch = catalog.variantsByIds(variantIds);
        if (!batch.missing().isEmpty()) {
            throw Problems.notFound("Variant", batch.missing().get(0), parameter);
        }
        Map<String, JsonNode> models = catalog.modelsById(batch.found().stream().map(v -> v.path("modelId").asText()).toList());
        Map<String, JsonNode> brands = catalog.brandsById(batch.found().stream().map(v -> v.path("brandId").asText()).toList());
        Set<String> tags = new LinkedHashSet<>();
        ArrayNode items = json.createArrayNode();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (JsonNode variant : batch.found()) {
            String modelId = variant.path("modelId").asText();
            String brandId = variant.path("brandId").asText();
            JsonNode model = models.get(modelId);
            JsonNode brand = brands.get(brandId);
            if (model == null || brand == null) {
                // by?ids shows only variants whose model and brand are visible; this is a write racing the read
                throw Problems.notFound("Variant", variant.path("id").asText(), parameter);
            }
            // what a built comparison shows of a model or brand is its own fields (name, slug, image, logo), never
            // what its other variants decide: a sibling variant's write leaves it (Tags.own)
            tags.add(Tags.variant(variant.path("id").asText()));
            tags.add(Tags.modelOwn(modelId));
            tags.add(Tags.brandOwn(brandId));
            items.add(item(variant, model, brand));
            documents.add(json.convertValue(variant, DOCUMENT));
        }
        ObjectNode body = json.createObjectNode();
        body.set("items", items);
        body.set("groups", SpecGroups.toJson(json, documents, onlyDifferences));
        body.put("onlyDifferences", onlyDifferences);
        return new Built(bytes(body), tags);
    }

    private ObjectNode item(JsonNode variant, JsonNode model, JsonNode brand) {
        ObjectNode item = json.createObjectNode();
        item.set("brand", BrandCards.brand(json, brand));
        ObjectNode m = item.putObject("model");
        m.put("id", model.path("id").asText());
        m.put("name", model.path("name").asText());
        m.put("slug", Resolver.slugOf(model));
        m.set("image", model.path("heroImage").isTextual() ? model.get("heroImage") : null);
        m.set("bodyType", model.path("bodyType").isTextual() ? model.get("bodyType") : null);
        ObjectNode v = item.putObject("variant");
        for (String field : VARIANT_SUMMARY) {
            JsonNode value = variant.get(field);
            v.set(field, value == null ? null : value);
        }
        String image = variant.path("highlightImages").path(0).path("url").asText(null);
        item.put("image", image != null ? image : model.path("heroImage").asText(null));
        item.set("price", variant.get("price"));
        JsonNode onRoad = variant.get("onRoadPrice");
        item.set("onRoadPrice", onRoad == null ? null : onRoad);
        return item;
    }

    byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
