package com.motoroctane.compare.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The small brand and model shapes every compare-service response embeds. */
final class BrandCards {

    private BrandCards() {
    }

    static ObjectNode brand(ObjectMapper json, JsonNode brand) {
        ObjectNode b = json.createObjectNode();
        b.put("id", brand.path("id").asText());
        b.put("name", brand.path("name").asText());
        b.put("slug", Resolver.slugOf(brand));
        b.set("logo", brand.path("logo").isTextual() ? brand.get("logo") : null);
        return b;
    }

    /** id, name, slug, image, and the brand as {id, name, slug}. */
    static ObjectNode model(ObjectMapper json, JsonNode model, JsonNode brand) {
        ObjectNode m = json.createObjectNode();
        m.put("id", model.path("id").asText());
        m.put("name", model.path("name").asText());
        m.put("slug", Resolver.slugOf(model));
        m.set("image", model.path("heroImage").isTextual() ? model.get("heroImage") : null);
        m.set("bodyType", model.path("bodyType").isTextual() ? model.get("bodyType") : null);
        ObjectNode b = m.putObject("brand");
        b.put("id", brand.path("id").asText());
        b.put("name", brand.path("name").asText());
        b.put("slug", Resolver.slugOf(brand));
        return m;
    }
}
