package com.motoroctane.compare;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

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
 * The contract between admin-service's events and what compare-service tags: a price change written through
 * admin-service's real API evicts exactly the cached comparisons holding that variant.
 */
@QuarkusTest
@WithTestResource(value = CompareTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(5)
class InvalidationTests {

    @Test
    void aVariantPriceChangeEvictsTheComparisonsHoldingItAndNothingElse() {
        String r = Admin.word();
        String brand = Admin.brand("Inv " + r);
        String otherBrand = Admin.brand("Untouched " + r);
        String m1 = Admin.model(brand, "One " + r, "Sedan");
        String m2 = Admin.model(brand, "Two " + r, "Sedan");
        String m3 = Admin.model(otherBrand, "Three " + r, "Sedan");
        String m4 = Admin.model(otherBrand, "Four " + r, "Sedan");
        String changed = Admin.variant(brand, m1, "Base", 800_000, Map.of("fuelType", "Petrol"));
        String sibling = Admin.variant(brand, m2, "Base", 820_000, Map.of("fuelType", "Petrol"));
        String u1 = Admin.variant(otherBrand, m3, "Base", 830_000, Map.of("fuelType", "Petrol"));
        String u2 = Admin.variant(otherBrand, m4, "Base", 840_000, Map.of("fuelType", "Petrol"));
        Events.settled();
        String affected = "/api/compare?variants=" + changed + "," + sibling;
        String unrelated = "/api/compare?variants=" + u1 + "," + u2;
        given().get(affected).then().statusCode(200).header("X-Cache", "MISS");
        given().get(unrelated).then().statusCode(200).header("X-Cache", "MISS");
        given().get(affected).then().header("X-Cache", "HIT");
        given().get(unrelated).then().header("X-Cache", "HIT");

        Admin.patch("variants", changed, Map.of("price", 815_000));
        // catalog-service applies the same event to its own cache (its answers' stamp says when); until then a
        // comparison built from it would hold the old price
        String catalog = ConfigProvider.getConfig().getValue("test.catalog.url", String.class);
        Events.appliedByCatalog(catalog);
        given().baseUri(catalog).get("/api/variants/" + changed).then().statusCode(200).body("price", equalTo(815_000));
        Response after = Poll.until("the comparison holding the variant is evicted", () -> given().get(affected),
                res -> !"HIT".equals(res.header("X-Cache")));
        assertEquals("MISS", after.header("X-Cache"));
        assertEquals(List.of(815_000, 820_000), after.jsonPath().getList("items.price"));
        given().get(unrelated).then().statusCode(200).header("X-Cache", "HIT");
    }

    /**
     * A comparison of given variants shows its models' own fields only (common {@code Tags.own}): a write of a
     * sibling variant keeps it, while the models form, whose cheapest variant the write can change, is refreshed.
     */
    @Test
    void aSiblingsPriceEditKeepsTheComparisonOfGivenVariantsAndRefreshesTheOneByModels() {
        TwoModels f = twoModels("Sib", "Far", 900_000, 950_000, 910_000);
        String brand = f.brand(), m1 = f.m1(), m2 = f.m2(), cheap = f.cheap(), dear = f.dear(), other = f.other();
        Events.settled();
        String byVariants = "/api/compare?variants=" + cheap + "," + other;
        String byModels = "/api/compare?models=" + m1 + "," + m2;
        Response variantsForm = given().get(byVariants);
        variantsForm.then().statusCode(200).header("X-Cache", "MISS");
        List<String> variantsTags = List.of(variantsForm.header("Surrogate-Key").split(" "));
        assertTrue(variantsTags.containsAll(List.of("variant:" + cheap, "model-own:" + m1, "brand-own:" + brand)), variantsTags.toString());
        assertFalse(variantsTags.contains("model:" + m1) || variantsTags.contains("brand:" + brand), variantsTags.toString());
        Response modelsForm = given().get(byModels);
        // the models form stands for the same two variants: the same comparison entry, answered with the tags of
        // what it resolved through
        modelsForm.then().statusCode(200).header("X-Cache", "HIT").body("items.variant.id", equalTo(List.of(cheap, other)));
        assertTrue(List.of(modelsForm.header("Surrogate-Key").split(" ")).containsAll(List.of("model-cheapest:" + m1,
                "model-cheapest:" + m2, "model-own:" + m1, "variant:" + cheap)), modelsForm.header("Surrogate-Key"));
        assertFalse(List.of(modelsForm.header("Surrogate-Key").split(" ")).contains("model:" + m1), modelsForm.header("Surrogate-Key"));

        Admin.patch("variants", dear, Map.of("price", 850_000));
        Events.appliedByCatalog(ConfigProvider.getConfig().getValue("test.catalog.url", String.class));
        Poll.until("the models form resolves to the new cheapest variant", () -> given().get(byModels),
                res -> res.statusCode() == 200 && List.of(dear, other).equals(res.jsonPath().getList("items.variant.id")));
        given().get(byVariants).then().statusCode(200).header("X-Cache", "HIT").body("items.price", equalTo(List.of(900_000, 910_000)));
    }

    /**
     * catalog-service's detail answers show one document's stored fields: tagged by its own key and its parents'
     * own-fields tags (common {@code Tags.own}), so a sibling variant's write, which names the model and brand,
     * keeps them, while the model's own write (here: hiding it) reaches its variants' details. A model shown with
     * its variants' aggregates keeps {@code model:<id>}.
     */
    @Test
    void catalogDetailsFollowTheirOwnAndTheirParentsWritesNotTheirSiblings() {
        String catalog = ConfigProvider.getConfig().getValue("test.catalog.url", String.class);
        String r = Admin.word();
        String brand = Admin.brand("Det " + r);
        String m1 = Admin.model(brand, "Det " + r, "Sedan");
        String kept = Admin.variant(brand, m1, "Base", 700_000, Map.of("fuelType", "Petrol"));
        String written = Admin.variant(brand, m1, "Top", 760_000, Map.of("fuelType", "Petrol"));
        Events.appliedByCatalog(catalog);
        String variantUrl = "/api/variants/" + kept;
        String modelUrl = "/api/models/" + m1;
        String priced = "/api/models/" + m1 + "?fields=name,startingPrice";
        for (String url : List.of(variantUrl, modelUrl, priced)) {
            given().baseUri(catalog).get(url).then().statusCode(200);
            given().baseUri(catalog).get(url).then().statusCode(200).header("X-Cache", "HIT");
        }
        List<String> variantTags = List.of(given().baseUri(catalog).get(variantUrl).header("Surrogate-Key").split(" "));
        assertEquals(List.of("variant:" + kept, "brand-own:" + brand, "model-own:" + m1), variantTags);
        assertEquals("model-own:" + m1 + " brand-own:" + brand, given().baseUri(catalog).get(modelUrl).header("Surrogate-Key"));
        assertTrue(given().baseUri(catalog).get(priced).header("Surrogate-Key").contains("model-card:" + m1));

        Admin.patch("variants", written, Map.of("price", 650_000));
        Events.appliedByCatalog(catalog);
        given().baseUri(catalog).get(priced).then().statusCode(200).body("startingPrice", equalTo(650_000));
        given().baseUri(catalog).get(variantUrl).then().statusCode(200).header("X-Cache", "HIT");
        given().baseUri(catalog).get(modelUrl).then().statusCode(200).header("X-Cache", "HIT");

        Admin.patch("models", m1, Map.of("status", "inactive"));
        Events.appliedByCatalog(catalog);
        given().baseUri(catalog).get(variantUrl).then().statusCode(404);
        given().baseUri(catalog).get(modelUrl).then().statusCode(404);
    }

    /**
     * An item of a catalog-service list or page is tagged by its model and its brand's own fields, not by the whole
     * brand: a price edit of one model's variant, which names the brand, keeps another model's variant list and
     * page of the same brand, while the brand's list of models (its starting prices) is refreshed; a write of the
     * brand itself reaches them all. Through admin-service's real API and catalog-service's real consumer.
     */
    @Test
    void catalogListsAndPagesFollowTheirItemsModelsAndTheBrandsOwnWritesNotItsOtherModels() {
        String catalog = ConfigProvider.getConfig().getValue("test.catalog.url", String.class);
        String r = Admin.word();
        String brand = Admin.brand("Item " + r);
        String m1 = Admin.model(brand, "Written " + r, "Sedan");
        String m2 = Admin.model(brand, "Other " + r, "SUV");
        String written = Admin.variant(brand, m1, "Base", 700_000, Map.of("fuelType", "Petrol"));
        Admin.variant(brand, m2, "Base", 900_000, Map.of("fuelType", "Petrol"));
        Events.appliedByCatalog(catalog);
        String brandSlug = given().baseUri(catalog).get("/api/brands/" + brand).then().statusCode(200).extract().path("slug");
        String m2Slug = given().baseUri(catalog).get("/api/models/" + m2).then().statusCode(200).extract().path("slug");
        String otherList = "/api/variants?modelId=" + m2 + "&sort=price&limit=20";
        String otherPage = "/api/pages/model/" + brandSlug + "/" + m2Slug;
        String brandModels = "/api/models?brandId=" + brand + "&limit=20";
        for (String url : List.of(otherList, otherPage, brandModels)) {
            given().baseUri(catalog).get(url).then().statusCode(200);
            given().baseUri(catalog).get(url).then().statusCode(200).header("X-Cache", "HIT");
        }
        List<String> listTags = List.of(given().baseUri(catalog).get(otherList).header("Surrogate-Key").split(" "));
        assertTrue(listTags.containsAll(List.of("model:" + m2, "brand-own:" + brand)) && !listTags.contains("brand:" + brand),
                listTags.toString());

        Admin.patch("variants", written, Map.of("price", 650_000));
        Events.appliedByCatalog(catalog);
        given().baseUri(catalog).get(brandModels).then().statusCode(200)
                .body("data.find { it.id == '" + m1 + "' }.startingPrice", equalTo(650_000));
        given().baseUri(catalog).get(otherList).then().statusCode(200).header("X-Cache", "HIT");
        given().baseUri(catalog).get(otherPage).then().statusCode(200).header("X-Cache", "HIT");

        Admin.patch("brands", brand, Map.of("logo", "/uploads/brands/" + r + ".webp"));
        Events.appliedByCatalog(catalog);
        given().baseUri(catalog).get(otherPage).then().statusCode(200).header("X-Cache", "MISS")
                .body("brand.logo", equalTo("/uploads/brands/" + r + ".webp"));
        given().baseUri(catalog).get(otherList).then().statusCode(200).header("X-Cache", "MISS");
    }

    /**
     * compare-service keeps models' and brands' own fields and each model's cheapest variant (client.CatalogCache)
     * until an event names them: a sibling's price down to above the cheapest reads nothing again, one below it
     * reads only that model's cheapest variant and the variant itself, a rename of the model shows in its
     * comparison, and the brand hidden makes the models form 404.
     */
    @Test
    void theCopyOfCatalogReadsFollowsTheEventsThatNameItAndNoOthers() {
        String catalog = ConfigProvider.getConfig().getValue("test.catalog.url", String.class);
        TwoModels f = twoModels("Copy", "Kept", 600_000, 690_000, 610_000);
        String r = f.word(), m1 = f.m1(), m2 = f.m2(), cheap = f.cheap(), dear = f.dear();
        Events.appliedByCatalog(catalog);
        Events.settled();
        String byModels = "/api/compare?models=" + m1 + "," + m2;
        given().get(byModels).then().statusCode(200).body("items.model.name", equalTo(List.of("Copy " + r, "Kept " + r)));

        Admin.patch("variants", dear, Map.of("price", 680_000)); // down, still dearer than the cheapest
        Events.appliedByCatalog(catalog);
        Events.settled();
        double read = catalogReads("miss");
        given().get(byModels).then().statusCode(200).header("X-Cache", "HIT").body("items.variant.id.get(0)", equalTo(cheap));
        assertEquals(0, catalogReads("miss") - read, 0.0,
                "a price down that leaves a cheaper sibling shown names no model-cheapest: nothing is read again");

        Admin.patch("variants", dear, Map.of("price", 590_000)); // down below the cheapest: now the cheapest itself
        Events.appliedByCatalog(catalog);
        Events.settled();
        read = catalogReads("miss");
        given().get(byModels).then().statusCode(200).body("items.variant.id.get(0)", equalTo(dear));
        assertEquals(2, catalogReads("miss") - read, 0.0, "only the written model's cheapest variant and that variant's "
                + "document are read again; both models' and brands' own fields and the other variant are kept");

        Admin.patch("models", m1, Map.of("name", "Renamed " + r));
        Events.appliedByCatalog(catalog);
        Events.settled();
        given().get(byModels).then().statusCode(200).body("items.model.name", equalTo(List.of("Renamed " + r, "Kept " + r)));

        Admin.patch("brands", f.otherBrand(), Map.of("status", "inactive"));
        Events.appliedByCatalog(catalog);
        Events.settled();
        given().get(byModels).then().statusCode(404).body("parameter", equalTo("models"));
    }

    /**
     * Which variant a comparison by models shows for a model changes only by a write that may make another one
     * the cheapest (common {@code Tags.mayBecomeCheapest}: a price coming down, a variant shown) or by a write of
     * the cheapest itself: raising a sibling's price keeps the comparison and the copy of the model's cheapest
     * variant (no read of catalog-service), raising the cheapest's price above the sibling's shows the sibling, a
     * price down that stays above the cheapest keeps the comparison (admin-service leaves model-cheapest out when a
     * shown sibling is still strictly cheaper), and one below it shows that variant. Run against admin-service's
     * real events.
     */
    @Test
    void aComparisonByModelsFollowsTheWritesThatCanChangeWhichVariantIsTheCheapest() {
        String catalog = ConfigProvider.getConfig().getValue("test.catalog.url", String.class);
        TwoModels f = twoModels("Cheap", "Other", 700_000, 760_000, 710_000);
        String m1 = f.m1(), m2 = f.m2(), cheap = f.cheap(), dear = f.dear(), other = f.other();
        Events.appliedByCatalog(catalog);
        Events.settled();
        String byModels = "/api/compare?models=" + m1 + "," + m2;
        given().get(byModels).then().statusCode(200).body("items.variant.id", equalTo(List.of(cheap, other)));
        given().get(byModels).then().statusCode(200).header("X-Cache", "HIT");

        Admin.patch("variants", dear, Map.of("price", 790_000)); // a sibling's price goes up: the cheapest stays
        Events.appliedByCatalog(catalog);
        Events.settled();
        double read = catalogReads("miss");
        given().get(byModels).then().statusCode(200).header("X-Cache", "HIT").body("items.price", equalTo(List.of(700_000, 710_000)));
        assertEquals(0, catalogReads("miss") - read, 0.0, "nothing is read again for a write that cannot change the comparison");

        Admin.patch("variants", cheap, Map.of("price", 800_000)); // the cheapest itself goes up, above its sibling
        Events.appliedByCatalog(catalog);
        Poll.until("the models form shows the sibling, now the cheapest", () -> given().get(byModels),
                res -> res.statusCode() == 200 && List.of(dear, other).equals(res.jsonPath().getList("items.variant.id")));

        Admin.patch("variants", cheap, Map.of("price", 795_000)); // a sibling comes down, still above the cheapest
        Events.appliedByCatalog(catalog);
        Events.settled();
        read = catalogReads("miss");
        given().get(byModels).then().statusCode(200).header("X-Cache", "HIT").body("items.price", equalTo(List.of(790_000, 710_000)));
        assertEquals(0, catalogReads("miss") - read, 0.0, "a price down that leaves a cheaper sibling shown reads nothing again");

        Admin.patch("variants", cheap, Map.of("price", 780_000)); // a sibling comes down below the cheapest
        Events.appliedByCatalog(catalog);
        Poll.until("the models form shows the variant whose price came down", () -> given().get(byModels),
                res -> res.statusCode() == 200 && List.of(cheap, other).equals(res.jsonPath().getList("items.variant.id"))
                        && Integer.valueOf(780_000).equals(res.jsonPath().get("items.price[0]")));
    }

    /**
     * The whole variant documents a comparison is built from are kept too, tagged as the comparison: after a price
     * edit the comparisons holding that variant are rebuilt reading it once between them, and nothing else.
     */
    @Test
    void comparisonsRebuiltAfterAnEditReadTheEditedVariantOnceBetweenThem() {
        String catalog = ConfigProvider.getConfig().getValue("test.catalog.url", String.class);
        TwoModels f = twoModels("Once", "Pair", 500_000, 560_000, 510_000);
        Events.appliedByCatalog(catalog);
        Events.settled();
        String withOther = "/api/compare?variants=" + f.cheap() + "," + f.other();
        String withSibling = "/api/compare?variants=" + f.cheap() + "," + f.dear();
        given().get(withOther).then().statusCode(200);
        given().get(withSibling).then().statusCode(200);

        Admin.patch("variants", f.cheap(), Map.of("price", 505_000));
        Events.appliedByCatalog(catalog);
        Events.settled();
        double read = catalogReads("miss");
        given().get(withOther).then().statusCode(200).header("X-Cache", "MISS").body("items.price", equalTo(List.of(505_000, 510_000)));
        given().get(withSibling).then().statusCode(200).header("X-Cache", "MISS").body("items.price", equalTo(List.of(505_000, 560_000)));
        assertEquals(1, catalogReads("miss") - read, 0.0,
                "the edited variant is read once; the other variants, the models and the brands are kept");
    }

    /** Two brands with a model each; the first model has a cheaper and a dearer variant, the second one variant. */
    private record TwoModels(String word, String brand, String otherBrand, String m1, String m2, String cheap, String dear,
                             String other) {
    }

    /** {@code name}/{@code otherName} + a fresh word name each brand and its model (Sedans, Petrol). */
    private static TwoModels twoModels(String name, String otherName, long cheapPrice, long dearPrice, long otherPrice) {
        String r = Admin.word();
        String brand = Admin.brand(name + " " + r);
        String otherBrand = Admin.brand(otherName + " " + r);
        String m1 = Admin.model(brand, name + " " + r, "Sedan");
        String m2 = Admin.model(otherBrand, otherName + " " + r, "Sedan");
        return new TwoModels(r, brand, otherBrand, m1, m2,
                Admin.variant(brand, m1, "Base", cheapPrice, Map.of("fuelType", "Petrol")),
                Admin.variant(brand, m1, "Top", dearPrice, Map.of("fuelType", "Petrol")),
                Admin.variant(otherBrand, m2, "Base", otherPrice, Map.of("fuelType", "Petrol")));
    }

    private static double catalogReads(String result) {
        return io.quarkus.arc.Arc.container().instance(io.micrometer.core.instrument.MeterRegistry.class).get()
                .counter("compare.catalog.cache.requests", "result", result).count();
    }
}
