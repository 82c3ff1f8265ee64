package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;

import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ListEndpointsTests {

    @Test
    void brandsComeInTheEnvelopeSortedByRankingAndOnlyActive() {
        JsonPath body = given().get("/api/brands?limit=100").then().statusCode(200)
                .body("pagination.page", equalTo(1))
                .body("pagination.limit", equalTo(100))
                .body("data.status", everyItem(equalTo("active")))
                .extract().jsonPath();
        List<Integer> rankings = body.getList("data.ranking", Integer.class);
        assertTrue(rankings.size() >= 38, "seed has 40+ brands, a couple inactive: " + rankings.size());
        assertEquals(rankings.stream().sorted().toList(), rankings);
        assertEquals(rankings.size(), body.getInt("pagination.total"));
        assertNull(body.get("pagination.next"));
        assertNull(body.get("data[0]._id"), "Mongo's _id is never served");
    }

    @Test
    void modelsDefaultToTwentyPerPageWithANextCursor() {
        given().get("/api/models").then().statusCode(200)
                .body("data", hasSize(20))
                .body("pagination.limit", equalTo(20))
                // 382 active models in the seed, of which 7 belong to its two inactive brands and are hidden
                .body("pagination.total", greaterThanOrEqualTo(370))
                .body("pagination.pages", equalTo((int) Math.ceil(given().get("/api/models").jsonPath().getInt("pagination.total") / 20.0)))
                .body("pagination.next", notNullValue());
    }

    @Test
    void modelFiltersNarrowTheList() {
        String brandId = given().get("/api/brands?limit=1").jsonPath().getString("data[0].id");
        given().get("/api/models?limit=100&brandId=" + brandId).then().statusCode(200)
                .body("data.brandId", everyItem(equalTo(brandId)))
                .body("data.size()", greaterThanOrEqualTo(1));
        given().get("/api/models?limit=100&bodyType=suv").then().statusCode(200)
                .body("data.bodyType", everyItem(equalTo("SUV")));
        given().get("/api/models?limit=100&fuelType=Electric").then().statusCode(200)
                .body("data.fuelTypes", everyItem(hasItem("Electric")));
        given().get("/api/models?limit=100&transmission=AMT").then().statusCode(200)
                .body("data.transmissions", everyItem(hasItem("AMT")));
        given().get("/api/models?limit=100&seating=7").then().statusCode(200)
                .body("data.seating", everyItem(equalTo(7)));
        given().get("/api/models?limit=100&isPopular=true").then().statusCode(200)
                .body("data.isPopular", everyItem(equalTo(true)))
                .body("data.size()", greaterThanOrEqualTo(1));
        given().get("/api/models?limit=100&isNew=true").then().statusCode(200)
                .body("data.isNew", everyItem(equalTo(true)));
    }

    @Test
    void modelPriceFilterUsesTheLowestActiveVariantPrice() {
        JsonPath models = given().get("/api/models?minPrice=500000&maxPrice=1000000&limit=100&sort=price").then()
                .statusCode(200).extract().jsonPath();
        List<String> ids = models.getList("data.id", String.class);
        assertFalse(ids.isEmpty());
        long previous = 0;
        for (String id : ids) {
            List<Number> prices = given().get("/api/variants?limit=100&sort=price&modelId=" + id)
                    .jsonPath().getList("data.price", Number.class);
            long starting = prices.get(0).longValue();
            assertTrue(starting >= 500_000 && starting <= 1_000_000, id + " starts at " + starting);
            assertTrue(starting >= previous, "sorted by starting price");
            previous = starting;
        }
    }

    @Test
    void modelSortsByRanksNamesAndLaunchDateInBothDirections() {
        List<Integer> ranks = given().get("/api/models?isPopular=true&sort=popularRank&limit=100")
                .jsonPath().getList("data.popularRank", Integer.class);
        assertEquals(ranks.stream().sorted().toList(), ranks);
        List<Integer> newRanks = given().get("/api/models?sort=newRank:desc&isNew=true&limit=100")
                .jsonPath().getList("data.newRank", Integer.class);
        assertEquals(newRanks.stream().sorted(java.util.Comparator.reverseOrder()).toList(), newRanks);
        List<String> names = given().get("/api/models?sort=-name&limit=50").jsonPath().getList("data.name", String.class);
        assertEquals(names.stream().sorted(java.util.Comparator.reverseOrder()).toList(), names);
        List<String> dates = given().get("/api/models?sort=launchDate&limit=50").jsonPath().getList("data.launchDate", String.class);
        assertEquals(dates.stream().sorted().toList(), dates);
        // unranked models follow the ranked ones instead of leading the list
        JsonPath all = given().get("/api/models?sort=popularRank&limit=100").jsonPath();
        assertEquals(1, all.getInt("data[0].popularRank"));
    }

    @Test
    void variantFiltersAndSorts() {
        String modelId = given().get("/api/models?limit=1").jsonPath().getString("data[0].id");
        given().get("/api/variants?modelId=" + modelId + "&limit=100").then().statusCode(200)
                .body("data.modelId", everyItem(equalTo(modelId)));
        given().get("/api/variants?fuelType=diesel&transmission=Manual&limit=100").then().statusCode(200)
                .body("data.fuelType", everyItem(equalTo("Diesel")))
                .body("data.transmission", everyItem(equalTo("Manual")));
        given().get("/api/variants?minPrice=2000000&maxPrice=3000000&limit=100").then().statusCode(200)
                .body("data.price", everyItem(greaterThanOrEqualTo(2_000_000)))
                .body("data.price", everyItem(lessThanOrEqualTo(3_000_000)));
        List<Number> desc = given().get("/api/variants?sort=price:desc&limit=100").jsonPath().getList("data.price", Number.class);
        for (int i = 1; i < desc.size(); i++) {
            assertTrue(desc.get(i - 1).longValue() >= desc.get(i).longValue());
        }
        String brandId = given().get("/api/brands?limit=1").jsonPath().getString("data[0].id");
        given().get("/api/variants?brandId=" + brandId + "&sort=name&limit=100").then().statusCode(200)
                .body("data.brandId", everyItem(equalTo(brandId)));
    }

    @Test
    void cursorWalksEveryVariantOfAFilterExactlyOnce() {
        String url = "/api/variants?limit=100&minPrice=1000000&maxPrice=1500000";
        int total = given().get(url).jsonPath().getInt("pagination.total");
        Set<String> seen = new HashSet<>();
        List<Long> prices = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = given().get(cursor == null ? url : url + "&cursor=" + cursor).then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> v : page.<Map<String, Object>>getList("data")) {
                assertTrue(seen.add((String) v.get("id")), "duplicate " + v.get("id"));
                prices.add(((Number) v.get("price")).longValue());
            }
            pages++;
            assertEquals(pages, page.getInt("pagination.page"));
            cursor = page.getString("pagination.next");
        } while (cursor != null);
        assertEquals(total, seen.size());
        assertEquals(prices.stream().sorted().toList(), prices);
    }

    @Test
    void cursorOverNullableSortReachesUnrankedModels() {
        String url = "/api/models?limit=100&sort=popularRank";
        int total = given().get(url).jsonPath().getInt("pagination.total");
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            JsonPath page = given().get(cursor == null ? url : url + "&cursor=" + cursor).then().statusCode(200).extract().jsonPath();
            page.getList("data.id", String.class).forEach(id -> assertTrue(seen.add(id), "duplicate " + id));
            cursor = page.getString("pagination.next");
        } while (cursor != null);
        assertEquals(total, seen.size());
    }

    @Test
    void pageNumbersAndCursorsAgree() {
        JsonPath first = given().get("/api/variants?limit=10").jsonPath();
        JsonPath viaCursor = given().get("/api/variants?limit=10&cursor=" + first.getString("pagination.next")).jsonPath();
        JsonPath viaPage = given().get("/api/variants?limit=10&page=2").jsonPath();
        assertEquals(viaPage.getList("data.id"), viaCursor.getList("data.id"));
        assertEquals(2, viaCursor.getInt("pagination.page"));
    }

    @Test
    void fieldsSelectsFromTheAllowList() {
        given().get("/api/variants?fields=name,price&limit=3").then().statusCode(200)
                .body("data[0].keySet()", equalTo(Set.of("id", "name", "price")));
        given().get("/api/brands?fields=name").then().statusCode(200)
                .body("data[0].keySet()", equalTo(Set.of("id", "name", "ranking")));
    }

    @Test
    void detailsByIdAndSlugAndBatch() {
        JsonPath brand = given().get("/api/brands?limit=1").jsonPath();
        String brandId = brand.getString("data[0].id");
        String brandSlug = brand.getString("data[0].slug");
        given().get("/api/brands/" + brandId).then().statusCode(200).body("id", equalTo(brandId));
        given().get("/api/brands/" + brandSlug).then().statusCode(200).body("id", equalTo(brandId));

        JsonPath model = given().get("/api/models?limit=1&brandId=" + brandId).jsonPath();
        String modelId = model.getString("data[0].id");
        given().get("/api/models/" + modelId).then().statusCode(200).body("id", equalTo(modelId))
                .body("brandId", equalTo(brandId));
        given().get("/api/models/" + model.getString("data[0].slug")).then().statusCode(200)
                .body("slug", equalTo(model.getString("data[0].slug")));

        List<String> ids = given().get("/api/variants?limit=3&modelId=" + modelId).jsonPath().getList("data.id", String.class);
        given().get("/api/variants/" + ids.get(0)).then().statusCode(200).body("id", equalTo(ids.get(0)))
                .body("price", notNullValue()).body("$", org.hamcrest.Matchers.hasKey("displacement"));
        String asked = ids.get(2) + "," + "variant-unknown" + "," + ids.get(0);
        given().get("/api/variants/by?ids=" + asked).then().statusCode(200)
                .body("data.id", equalTo(List.of(ids.get(2), ids.get(0))))
                .body("missing", equalTo(List.of("variant-unknown")));
    }

    @Inject
    MongoClient mongo;

    @Test
    void anIdWinsOverAnotherDocumentsSlugAndVariantsAreFoundByIdAlone() {
        var db = mongo.getDatabase("motoroctane");
        // sorted by id, the slug's match comes first: the id's must still win
        Document byId = new Document("id", "zz-clash").append("name", "By id").append("slug", "zz-by-id")
                .append("status", "active").append("version", 1L);
        Document bySlug = new Document("id", "aa-clash").append("name", "By slug").append("slug", "zz-clash")
                .append("status", "active").append("version", 1L);
        // variants have no slug; one carrying the field anyway is not found by it
        Document variant = new Document("id", "zz-variant-with-slug").append("name", "Slugged").append("slug", "zz-variant-slug")
                .append("brandId", "zz-clash").append("modelId", "zz-none").append("price", 500_000)
                .append("status", "active").append("version", 1L);
        try {
            db.getCollection("brands").insertMany(List.of(byId, bySlug));
            db.getCollection("variants").insertOne(variant);
            given().get("/api/brands/zz-clash").then().statusCode(200).body("id", equalTo("zz-clash"));
            given().get("/api/brands/zz-by-id").then().statusCode(200).body("id", equalTo("zz-clash"));
            given().get("/api/variants/zz-variant-with-slug").then().statusCode(200).body("id", equalTo("zz-variant-with-slug"));
            given().get("/api/variants/zz-variant-slug").then().statusCode(404).contentType("application/problem+json");
        } finally {
            db.getCollection("brands").deleteMany(new Document("id", new Document("$in", List.of("zz-clash", "aa-clash"))));
            db.getCollection("variants").deleteOne(new Document("id", "zz-variant-with-slug"));
        }
    }

    @Test
    void inactiveDocumentsAreNeverShown() {
        var db = mongo.getDatabase("motoroctane");
        for (String collection : List.of("brands", "models", "variants")) {
            Document inactive = db.getCollection(collection).find(new Document("status", "inactive")).first();
            assertTrue(inactive != null, "the seed has inactive " + collection);
            String id = inactive.getString("id");
            given().get("/api/" + collection + "/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            given().queryParam("q", inactive.getString("name")).queryParam("limit", 50).get("/api/search").then().statusCode(200)
                    .body("data.id", not(hasItem(id)));
        }
        given().get("/api/variants?limit=100&sort=price").then().body("data.status", everyItem(equalTo("active")));
    }

    @Test
    void statsCountActiveDocuments() {
        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(given().get("/api/brands").jsonPath().getInt("pagination.total"), stats.getInt("totalBrands"));
        assertEquals(given().get("/api/models").jsonPath().getInt("pagination.total"), stats.getInt("totalModels"));
        assertEquals(given().get("/api/variants").jsonPath().getInt("pagination.total"), stats.getInt("totalVariants"));
        assertTrue(stats.getInt("totalVariants") > 7000);
    }
}
