package com.motoroctane.compare.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.compare.client.Catalog;

/**
 * Turns the models form and the slug form of a compare request into the variant ids it compares. The
 * result is cached by the caller (briefly, tagged by the models and brands it depends on), so that a
 * comparison cached under its variant ids is still found while catalog-service is down.
 */
@ApplicationScoped
public class Resolver {

    private final Catalog catalog;

    public Resolver(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The variant ids, in the order asked, and the tags whose change can change them: the answer of a models or slug
     * request carries these besides the comparison's own.
     */
    public record Resolved(List<String> variantIds, Set<String> tags) {
    }

    /** Each model stands for its cheapest active variant unless {@code picks} names one of its variants. */
    public Resolved models(List<String> modelIds, Map<String, String> picks) {
        Set<String> tags = new LinkedHashSet<>();
        List<String> variantIds = new ArrayList<>();
        for (String modelId : modelIds) {
            JsonNode model = catalog.model(modelId);
            if (model == null || !modelId.equals(model.path("id").asText())) {
                // a slug resolves at /api/models/{idOrSlug} too; this form takes ids only
                throw Problems.notFound("Model", modelId, "models");
            }
            // which of the model's variants is its cheapest: model-cheapest:<id>, named by a write that may make
            // another one it, and the variant's own tag, named by its writes (raised above a sibling, hidden); its
            // brand only whether it is shown (the brand's own status)
            tags.add(Tags.cheapest(modelId));
            tags.add(Tags.brandOwn(model.path("brandId").asText()));
            String variantId = variantOf(modelId, picks.get(modelId));
            tags.add(Tags.variant(variantId));
            variantIds.add(variantId);
        }
        return new Resolved(variantIds, tags);
    }

    /**
     * {@code {brandSlug}-{modelSlug}} parts: both slugs may hold hyphens, so each part is tried against the
     * real brand slugs, longest first, and the rest must be a model slug of that brand.
     */
    public Resolved slugs(List<String> parts) {
        List<JsonNode> brands = new ArrayList<>(catalog.brands());
        brands.sort(Comparator.comparingInt((JsonNode b) -> -slugOf(b).length()).thenComparing(Resolver::slugOf));
        Set<String> tags = new LinkedHashSet<>();
        tags.add(Tags.BRANDS); // a new brand can change how a part splits
        List<String> variantIds = new ArrayList<>();
        for (String part : parts) {
            JsonNode model = modelOfPart(part, brands);
            if (model == null) {
                throw Problems.notFound("Car", part, "slug");
            }
            String modelId = model.path("id").asText();
            tags.add(Tags.model(modelId));
            tags.add(Tags.brand(model.path("brandId").asText()));
            variantIds.add(variantOf(modelId, null));
        }
        if (new LinkedHashSet<>(variantIds).size() != variantIds.size()) {
            throw ProblemException.badParameter("slug", "names the same car twice");
        }
        return new Resolved(variantIds, tags);
    }

    private JsonNode modelOfPart(String part, List<JsonNode> brandsLongestFirst) {
        for (JsonNode brand : brandsLongestFirst) {
            String brandSlug = slugOf(brand);
            if (brandSlug.isEmpty() || !part.startsWith(brandSlug + "-")) {
                continue;
            }
            String modelSlug = part.substring(brandSlug.length() + 1);
            for (JsonNode model : catalog.models(brand.path("id").asText(), null)) {
                if (modelSlug.equals(slugOf(model))) {
                    return model;
                }
            }
        }
        return null;
    }

    private String variantOf(String modelId, String picked) {
        String parameter = CompareParameters.override(modelId);
        if (picked != null) {
            Catalog.Batch batch = catalog.variantsByIds(List.of(picked));
            if (batch.found().isEmpty()) {
                throw Problems.notFound("Variant", picked, parameter);
            }
            if (!modelId.equals(batch.found().get(0).path("modelId").asText())) {
                throw ProblemException.badParameter(parameter, "variant '" + picked + "' is not a variant of model '" + modelId + "'");
            }
            return picked;
        }
        JsonNode cheapest = catalog.cheapestVariant(modelId);
        if (cheapest == null) {
            throw new ProblemException(404, "not-found", "Model has no active variant",
                    "Model '" + modelId + "' has no active variant to compare (parameter 'models')", "models");
        }
        return cheapest.path("id").asText();
    }

    static String slugOf(JsonNode doc) {
        String slug = doc.path("slug").asText("");
        return !slug.isEmpty() ? slug : CatalogFields.slug(doc.path("name").asText(""));
    }
}
