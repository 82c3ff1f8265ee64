package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SearchAndPageTests {

    @Test
    void searchRanksPrefixMatchesFirst() {
        JsonPath brand = given().get("/api/brands?limit=1").jsonPath();
        String name = brand.getString("data[0].name");
        String prefix = name.substring(0, 3);
        JsonPath result = given().get("/api/search?q=" + prefix.toLowerCase(Locale.ROOT) + "&limit=50").then().statusCode(200)
                .body("data.size()", greaterThan(0))
                .body("data.size()", lessThanOrEqualTo(50))
                .body("query", equalTo(prefix.toLowerCase(Locale.ROOT)))
                .extract().jsonPath();
        assertEquals(brand.getString("data[0].id"), result.getString("data[0].id"), "the top-ranked brand leads its prefix");
        List<String> names = result.getList("data.name", String.class);
        int firstNonPrefix = -1;
        for (int i = 0; i < names.size(); i++) {
            boolean prefixHit = names.get(i).toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
            if (!prefixHit && firstNonPrefix < 0) {
                firstNonPrefix = i;
            }
            if (prefixHit && firstNonPrefix >= 0) {
                throw new AssertionError("prefix match '" + names.get(i) + "' ranked after a non-prefix match: " + names);
            }
        }
    }

    @Test
    void searchFindsModelsAndVariantsBySubstringAndPutsPopularFirst() {
        JsonPath popular = given().get("/api/models?isPopular=true&sort=popularRank&limit=1").jsonPath();
        String modelName = popular.getString("data[0].name");
        JsonPath result = given().queryParam("q", modelName.toLowerCase(Locale.ROOT)).queryParam("limit", 50).get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> hits = result.getList("data");
        assertTrue(hits.stream().anyMatch(h -> "model".equals(h.get("type")) && popular.getString("data[0].id").equals(h.get("id"))));
        assertTrue(hits.stream().anyMatch(h -> "variant".equals(h.get("type"))), "variants of the model match too");
        given().get("/api/search?q=zzzzqqq").then().statusCode(200).body("data.size()", equalTo(0))
                .body("pagination.total", equalTo(0));
    }

    @Test
    void frontendBrandModelsHaveRealPricesAndCounts() {
        String brandId = given().get("/api/brands?limit=1").jsonPath().getString("data[0].id");
        JsonPath bundle = given().get("/api/frontend/brands/" + brandId + "/models").then().statusCode(200)
                .body("brand.id", equalTo(brandId))
                .body("models.size()", greaterThan(0))
                .extract().jsonPath();
        for (Map<String, Object> card : bundle.<Map<String, Object>>getList("models")) {
            for (String key : List.of("id", "name", "price", "rating", "reviews", "power", "image", "isNew", "seating",
                    "fuelType", "transmission", "mileage", "variants", "slug", "brandName")) {
                assertTrue(card.containsKey(key), "card has " + key);
            }
            if (((Number) card.get("variants")).intValue() == 0) {
                continue;
            }
            List<Number> prices = given().get("/api/variants?limit=100&sort=price&modelId=" + card.get("id"))
                    .jsonPath().getList("data.price", Number.class);
            assertEquals(prices.get(0).longValue(), ((Number) card.get("startingPrice")).longValue(), "starting price of " + card.get("id"));
            assertEquals(prices.size(), ((Number) card.get("variants")).intValue(), "variant count of " + card.get("id"));
            assertTrue(String.valueOf(card.get("power")).contains("bhp") || String.valueOf(card.get("power")).contains("kW")
                    || String.valueOf(card.get("power")).contains("PS"), "power from variants: " + card.get("power"));
        }
    }

    @Test
    void frontendModelBySlug() {
        JsonPath model = given().get("/api/models?limit=1&isPopular=true").jsonPath();
        given().get("/api/frontend/models/" + model.getString("data[0].slug")).then().statusCode(200)
                .body("id", equalTo(model.getString("data[0].id")))
                .body("brandName", notNullValue())
                .body("startingPrice", greaterThan(0));
    }

    @Test
    void brandFormattedSplitsTheSummaryIntoSections() {
        String brandId = given().get("/api/brands?limit=1").jsonPath().getString("data[0].id");
        JsonPath formatted = given().get("/api/brands/" + brandId + "/formatted").then().statusCode(200)
                .body("formattedSummary.sections.title", everyItem(notNullValue()))
                .body("formattedSummary.priceInfo.minPrice", greaterThan(0))
                .extract().jsonPath();
        List<String> titles = formatted.getList("formattedSummary.sections.title", String.class);
        assertTrue(titles.containsAll(List.of("Start of operations in India", "Market Share", "Key Aspects", "Competitors")), titles.toString());
    }

    @Test
    void brandPageBundleHasEverythingTheBrandPageShows() {
        JsonPath brand = given().get("/api/brands?limit=1").jsonPath();
        io.restassured.response.Response page = given().get("/api/pages/brand/" + brand.getString("data[0].slug"));
        page.then().statusCode(200)
                .body("brand.id", equalTo(brand.getString("data[0].id")))
                .body("brand.formattedSummary.sections.size()", greaterThan(0))
                .body("models.size()", greaterThan(0))
                .body("stats.minPrice", greaterThan(0))
                .body("otherBrands.size()", greaterThan(0));
        // the brand's own fields and its models' cards (the stats are computed from them), not brand:<id>, which
        // every write of any of its variants names
        List<String> keys = List.of(page.header("Surrogate-Key").split(" "));
        assertTrue(keys.contains("brand-own:" + brand.getString("data[0].id")) && !keys.contains("brand:" + brand.getString("data[0].id")),
                keys.toString());
        for (String model : page.jsonPath().getList("models.id", String.class)) {
            assertTrue(keys.contains("model-card:" + model), model + " in " + keys);
        }
    }

    /** The six other models of its body type nearest to its starting price (ties by id), as cards with names. */
    @Test
    void aModelPagesSimilarModelsAreTheNearestInPriceOfItsBodyType() {
        JsonPath brand = given().get("/api/brands?limit=1").jsonPath();
        JsonPath model = given().get("/api/models?limit=1&brandId=" + brand.getString("data[0].id")).jsonPath();
        String id = model.getString("data[0].id");
        JsonPath page = given().get("/api/pages/model/" + brand.getString("data[0].slug") + "/" + model.getString("data[0].slug"))
                .then().statusCode(200).extract().jsonPath();
        String bodyType = page.getString("model.bodyType");
        long price = page.getLong("pricing.price");
        List<Map<String, Object>> sameBody = new java.util.ArrayList<>();
        String cursor = null;
        do { // every shown model of the body type, with its starting price, through the public list
            JsonPath list = given().queryParam("bodyType", bodyType).queryParam("limit", 100)
                    .queryParam("fields", "id,name,startingPrice").queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/models").then().statusCode(200).extract().jsonPath();
            sameBody.addAll(list.getList("data"));
            cursor = list.getString("pagination.next");
        } while (cursor != null);
        List<String> expected = sameBody.stream().filter(m -> !id.equals(m.get("id")) && m.get("startingPrice") != null)
                .sorted(Comparator.comparingLong((Map<String, Object> m) -> Math.abs(((Number) m.get("startingPrice")).longValue() - price))
                        .thenComparing(m -> (String) m.get("id")))
                .limit(6).map(m -> (String) m.get("id")).toList();
        assertTrue(expected.size() > 1, "the seed has several models of body type " + bodyType);
        assertEquals(expected, page.getList("similarModels.id"));
        assertEquals(sameBody.stream().filter(m -> expected.contains(m.get("id"))).map(m -> m.get("name")).sorted().toList(),
                page.getList("similarModels.name").stream().sorted().toList());
    }

    @Test
    void modelPageBundleHasEverythingTheModelPageShows() {
        JsonPath brand = given().get("/api/brands?limit=1").jsonPath();
        JsonPath model = given().get("/api/models?limit=1&brandId=" + brand.getString("data[0].id")).jsonPath();
        JsonPath page = given().get("/api/pages/model/" + brand.getString("data[0].slug") + "/" + model.getString("data[0].slug"))
                .then().statusCode(200)
                .body("brand.id", equalTo(brand.getString("data[0].id")))
                .body("model.id", equalTo(model.getString("data[0].id")))
                .body("model", hasKey("galleryImages"))
                .body("variants.size()", greaterThan(0))
                .body("pricing.price", greaterThan(0))
                .extract().jsonPath();
        List<Number> prices = page.getList("variants.price", Number.class);
        assertEquals(prices.stream().map(Number::longValue).sorted(Comparator.naturalOrder()).toList(),
                prices.stream().map(Number::longValue).toList());
        assertEquals(prices.get(0).longValue(), page.getLong("pricing.price"));
        assertEquals(prices.size(), page.getInt("pricing.variants"));
        // a model slug under the wrong brand is not found
        String otherBrand = given().get("/api/brands?limit=2").jsonPath().getString("data[1].slug");
        given().get("/api/pages/model/" + otherBrand + "/" + model.getString("data[0].slug")).then().statusCode(404);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("MongoDB"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/models"))
                .body(containsString("/api/pages/model/{brandSlug}/{modelSlug}"));
    }
}
