package com.motoroctane.compare;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.motoroctane.compare.support.Admin;
import com.motoroctane.compare.support.CompareTestResource;
import com.motoroctane.compare.support.Events;
import com.motoroctane.compare.support.Poll;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Both sides of the narrow price-edit event (common {@code Tags.variantUpdateLists}): a price-only edit written
 * through admin-service's real API no longer names every variant and model list, so this checks, on the real
 * catalog-service, that every list the new price reshapes is fresh (price-ordered and price-banded lists, also
 * ones that did not show the variant, the model lists ordered by starting price, search) and that lists it
 * cannot reshape stay cached.
 */
@QuarkusTest
@WithTestResource(value = CompareTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(6)
class PriceEditContractTests {

    private static String catalog() {
        return ConfigProvider.getConfig().getValue("test.catalog.url", String.class);
    }

    private static Response get(String path) {
        return given().baseUri(catalog()).get(path).then().statusCode(200).extract().response();
    }

    private static List<String> ids(String path) {
        return get(path).jsonPath().getList("data.id");
    }

    @Test
    void aPriceEditRefreshesEveryListItCanReshapeAndNoOther() {
        String r = Admin.word();
        // a price band no other test writes into: the lists below hold only these variants
        long base = 95_000_000L + ThreadLocalRandom.current().nextLong(1_000) * 1_000;
        String brand = Admin.brand("Band " + r);
        String other = Admin.brand("Elsewhere " + r);
        String m1 = Admin.model(brand, "Alpha " + r, "Sedan");
        String m2 = Admin.model(brand, "Beta " + r, "Sedan");
        String m3 = Admin.model(other, "Gamma " + r, "Sedan");
        String v1 = Admin.variant(brand, m1, "Pz" + r, base + 100, Map.of("fuelType", "Petrol"));
        String v2 = Admin.variant(brand, m2, "Qz" + r, base + 200, Map.of("fuelType", "Petrol"));
        Admin.variant(other, m3, "Rz" + r, 700_000, Map.of("fuelType", "Diesel"));
        Events.settled();

        String variantsByPrice = "/api/variants?minPrice=" + base + "&maxPrice=" + (base + 999) + "&sort=price";
        String lowBand = "/api/variants?minPrice=" + base + "&maxPrice=" + (base + 60);
        String lowBandOfModel = "/api/variants?modelId=" + m2 + "&maxPrice=" + (base + 60);
        String modelsByPrice = "/api/models?minPrice=" + base + "&maxPrice=" + (base + 999) + "&sort=startingPrice";
        String search = "/api/search?q=qz" + r;
        List<String> untouched = List.of("/api/variants?brandId=" + other + "&sort=name", "/api/models?brandId=" + other,
                "/api/variants?modelId=" + m3 + "&sort=price");
        assertEquals(List.of(v1, v2), ids(variantsByPrice));
        assertEquals(List.of(), ids(lowBand));
        assertEquals(List.of(), ids(lowBandOfModel));
        assertEquals(List.of(m1, m2), ids(modelsByPrice));
        assertEquals(base + 200, get(search).jsonPath().getLong("data[0].price"));
        // cached before the edit (catalog-service may still be applying the creations' events: read until a hit)
        List<String> all = new java.util.ArrayList<>(List.of(variantsByPrice, lowBand, lowBandOfModel, modelsByPrice, search));
        all.addAll(untouched);
        for (String path : all) {
            Poll.until(path + " is cached", () -> get(path).header("X-Cache"), "HIT"::equals);
        }
        assertEquals(List.of(v1, v2), ids(variantsByPrice), "still, once cached");

        Admin.patch("variants", v2, Map.of("price", base + 50));

        Poll.until("the price-ordered variant list reorders", () -> ids(variantsByPrice), List.of(v2, v1)::equals);
        assertEquals(List.of(v2), ids(lowBand), "a price band that did not show the variant before");
        assertEquals(List.of(v2), ids(lowBandOfModel), "a model's price band that did not show it before");
        assertEquals(List.of(m2, m1), ids(modelsByPrice), "models by starting price");
        Response model = get("/api/models/" + m2 + "?fields=id,startingPrice");
        assertEquals(base + 50, model.jsonPath().getLong("startingPrice"));
        assertEquals(base + 50, get(search).jsonPath().getLong("data[0].price"), "search shows the new price");
        for (String path : untouched) {
            assertEquals("HIT", get(path).header("X-Cache"), path + " cannot change with that price: it stays cached");
        }
    }

    /**
     * The first page of a cheapest-first list ({@code price-falls}) follows only prices that may have come down: a
     * price raised of an item it does not show leaves it cached, while the later page that item can move into is
     * refreshed; a price lowered of an item it does not show brings that item in. Models by starting price and
     * variants by price, admin-service's real events, catalog-service's real tags.
     */
    @Test
    void aRisingPriceKeepsTheCheapestFirstFirstPagesThatDoNotShowItAndRefreshesTheLaterOnes() {
        String r = Admin.word();
        long base = 96_000_000L + ThreadLocalRandom.current().nextLong(1_000) * 1_000;
        String brand = Admin.brand("Rise " + r);
        String m1 = Admin.model(brand, "One " + r, "Sedan");
        String m2 = Admin.model(brand, "Two " + r, "Sedan");
        String m3 = Admin.model(brand, "Three " + r, "Sedan");
        String v1 = Admin.variant(brand, m1, "Ra" + r, base + 100, Map.of("fuelType", "Petrol"));
        String v2 = Admin.variant(brand, m2, "Rb" + r, base + 200, Map.of("fuelType", "Petrol"));
        String v3 = Admin.variant(brand, m3, "Rc" + r, base + 300, Map.of("fuelType", "Petrol"));
        Events.settled();
        Events.appliedByCatalog(catalog());

        String firstModels = "/api/models?brandId=" + brand + "&sort=startingPrice&limit=1";
        String secondModels = firstModels + "&page=2";
        String firstVariants = "/api/variants?brandId=" + brand + "&sort=price&limit=1";
        String secondVariants = firstVariants + "&page=2";
        assertEquals("models models:price-falls", tagsOtherThanItems(firstModels));
        assertEquals("models models:price", tagsOtherThanItems(secondModels));
        assertEquals(List.of(m1), ids(firstModels));
        assertEquals(List.of(m2), ids(secondModels));
        assertEquals(List.of(v1), ids(firstVariants));
        assertEquals(List.of(v2), ids(secondVariants));
        List<String> all = List.of(firstModels, secondModels, firstVariants, secondVariants);
        for (String path : all) {
            Poll.until(path + " is cached", () -> get(path).header("X-Cache"), "HIT"::equals);
        }

        Admin.patch("variants", v3, Map.of("price", base + 400)); // not shown on any of the four pages, rises
        Events.appliedByCatalog(catalog());
        for (String path : List.of(firstModels, firstVariants)) {
            assertEquals("HIT", get(path).header("X-Cache"), path + ": a dearer item it does not show cannot enter");
        }
        // a later page may take in an item whose price rose (models:price, named by every price edit): read again
        assertEquals("MISS", get(secondModels).header("X-Cache"));
        assertEquals("MISS", get(secondVariants).header("X-Cache"));

        Admin.patch("variants", v1, Map.of("price", base + 250)); // shown on the first pages, rises past v2
        Poll.until("the first page of models shows the new cheapest", () -> ids(firstModels), List.of(m2)::equals);
        Poll.until("the second page of models takes in the model whose price rose", () -> ids(secondModels), List.of(m1)::equals);
        Poll.until("the first page of variants shows the new cheapest", () -> ids(firstVariants), List.of(v2)::equals);
        Poll.until("the second page of variants takes in the variant whose price rose", () -> ids(secondVariants), List.of(v1)::equals);

        Admin.patch("variants", v3, Map.of("price", base + 50)); // not shown on the first pages, falls below them all
        Poll.until("a first page takes in the model whose price fell", () -> ids(firstModels), List.of(m3)::equals);
        Poll.until("a first page takes in the variant whose price fell", () -> ids(firstVariants), List.of(v3)::equals);
    }

    /**
     * A price edit that leaves its model's starting price as it was keeps the model lists by starting price that do
     * not show the model (admin-service leaves models:price and models:price-falls out when, after the write, a
     * shown sibling is strictly cheaper than both prices; the lists showing it follow its model:<id>), while the
     * variant lists by price follow it; one that moves the starting price brings the model into a band that did
     * not show it. admin-service's real events, catalog-service's real tags.
     */
    @Test
    void aPriceEditAboveTheModelsCheapestKeepsTheModelListsByStartingPriceThatDoNotShowIt() {
        String r = Admin.word();
        long base = 97_000_000L + ThreadLocalRandom.current().nextLong(1_000) * 1_000;
        String brand = Admin.brand("Start " + r);
        String otherBrand = Admin.brand("Finish " + r);
        String m1 = Admin.model(brand, "Uno " + r, "Sedan");
        String m2 = Admin.model(otherBrand, "Duo " + r, "Sedan");
        String cheap = Admin.variant(brand, m1, "Sa" + r, base + 100, Map.of("fuelType", "Petrol"));
        String dear = Admin.variant(brand, m1, "Sb" + r, base + 300, Map.of("fuelType", "Petrol"));
        String other = Admin.variant(otherBrand, m2, "Sc" + r, base + 200, Map.of("fuelType", "Petrol"));
        Events.settled();
        Events.appliedByCatalog(catalog());

        String modelsByPrice = "/api/models?minPrice=" + base + "&maxPrice=" + (base + 999) + "&sort=startingPrice";
        String lowBand = "/api/models?minPrice=" + base + "&maxPrice=" + (base + 60);
        String otherBrandByPrice = "/api/models?brandId=" + otherBrand + "&sort=startingPrice";
        String variantsByPrice = "/api/variants?minPrice=" + base + "&maxPrice=" + (base + 999) + "&sort=price";
        assertEquals(List.of(m1, m2), ids(modelsByPrice));
        assertEquals(List.of(), ids(lowBand));
        assertEquals(List.of(m2), ids(otherBrandByPrice));
        assertEquals("models models:price-falls", tagsOtherThanItems(otherBrandByPrice));
        assertEquals(List.of(cheap, other, dear), ids(variantsByPrice));
        for (String path : List.of(lowBand, otherBrandByPrice, variantsByPrice)) {
            Poll.until(path + " is cached", () -> get(path).header("X-Cache"), "HIT"::equals);
        }

        Admin.patch("variants", dear, Map.of("price", base + 150)); // down, still above its model's cheapest
        Poll.until("the variants by price follow the edit", () -> ids(variantsByPrice), List.of(cheap, dear, other)::equals);
        Events.appliedByCatalog(catalog());
        for (String path : List.of(lowBand, otherBrandByPrice)) {
            assertEquals("HIT", get(path).header("X-Cache"), path + ": the model's starting price did not change");
        }
        assertEquals(List.of(m1, m2), ids(modelsByPrice));

        Admin.patch("variants", dear, Map.of("price", base + 50)); // below the cheapest: the starting price moves
        Poll.until("a band that did not show the model takes it in", () -> ids(lowBand), List.of(m1)::equals);
        assertEquals(List.of(m1), ids("/api/models?brandId=" + brand + "&maxPrice=" + (base + 60)));
    }

    /**
     * A model's card (a model list, a model detail with its aggregates, the similar models on another model's page:
     * {@code model-card:<id>}) follows a variant write only when it may change what the card shows: a price edit and a
     * spec edit of a variant that was and stays strictly inside its model's price range leave every card of the
     * model cached (admin-service leaves the tag out after reading the siblings beyond both prices), while the
     * model's own variant list follows the edit; a price past the top or below the start, and a spec edit of the
     * cheapest, reach every card. admin-service's real events, catalog-service's real tags and summaries.
     */
    @Test
    void aVariantEditInsideItsModelsPriceRangeKeepsEveryCardOfTheModel() {
        String r = Admin.word();
        long base = 98_000_000L + ThreadLocalRandom.current().nextLong(1_000) * 1_000;
        String brand = Admin.brand("Card " + r);
        String m = Admin.model(brand, "Carda " + r, "Sedan");
        String n = Admin.model(brand, "Cardb " + r, "Sedan");
        String low = Admin.variant(brand, m, "Ca" + r, base + 100, Map.of("fuelType", "Petrol", "power", "80 bhp"));
        String mid = Admin.variant(brand, m, "Cb" + r, base + 200, Map.of("fuelType", "Petrol", "power", "90 bhp"));
        Admin.variant(brand, m, "Cc" + r, base + 300, Map.of("fuelType", "Petrol", "power", "100 bhp"));
        Admin.variant(brand, n, "Cd" + r, base + 150, Map.of("fuelType", "Petrol", "power", "70 bhp"));
        Events.settled();
        Events.appliedByCatalog(catalog());

        String brandSlug = get("/api/brands/" + brand).jsonPath().getString("slug");
        String otherPage = "/api/pages/model/" + brandSlug + "/" + get("/api/models/" + n).jsonPath().getString("slug");
        String models = "/api/models?brandId=" + brand;
        String detail = "/api/models/" + m + "?fields=name,startingPrice,maxPrice";
        String brandPage = "/api/pages/brand/" + brandSlug;
        String formatted = "/api/brands/" + brand + "/formatted";
        String ownVariants = "/api/variants?modelId=" + m + "&sort=price";
        Cards at = new Cards(m, otherPage, brandPage, formatted, models, detail);
        String search = "/api/search?q=ca" + r; // the cheapest variant's hit: tagged by that variant, not its model
        List<String> cards = List.of(otherPage, brandPage, formatted, models, detail, search);
        assertCards(at, base + 100, base + 300, "80 bhp");
        assertTrue(get(otherPage).header("Surrogate-Key").contains("model-card:" + m), "the page shows the model as a card");
        assertEquals(List.of(low), ids(search));
        for (String path : cards) {
            Poll.until(path + " is cached", () -> get(path).header("X-Cache"), "HIT"::equals);
        }
        Poll.until(ownVariants + " is cached", () -> get(ownVariants).header("X-Cache"), "HIT"::equals);

        Admin.patch("variants", mid, Map.of("price", base + 250, "power", "95 bhp")); // inside (100, 300), not the cheapest
        Events.appliedByCatalog(catalog());
        assertEquals(base + 250, get(ownVariants).jsonPath().getLong("data.find { it.id == '" + mid + "' }.price"),
                "the model's own list follows model:<id>");
        for (String path : cards) {
            assertEquals("HIT", get(path).header("X-Cache"), path + ": the card shows nothing that edit changed");
        }

        Admin.patch("variants", mid, Map.of("price", base + 400)); // past the top price
        Events.appliedByCatalog(catalog());
        assertCards(at, base + 100, base + 400, "80 bhp");

        Admin.patch("variants", mid, Map.of("price", base + 50)); // below the starting price: the cheapest now
        Events.appliedByCatalog(catalog());
        assertCards(at, base + 50, base + 300, "95 bhp");

        Admin.patch("variants", mid, Map.of("power", "99 bhp")); // the cheapest's spec, price unchanged
        Events.appliedByCatalog(catalog());
        assertCards(at, base + 50, base + 300, "99 bhp");
        for (String path : cards) {
            Poll.until(path + " is cached", () -> get(path).header("X-Cache"), "HIT"::equals);
        }

        Admin.patch("variants", low, Map.of("power", "85 bhp")); // no longer the cheapest: its spec is on no card
        Events.appliedByCatalog(catalog());
        for (String path : List.of(otherPage, brandPage, formatted, models, detail)) {
            assertEquals("HIT", get(path).header("X-Cache"), path + ": a spec of a variant that is not the cheapest");
        }
        Admin.patch("variants", low, Map.of("price", base + 120)); // its own hit shows its price
        Poll.until("the search hit shows the variant's new price", () -> get(search).jsonPath().getLong("data[0].price"),
                Long.valueOf(base + 120)::equals);
    }

    /** Where a model's card is shown: another model's page, its brand's page and price info, a model list, its detail. */
    private record Cards(String model, String otherPage, String brandPage, String formatted, String models, String detail) {
    }

    /**
     * The model's card everywhere it is shown, its brand's price info too (the brand's other model starts dearer than
     * {@code start} and ends below {@code top} in the test that calls this).
     */
    private static void assertCards(Cards at, long start, long top, String power) {
        String card = ".find { it.id == '" + at.model() + "' }";
        Response shown = get(at.otherPage());
        assertEquals(start, shown.jsonPath().getLong("similarModels" + card + ".startingPrice"), at.otherPage());
        assertEquals(top, shown.jsonPath().getLong("similarModels" + card + ".maxPrice"), at.otherPage());
        assertEquals(power, shown.jsonPath().getString("similarModels" + card + ".power"), at.otherPage());
        Response brandPage = get(at.brandPage());
        assertEquals(start, brandPage.jsonPath().getLong("models" + card + ".startingPrice"), at.brandPage());
        assertEquals(power, brandPage.jsonPath().getString("models" + card + ".power"), at.brandPage());
        assertEquals(List.of(start, top), List.of(brandPage.jsonPath().getLong("stats.minPrice"),
                brandPage.jsonPath().getLong("stats.maxPrice")), at.brandPage() + " price stats");
        Response formatted = get(at.formatted());
        assertEquals(List.of(start, top), List.of(formatted.jsonPath().getLong("formattedSummary.priceInfo.minPrice"),
                formatted.jsonPath().getLong("formattedSummary.priceInfo.maxPrice")), at.formatted());
        Response listed = get(at.models());
        assertEquals(start, listed.jsonPath().getLong("data" + card + ".startingPrice"), at.models());
        assertEquals(top, listed.jsonPath().getLong("data" + card + ".maxPrice"), at.models());
        Response one = get(at.detail());
        assertEquals(start, one.jsonPath().getLong("startingPrice"), at.detail());
        assertEquals(top, one.jsonPath().getLong("maxPrice"), at.detail());
    }

    /** A list's Surrogate-Key without its items' brand and model tags. */
    private static String tagsOtherThanItems(String path) {
        return java.util.Arrays.stream(get(path).header("Surrogate-Key").trim().split("\\s+"))
                .filter(tag -> !tag.startsWith("model:") && !tag.startsWith("model-card:") && !tag.startsWith("brand-own:")
                        && !tag.startsWith("brand:"))
                .sorted().collect(java.util.stream.Collectors.joining(" "));
    }
}
