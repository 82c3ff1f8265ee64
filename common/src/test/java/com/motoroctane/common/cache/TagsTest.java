package com.motoroctane.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.motoroctane.common.events.InvalidationEvent;

/** The tag spellings events and cached responses must share. */
class TagsTest {

    @Test
    void entityTagsAreEntityColonId() {
        assertEquals("brand:b1", Tags.brand("b1"));
        assertEquals("model:m1", Tags.model("m1"));
        assertEquals("variant:v1", Tags.variant("v1"));
        assertEquals("comparison:c1", Tags.comparison("c1"));
        assertEquals("variant:v1", Tags.of("variant", "v1"));
    }

    @Test
    void aBrandOrModelWriteNamesItsOwnFieldsTagAVariantWriteDoesNot() {
        assertEquals("brand-own:b1", Tags.brandOwn("b1"));
        assertEquals("model-own:m1", Tags.modelOwn("m1"));
        assertEquals(List.of("brand:b1", "brand-own:b1"), Tags.written("brand", "b1"));
        assertEquals(List.of("model:m1", "model-own:m1", "model-card:m1"), Tags.written("model", "m1"));
        assertEquals(List.of("variant:v1"), Tags.written("variant", "v1"));
        assertEquals(List.of("comparison:c1"), Tags.written("comparison", "c1"));
        assertThrows(IllegalArgumentException.class, () -> Tags.own("variant", "v1"));
    }

    @Test
    void listNamesAndFlushAllAreTheOnesOnTheWire() {
        assertEquals("brands models variants search stats pages comparisons", String.join(" ", Tags.BRANDS, Tags.MODELS,
                Tags.VARIANTS, Tags.SEARCH, Tags.STATS, Tags.PAGES, Tags.COMPARISONS));
        assertEquals("*", Tags.FLUSH_ALL);
        assertEquals(InvalidationEvent.FLUSH_ALL, Tags.FLUSH_ALL);
    }

    @ParameterizedTest(name = "{0} -> brand {4}, model {5}")
    @CsvSource(nullValues = "-", value = {
            "brand, b1, -, -, b1, -",
            "model, m1, b1, -, b1, m1",
            "variant, v1, b1, m1, b1, m1",
            "comparison, c1, -, -, -, -",
            "variant, v1, -, m1, -, m1",
    })
    void parentsOfAnItem(String entity, String id, String brandId, String modelId, String expectedBrand, String expectedModel) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", id);
        doc.put("brandId", brandId);
        doc.put("modelId", modelId);
        assertEquals(new Tags.Parents(expectedBrand, expectedModel), Tags.parents(entity, doc));
    }

    @Test
    void aPriceOnlyEditNamesThePriceShapedListsNotEveryList() {
        assertEquals(List.of("variants:price", "models:price", "variants:items", "models:items", "search:items", "pages:items"),
                Tags.variantUpdateLists(Set.of("price", "version", "updatedAt"), false));
    }

    /** The first pages of cheapest-first lists (price-falls) only when the price may have come down. */
    @Test
    void aPriceThatMayHaveFallenAlsoNamesTheCheapestFirstFirstPages() {
        assertEquals(List.of("variants:price", "models:price", "variants:price-falls", "models:price-falls", "variants:items",
                "models:items", "search:items", "pages:items"), Tags.variantUpdateLists(Set.of("price", "version"), true));
        assertEquals("models:price-falls", Tags.byPriceFalls(Tags.MODELS));
        assertEquals(List.of(), Tags.variantUpdateLists(Set.of("version", "updatedAt"), true), "no price change, nothing");
    }

    @ParameterizedTest
    @CsvSource({"status", "name", "fuelType", "transmission", "modelId", "brandId"})
    void aFieldListsFilterOrSortByNamesEveryListOfTheKind(String field) {
        assertEquals(Tags.VARIANT_WRITE_LISTS, Tags.variantUpdateLists(Set.of(field, "price", "version"), true));
        assertEquals(List.of("variants", "models", "search", "pages:items"), Tags.VARIANT_WRITE_LISTS);
    }

    @Test
    void aContentEditNamesOnlyListsWithoutItemTagsAndBookkeepingNothing() {
        assertEquals(List.of("variants:items", "models:items", "search:items", "pages:items"),
                Tags.variantUpdateLists(Set.of("power", "version"), false));
        assertEquals(List.of(), Tags.variantUpdateLists(Set.of("version", "updatedAt"), false));
    }

    @Test
    void changedFieldsComparesValuesAndPresence() {
        Map<String, Object> before = Map.of("price", 100L, "name", "LXi", "torque", "90 Nm");
        Map<String, Object> after = Map.of("price", 120L, "name", "LXi", "power", "60 hp");
        assertEquals(Set.of("price", "torque", "power"), Tags.changedFields(before, after));
    }

    /** Which variant writes may make a variant its model's cheapest shown one (and so name model-cheapest:). */
    @Test
    void onlyAVariantShownCheaperOrNewlyShownMayBecomeTheCheapest() {
        assertEquals("model-cheapest:m1", Tags.cheapest("m1"));
        Map<String, Object> shown = Map.of("status", "active", "price", 500_000);
        Map<String, Object> hidden = Map.of("status", "inactive", "price", 500_000);
        assertTrue(Tags.mayBecomeCheapest(null, shown), "created shown");
        assertTrue(Tags.mayBecomeCheapest(hidden, shown), "shown again");
        assertTrue(Tags.mayBecomeCheapest(shown, Map.of("status", "active", "price", 499_999L)), "price down (int to long)");
        assertTrue(Tags.mayBecomeCheapest(shown, Map.of("status", "active")), "price unreadable");
        assertFalse(Tags.mayBecomeCheapest(shown, Map.of("status", "active", "price", 500_000L)), "same price");
        assertFalse(Tags.mayBecomeCheapest(shown, Map.of("status", "active", "price", 500_001)), "price up");
        assertFalse(Tags.mayBecomeCheapest(shown, Map.of("status", "active", "price", 500_000, "power", "90 hp")), "another field");
        assertFalse(Tags.mayBecomeCheapest(shown, hidden), "hidden");
        assertFalse(Tags.mayBecomeCheapest(shown, null), "deleted");
        assertFalse(Tags.mayBecomeCheapest(null, hidden), "created hidden");
        assertFalse(Tags.mayBecomeCheapest(hidden, Map.of("status", "inactive", "price", 1)), "hidden and cheaper");
        assertTrue(Tags.mayBecomeCheapest(Map.of("status", "active", "price", 500_000, "modelId", "m1"),
                Map.of("status", "active", "price", 500_000, "modelId", "m2")), "moved to another model at the same price");
    }

    /** Which variant writes may change a card of its model (and so name model-card:). */
    @Test
    void aVariantWriteMayChangeItsModelsCardOnlyThroughACardFieldOfAShownVariant() {
        assertEquals("model-card:m1", Tags.card("m1"));
        Map<String, Object> shown = Map.of("status", "active", "price", 500_000, "power", "90 hp", "colour", "red");
        Map<String, Object> hidden = Map.of("status", "inactive", "price", 500_000, "power", "90 hp");
        assertTrue(Tags.mayChangeCard(null, hidden), "created (even hidden)");
        assertTrue(Tags.mayChangeCard(shown, null), "deleted");
        assertTrue(Tags.mayChangeCard(hidden, Map.of("status", "active", "price", 500_000, "power", "90 hp")), "shown again");
        assertTrue(Tags.mayChangeCard(shown, Map.of("status", "active", "price", 500_001, "power", "90 hp", "colour", "red")),
                "price up");
        for (String field : List.of("power", "mileageCompanyClaimed", "evRange", "modelId", "fuelType", "name")) {
            Map<String, Object> after = new HashMap<>(shown);
            after.put(field, "changed");
            assertTrue(Tags.mayChangeCard(shown, after), field);
        }
        assertFalse(Tags.mayChangeCard(shown, Map.of("status", "active", "price", 500_000, "power", "90 hp", "colour", "blue")),
                "a field no card shows");
        assertFalse(Tags.mayChangeCard(hidden, Map.of("status", "draft", "price", 1, "power", "1 hp")), "hidden before and after");
        assertTrue(Tags.CARD_FIELDS.containsAll(Tags.VARIANT_LIST_FIELDS));
    }
}
