package com.motoroctane.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.admin.support.CatalogTest;
import com.motoroctane.admin.support.Streams;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.common.http.ETags;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract between admin-service's events and the readers' cached responses: the event admin-service's
 * real write path publishes for a variant update names every tag that a reader, tagging with the shared
 * {@link Tags} rules as catalog-service's SurrogateKeys does, puts on that variant's list pages and detail.
 * If either side spelt a tag differently, or stopped naming a parent, this fails.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class InvalidationContractTests extends CatalogTest {

    @Inject
    ObjectMapper json;

    @Inject
    CatalogWriter writer;

    private String created(String path, Map<String, Object> body) {
        return as("admin").body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private String variant() {
        String brandId = created("/api/brands", Map.of("name", unique("Brand")));
        String modelId = created("/api/models", Map.of("name", unique("Model"), "brandId", brandId, "bodyType", "SUV"));
        return created("/api/variants", Map.of("name", unique("VXi"), "brandId", brandId, "modelId", modelId,
                "price", 650000, "fuelType", "Petrol"));
    }

    /** The tags of the last "updated" event naming {@code id}, as a reader receives them from the stream. */
    private List<String> updateEventTags(String id) throws Exception {
        List<String> tags = new ArrayList<>();
        for (String body : Streams.events(redis)) {
            InvalidationEvent event = json.readValue(body, InvalidationEvent.class);
            if ("updated".equals(event.type()) && event.ids().contains(id)) {
                tags = event.surrogateKeys();
            }
        }
        return tags;
    }

    /** What a reader tags a response showing {@code doc} with: the list name, and the item's parents. */
    private static List<String> listTags(String list, String entity, Document doc) {
        Tags.Parents parents = Tags.parents(entity, doc);
        return List.of(list, Tags.brand(parents.brandId()), Tags.model(parents.modelId()));
    }

    @ParameterizedTest(name = "variant update {0}")
    @ValueSource(strings = {"{\"price\": 777000}", "{\"status\": \"inactive\"}", "{\"name\": \"Renamed ZXi\"}",
            "{\"fuelType\": \"Diesel\"}"})
    void aVariantUpdateEventNamesEveryTagItsCachedPagesCarry(String patch) throws Exception {
        String variantId = variant();
        as("editor").body(patch).patch("/api/variants/" + variantId).then().statusCode(200);
        Document stored = db().getCollection("variants").find(Filters.eq("id", variantId)).first();
        List<String> event = updateEventTags(variantId);

        // every page showing the variant (lists, /api/variants/by, pages, search) carries its brand's and model's tags
        List<String> parents = listTags(Tags.VARIANTS, Tags.VARIANT, stored).subList(1, 3);
        assertTrue(event.containsAll(parents), "pages showing it " + parents + " vs event " + event);
        // GET /api/variants/{id}: its own tag (and its parents' own-fields tags, which only their own writes name:
        // CatalogWriteTests.onlyABrandOrModelsOwnWriteNamesItsOwnFieldsTag)
        assertTrue(event.contains(Tags.of(Tags.VARIANT, variantId)), "variant detail vs event " + event);
        // lists that may not show it: a price edit names the price-shaped ones (a variant's price is also its model's
        // starting price), a status or name edit every variant and model list; lists without item tags always
        List<String> lists = patch.contains("price")
                ? List.of(Tags.byPrice(Tags.VARIANTS), Tags.byPrice(Tags.MODELS))
                : List.of(Tags.VARIANTS, Tags.MODELS, Tags.SEARCH);
        assertTrue(event.containsAll(lists), "lists " + lists + " vs event " + event);
        assertTrue(event.containsAll(lists.contains(Tags.VARIANTS) ? List.of(Tags.untracked(Tags.PAGES))
                : List.of(Tags.untracked(Tags.VARIANTS), Tags.untracked(Tags.MODELS), Tags.untracked(Tags.SEARCH))),
                "lists without item tags " + event);
        if (patch.contains("price")) {
            assertFalse(event.contains(Tags.VARIANTS) || event.contains(Tags.MODELS), "a price edit empties no whole list kind " + event);
        }
        // the model and brand pages show the variant: they carry its model's and brand's tags
        assertTrue(event.contains(Tags.model(stored.getString("modelId")))
                && event.contains(Tags.brand(stored.getString("brandId"))), "pages " + event);
    }

    /**
     * What a variant's price edit names for its model, decided again after the write: {@code model-cheapest:<model>}
     * (comparisons by models show each model's cheapest shown variant) is left out when a shown sibling is still
     * strictly cheaper than the new price, and {@code models:price}/{@code models:price-falls} (model lists by
     * starting price) when it is also cheaper than the old one, the variant unchanged since. compare-service's
     * InvalidationTests and PriceEditContractTests check the comparisons and lists on both sides' real code.
     */
    @Test
    void aPriceEditNamesWhatItsModelShowsOnlyWhenTheModelsCheapestMayHaveChanged() throws Exception {
        String brandId = created("/api/brands", Map.of("name", unique("Brand")));
        String modelId = created("/api/models", Map.of("name", unique("Model"), "brandId", brandId, "bodyType", "SUV"));
        String cheap = variant(brandId, modelId, "LXi", 600000);
        String dear = variant(brandId, modelId, "ZXi", 700000);
        String cheapest = Tags.cheapest(modelId);
        List<String> modelLists = List.of(Tags.byPrice(Tags.MODELS), Tags.byPriceFalls(Tags.MODELS));

        price(dear, 650000);
        List<String> event = updateEventTags(dear);
        assertFalse(event.contains(cheapest) || event.stream().anyMatch(modelLists::contains),
                "down, a cheaper sibling still shown: " + event);
        assertTrue(event.containsAll(List.of(Tags.of(Tags.VARIANT, dear), Tags.model(modelId), Tags.byPrice(Tags.VARIANTS),
                Tags.byPriceFalls(Tags.VARIANTS))), "the rest of the event stays: " + event);
        Document stored = db().getCollection("variants").find(Filters.eq("id", dear)).first();
        assertEquals(600000, writer.cheapestSiblingBelow(stored).intValue());
        assertNull(writer.cheapestSiblingBelow(new Document(stored).append("version", stored.get("version", Number.class).longValue() - 1)),
                "written again since the write being released: everything is named");

        price(dear, 600000);
        event = updateEventTags(dear);
        assertTrue(event.contains(cheapest) && event.containsAll(modelLists), "down to a tie (equal prices are ordered by id): " + event);
        price(dear, 800000);
        event = updateEventTags(dear);
        assertFalse(event.contains(cheapest), "up: " + event);
        assertTrue(event.contains(Tags.byPrice(Tags.MODELS)), "up from a tie for the cheapest: " + event);
        price(dear, 790000);
        event = updateEventTags(dear);
        assertFalse(event.contains(cheapest) || event.stream().anyMatch(modelLists::contains), "down, far above the cheapest: " + event);
        as("editor").body(Map.of("status", "inactive")).patch("/api/variants/" + cheap).then().statusCode(200);
        price(dear, 780000);
        event = updateEventTags(dear);
        assertTrue(event.contains(cheapest) && event.containsAll(modelLists), "down, the cheaper sibling hidden: " + event);
    }

    /**
     * When a variant write names its model's card ({@code model-card:<model>}: model lists, similar models, a model
     * detail with its aggregates): when it may change the model's summary (count, starting and top price, the
     * cheapest's specs), and, read again after the write, it is not left strictly inside the model's price range.
     * compare-service's PriceEditContractTests checks the cards on both sides' real code.
     */
    @Test
    void aVariantWriteNamesItsModelsCardOnlyWhenWhatTheCardShowsMayHaveChanged() throws Exception {
        String brandId = created("/api/brands", Map.of("name", unique("Brand")));
        String modelId = created("/api/models", Map.of("name", unique("Model"), "brandId", brandId, "bodyType", "SUV"));
        String cheap = variant(brandId, modelId, "LXi", 600000);
        String mid = variant(brandId, modelId, "VXi", 650000);
        String dear = variant(brandId, modelId, "ZXi", 700000);
        String card = Tags.card(modelId);

        price(mid, 660000);
        assertFalse(updateEventTags(mid).contains(card), "inside the range: " + updateEventTags(mid));
        patch(mid, Map.of("power", "90 bhp"));
        assertFalse(updateEventTags(mid).contains(card), "a spec of a variant that is not the cheapest");
        patch(mid, Map.of("engineName", "K12"));
        assertFalse(updateEventTags(mid).contains(card), "a field no card shows");
        price(mid, 710000);
        assertTrue(updateEventTags(mid).contains(card), "past the top price");
        price(mid, 650000);
        assertTrue(updateEventTags(mid).contains(card), "down from the top price");
        price(mid, 600000);
        assertTrue(updateEventTags(mid).contains(card), "a tie with the cheapest");
        price(mid, 590000);
        assertTrue(updateEventTags(mid).contains(card), "below the starting price");
        patch(mid, Map.of("power", "95 bhp"));
        assertTrue(updateEventTags(mid).contains(card), "a spec of the cheapest");
        patch(cheap, Map.of("power", "80 bhp"));
        assertFalse(updateEventTags(cheap).contains(card), "a spec of the variant that was the cheapest");
        patch(dear, Map.of("status", "inactive"));
        assertTrue(updateEventTags(dear).contains(card), "hidden: counted no more");
        price(dear, 100000);
        assertFalse(updateEventTags(dear).contains(card), "the price of a hidden variant");
    }

    private void patch(String variantId, Map<String, Object> changes) {
        as("editor").body(changes).patch("/api/variants/" + variantId).then().statusCode(200);
    }

    /** A shown petrol variant of the model, named {@code name} plus a unique suffix. */
    private String variant(String brandId, String modelId, String name, long price) {
        return created("/api/variants", Map.of("name", unique(name), "brandId", brandId, "modelId", modelId, "price", price,
                "fuelType", "Petrol"));
    }

    private void price(String variantId, long price) {
        as("editor").body(Map.of("price", price)).patch("/api/variants/" + variantId).then().statusCode(200);
    }

    /** A reader serves a whole document with the ETag built by the same rule admin-service checks If-Match against. */
    @Test
    void theEtagAReaderServesIsAcceptedAsIfMatchWeakOrInAList() {
        String variantId = variant();
        Document stored = db().getCollection("variants").find(Filters.eq("id", variantId)).first();
        long version = stored.get("version", Number.class).longValue();
        as("editor").header("If-Match", ETags.ofVersion(version)).body(Map.of("price", 700000))
                .patch("/api/variants/" + variantId).then().statusCode(200).header("ETag", ETags.ofVersion(version + 1));
        as("editor").header("If-Match", ETags.ofVersion(version) + ", W/" + ETags.ofVersion(version + 1))
                .body(Map.of("price", 710000)).patch("/api/variants/" + variantId).then().statusCode(200);
        as("editor").header("If-Match", ETags.ofVersion(version)).body(Map.of("price", 720000))
                .patch("/api/variants/" + variantId).then().statusCode(412).contentType("application/problem+json");
    }
}
