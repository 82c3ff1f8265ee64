package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.motoroctane.catalog.store.IndexInstaller;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Lists answer cards by default, whole documents on view=full, aggregates on models, kept right when variants change. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ViewsAndAggregatesTests {

    static final Set<String> MODEL_CARD = Set.of("id", "name", "slug", "brandId", "status", "bodyType", "subBodyType",
            "fuelTypes", "transmissions", "seating", "heroImage", "isPopular", "isNew", "popularRank", "newRank", "launchDate",
            "startingPrice", "maxPrice", "variantCount", "brandName", "brandSlug");
    static final Set<String> VARIANT_CARD = Set.of("id", "name", "brandId", "modelId", "status", "price", "fuelType",
            "transmission", "engineName", "power", "torque", "mileageCompanyClaimed", "evRange", "isValueForMoney");
    static final Set<String> BRAND_CARD = Set.of("id", "name", "slug", "logo", "ranking", "status");

    @Inject
    MongoClient mongo;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Test
    void listsAnswerCardsByDefault() {
        // a stored field a card leaves out may be absent from a document (unset), so a key set is at most the card
        for (Map<String, Object> m : given().get("/api/models?limit=100").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("data")) {
            assertTrue(MODEL_CARD.containsAll(m.keySet()) && m.keySet().containsAll(Set.of("id", "name", "slug", "brandId",
                    "startingPrice", "maxPrice", "variantCount", "brandName", "brandSlug")), "a model card: " + m.keySet());
        }
        for (Map<String, Object> v : given().get("/api/variants?limit=100").jsonPath().<Map<String, Object>>getList("data")) {
            assertTrue(VARIANT_CARD.containsAll(v.keySet()) && v.keySet().containsAll(Set.of("id", "name", "price", "modelId")),
                    "a variant card: " + v.keySet());
        }
        for (Map<String, Object> b : given().get("/api/brands?limit=100").jsonPath().<Map<String, Object>>getList("data")) {
            assertTrue(BRAND_CARD.containsAll(b.keySet()) && b.keySet().containsAll(Set.of("id", "name", "slug")), b.keySet().toString());
        }
        // view=card is the default spelled out (case-insensitive), and shares its cache entry
        given().get("/api/models?limit=7&page=2").then().statusCode(200);
        given().get("/api/models?limit=7&page=2&view=CARD").then().statusCode(200).header("X-Cache", "HIT");
        List<String> ids = given().get("/api/variants/by?ids=" + String.join(",",
                given().get("/api/variants?limit=3").jsonPath().getList("data.id", String.class))).then().statusCode(200)
                .body("data", everyItem(not(hasKey("description")))).extract().jsonPath().getList("data.id", String.class);
        assertEquals(3, ids.size());
    }

    @Test
    void viewFullAnswersWholeDocumentsAndModelsKeepTheirAggregates() {
        JsonPath full = given().get("/api/models?view=full&limit=5").then().statusCode(200).extract().jsonPath();
        Map<String, Object> model = full.getMap("data[0]");
        Document stored = mongo.getDatabase("motoroctane").getCollection("models").find(new Document("id", model.get("id"))).first();
        stored.remove("_id");
        for (String key : stored.keySet()) {
            assertTrue(model.containsKey(key), "view=full has the stored " + key);
        }
        assertTrue(model.keySet().containsAll(List.of("startingPrice", "maxPrice", "variantCount", "brandName", "brandSlug")));
        given().get("/api/variants?view=full&limit=3").then().statusCode(200)
                .body("data[0]", hasKey("displacement")).body("data[0]", hasKey("version"));
        given().get("/api/brands?view=full&limit=3").then().statusCode(200).body("data[0]", hasKey("summary"));
        given().get("/api/variants/by?view=full&ids=" + given().get("/api/variants?limit=1").jsonPath().getString("data[0].id"))
                .then().statusCode(200).body("data[0]", hasKey("displacement"));
        // a detail stays the stored document: its ETag is its version, which a variant write does not change
        given().get("/api/models/" + model.get("id")).then().statusCode(200).body("$", not(hasKey("startingPrice")));
    }

    @Test
    void aggregatesAgreeWithTheActiveVariantsAndTheBrand() {
        for (Map<String, Object> m : given().get("/api/models?limit=12&page=3").jsonPath().<Map<String, Object>>getList("data")) {
            String id = (String) m.get("id");
            JsonPath variants = given().get("/api/variants?limit=100&sort=price&modelId=" + id).jsonPath();
            List<Long> prices = variants.getList("data.price", Long.class);
            assertEquals(variants.getInt("pagination.total"), ((Number) m.get("variantCount")).intValue(), id);
            if (prices.isEmpty()) {
                assertNull(m.get("startingPrice"), id);
                continue;
            }
            assertEquals(prices.get(0), ((Number) m.get("startingPrice")).longValue(), id);
            assertEquals(prices.get(prices.size() - 1), ((Number) m.get("maxPrice")).longValue(), id);
            JsonPath brand = given().get("/api/brands/" + m.get("brandId")).jsonPath();
            assertEquals(brand.getString("name"), m.get("brandName"));
            assertEquals(brand.getString("slug"), m.get("brandSlug"));
        }
    }

    @Test
    void fieldsMayNameTheAggregates() {
        JsonPath page = given().get("/api/models?fields=name,startingPrice,variantCount&limit=5").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Set.of("id", "name", "startingPrice", "variantCount"), page.getMap("data[0]").keySet());
        // with the default sort's field, which the next cursor is built from
        given().get("/api/models?fields=brandName&limit=5").then().statusCode(200)
                .body("data[0].keySet()", equalTo(Set.of("id", "name", "brandName")));
        JsonPath full = given().get("/api/models?view=full&limit=5").jsonPath();
        given().get("/api/models/" + full.getString("data[0].id") + "?fields=maxPrice,brandSlug").then().statusCode(200)
                .body("keySet()", equalTo(Set.of("id", "maxPrice", "brandSlug")))
                .body("maxPrice", equalTo(full.get("data[0].maxPrice")))
                .body("brandSlug", equalTo(full.get("data[0].brandSlug")));
        // a sort by an aggregate shows it, since the next cursor is built from it
        given().get("/api/models?fields=name&sort=startingPrice&limit=5").then().statusCode(200)
                .body("data[0].keySet()", equalTo(Set.of("id", "name", "startingPrice")));
    }

    @Test
    void sortByStartingPriceWalksEveryModelOnceInOrderBothWays() {
        int total = given().get("/api/models").jsonPath().getInt("pagination.total");
        for (String sort : List.of("startingPrice", "-startingPrice")) {
            List<Long> prices = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int unpriced = 0;
            String cursor = null;
            do {
                String url = "/api/models?limit=100&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor);
                JsonPath page = given().get(url).then().statusCode(200).extract().jsonPath();
                for (Map<String, Object> m : page.<Map<String, Object>>getList("data")) {
                    assertTrue(seen.add((String) m.get("id")), "duplicate " + m.get("id"));
                    if (m.get("startingPrice") == null) {
                        unpriced++;
                    } else {
                        assertEquals(0, unpriced, "models without a price come last");
                        prices.add(((Number) m.get("startingPrice")).longValue());
                    }
                }
                cursor = page.getString("pagination.next");
            } while (cursor != null);
            assertEquals(total, seen.size(), sort);
            Comparator<Long> order = sort.startsWith("-") ? Comparator.reverseOrder() : Comparator.naturalOrder();
            assertEquals(prices.stream().sorted(order).toList(), prices, sort);
            assertTrue(prices.size() > 300);
        }
        // the name it had before the aggregates still works, as the same list
        assertEquals(given().get("/api/models?sort=startingPrice&limit=30").jsonPath().getList("data.id"),
                given().get("/api/models?sort=price&limit=30").jsonPath().getList("data.id"));
    }

    @Test
    void budgetBandsAndHomeSections() {
        JsonPath band = given().get("/api/models?minPrice=500000&maxPrice=1000000&limit=100").then().statusCode(200).extract().jsonPath();
        List<Long> starting = band.getList("data.startingPrice", Long.class);
        assertFalse(starting.isEmpty());
        starting.forEach(p -> assertTrue(p >= 500_000 && p <= 1_000_000, "in the band: " + p));
        if (band.getString("pagination.next") == null) {
            assertEquals(band.getInt("pagination.total"), starting.size());
        }
        // a band sorted by popularity keeps both
        List<Map<String, Object>> popularInBand = given().get("/api/models?maxPrice=1500000&isPopular=true&sort=popularRank&limit=100")
                .jsonPath().getList("data");
        assertFalse(popularInBand.isEmpty());
        long previousRank = Long.MIN_VALUE;
        for (Map<String, Object> m : popularInBand) {
            assertTrue(((Number) m.get("startingPrice")).longValue() <= 1_500_000);
            assertEquals(true, m.get("isPopular"));
            long rank = ((Number) m.get("popularRank")).longValue();
            assertTrue(rank >= previousRank, "by popularRank");
            previousRank = rank;
        }
        List<Integer> newRanks = given().get("/api/models?isNew=true&sort=newRank&limit=100").then().statusCode(200)
                .body("data.isNew", everyItem(equalTo(true))).extract().jsonPath().getList("data.newRank", Integer.class);
        assertFalse(newRanks.isEmpty());
        assertEquals(newRanks.stream().sorted().toList(), newRanks);
    }

    @Test
    void theHomeSectionsHaveTheirIndexes() {
        List<String> models = IndexInstaller.specs().stream().filter(s -> s.collection().equals("models"))
                .map(s -> s.keys().toBsonDocument().toJson()).toList();
        assertTrue(models.contains(Indexes.ascending("isPopular", "status", "popularRank", "id").toBsonDocument().toJson()), models.toString());
        assertTrue(models.contains(Indexes.ascending("isNew", "status", "newRank", "id").toBsonDocument().toJson()), models.toString());
    }

    /** The event admin-service appends for a variant update (CatalogWriter.mark: own tag, parents, its lists). */
    private void announceVariantUpdate(String variantId, String modelId, String brandId, boolean statusChanged) throws Exception {
        List<String> keys = new ArrayList<>(List.of("variant:" + variantId, "brand:" + brandId, "model:" + modelId,
                "variants", "models", "search"));
        if (statusChanged) {
            keys.add("stats");
        }
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "updated", "variant", List.of(variantId),
                List.of(brandId), List.of(modelId), keys, 2, Instant.now());
        redis.stream(String.class).xadd(InvalidationEvent.STREAM, Map.of(InvalidationEvent.STREAM_FIELD, json.writeValueAsString(event)));
    }

    private static long eventually(long expected, LongSupplier read) throws InterruptedException {
        long seen = read.getAsLong();
        for (int i = 0; i < 100 && seen != expected; i++) {
            Thread.sleep(50);
            seen = read.getAsLong();
        }
        return seen;
    }

    @Test
    void anAggregateChangesAfterAVariantPriceWrite() throws Exception {
        // a model with a few variants, the cheapest of which is made cheaper still, then hidden
        Map<String, Object> model = given().get("/api/models?sort=-startingPrice&limit=100").jsonPath()
                .<Map<String, Object>>getList("data").stream()
                .filter(m -> ((Number) m.get("variantCount")).intValue() >= 3).findFirst().orElseThrow();
        String modelId = (String) model.get("id");
        String brandId = (String) model.get("brandId");
        long oldStart = ((Number) model.get("startingPrice")).longValue();
        assertEquals(oldStart, ((Number) model.get("startingPrice")).longValue());
        int oldCount = ((Number) model.get("variantCount")).intValue();
        JsonPath cheapest = given().get("/api/variants?modelId=" + modelId + "&sort=price&limit=2").jsonPath();
        String variantId = cheapest.getString("data[0].id");
        long secondPrice = cheapest.getLong("data[1].price");
        long newStart = oldStart - 1_000;

        assertEquals(oldStart, cheapest.getLong("data[0].price"), "the starting price is the cheapest active variant's");
        String brandList = "/api/models?limit=100&brandId=" + brandId;
        String byPrice = "/api/models?sort=startingPrice&fields=startingPrice&limit=100&minPrice=" + newStart + "&maxPrice=" + newStart;
        for (String url : List.of(brandList, byPrice)) {
            given().get(url).then().statusCode(200);
            given().get(url).then().statusCode(200).header("X-Cache", "HIT");
        }
        assertFalse(given().get(byPrice).jsonPath().getList("data.id").contains(modelId), "not in the band before");

        MongoCollection<Document> variants = mongo.getDatabase("motoroctane").getCollection("variants");
        try {
            variants.updateOne(new Document("id", variantId),
                    new Document("$set", new Document("price", newStart)).append("$inc", new Document("version", 1)));
            announceVariantUpdate(variantId, modelId, brandId, false);

            assertEquals(newStart, eventually(newStart, () -> startingPrice(brandList, modelId)), "the brand's model cards");
            assertTrue(given().get(byPrice).jsonPath().getList("data.id").contains(modelId), "joins the band it now falls in");
            given().get("/api/models/" + modelId + "?fields=startingPrice").then().body("startingPrice", equalTo((int) newStart));

            // hidden: it no longer counts, and the next variant starts the range
            variants.updateOne(new Document("id", variantId),
                    new Document("$set", new Document("status", "inactive")).append("$inc", new Document("version", 1)));
            announceVariantUpdate(variantId, modelId, brandId, true);
            assertEquals(secondPrice, eventually(secondPrice, () -> startingPrice(brandList, modelId)));
            assertEquals(oldCount - 1, given().get(brandList).jsonPath().<Map<String, Object>>getList("data").stream()
                    .filter(m -> modelId.equals(m.get("id"))).mapToInt(m -> ((Number) m.get("variantCount")).intValue()).findFirst().orElseThrow());
        } finally {
            variants.updateOne(new Document("id", variantId), new Document("$set",
                    new Document("price", oldStart).append("status", "active")).append("$inc", new Document("version", 1)));
            announceVariantUpdate(variantId, modelId, brandId, true);
        }
        assertEquals(oldStart, eventually(oldStart, () -> startingPrice(brandList, modelId)), "restored");
    }

    /** The event admin-service appends for a model update (CatalogWriter: own tag, its brand, model lists, search, pages). */
    private void announceModelUpdate(String modelId, String brandId) throws Exception {
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "updated", "model", List.of(modelId),
                List.of(brandId), List.of(modelId), List.of("model:" + modelId, "brand:" + brandId, "models", "search", "pages"),
                2, Instant.now());
        redis.stream(String.class).xadd(InvalidationEvent.STREAM, Map.of(InvalidationEvent.STREAM_FIELD, json.writeValueAsString(event)));
    }

    @Test
    void aRenamedBrandShowsOnItsModelsCards() throws Exception {
        // the brands' names and slugs on cards are held in memory: a brand write must drop them
        JsonPath brand = given().get("/api/brands?limit=1").jsonPath();
        String brandId = brand.getString("data[0].id");
        String name = brand.getString("data[0].name");
        String renamed = name + " Renamed";
        String listUrl = "/api/models?limit=3&brandId=" + brandId;
        assertEquals(name, given().get(listUrl).jsonPath().getString("data[0].brandName"));

        MongoCollection<Document> brands = mongo.getDatabase("motoroctane").getCollection("brands");
        try {
            brands.updateOne(new Document("id", brandId), new Document("$set", new Document("name", renamed)));
            announceBrandUpdate(brandId);
            assertEquals(renamed, brandNameOnCardsOnceSettled(listUrl, renamed), "the new name is on the cards");
            assertEquals(brand.getString("data[0].slug"), given().get(listUrl).jsonPath().getString("data[0].brandSlug"),
                    "its stored slug stays");
        } finally {
            brands.updateOne(new Document("id", brandId), new Document("$set", new Document("name", name)));
            announceBrandUpdate(brandId);
        }
        assertEquals(name, brandNameOnCardsOnceSettled(listUrl, name), "and the old one again after the rename back");
    }

    /** The brand name the list's first card shows, read again for a while until it is {@code expected}. */
    private static String brandNameOnCardsOnceSettled(String listUrl, String expected) throws InterruptedException {
        String shown = given().get(listUrl).jsonPath().getString("data[0].brandName");
        for (int i = 0; i < 100 && !expected.equals(shown); i++) {
            Thread.sleep(50);
            shown = given().get(listUrl).jsonPath().getString("data[0].brandName");
        }
        return shown;
    }

    private void announceBrandUpdate(String brandId) throws Exception {
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "updated", "brand", List.of(brandId),
                List.of(brandId), List.of(), List.of("brand:" + brandId, "brand-own:" + brandId, "brands", "models", "search",
                        "pages"), 2, Instant.now());
        redis.stream(String.class).xadd(InvalidationEvent.STREAM, Map.of(InvalidationEvent.STREAM_FIELD, json.writeValueAsString(event)));
    }

    /** Every model with variants: id, brand, body type and starting price, through the public list. */
    private static List<Map<String, Object>> pricedModels() {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath list = given().queryParam("limit", 100).queryParam("fields", "id,brandId,bodyType,startingPrice")
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/models").then().statusCode(200).extract().jsonPath();
            all.addAll(list.getList("data"));
            cursor = list.getString("pagination.next");
        } while (cursor != null);
        return all.stream().filter(m -> m.get("startingPrice") != null).toList();
    }

    private static List<String> similarOn(String pageUrl) {
        return given().get(pageUrl).then().statusCode(200).extract().jsonPath().getList("similarModels.id");
    }

    @Test
    void aModelThatChangesBodyTypeJoinsTheSimilarModelsOfItsNewOne() throws Exception {
        // the body types a model page picks its similar models from are held in memory: a model write must drop them
        JsonPath brand = given().get("/api/brands?limit=1").jsonPath();
        JsonPath first = given().get("/api/models?limit=1&brandId=" + brand.getString("data[0].id")).jsonPath();
        String pageId = first.getString("data[0].id");
        String pageUrl = "/api/pages/model/" + brand.getString("data[0].slug") + "/" + first.getString("data[0].slug");
        JsonPath page = given().get(pageUrl).then().statusCode(200).extract().jsonPath();
        String bodyType = page.getString("model.bodyType");
        long price = page.getLong("pricing.price");
        Comparator<Map<String, Object>> nearest = Comparator.comparingLong(
                (Map<String, Object> m) -> Math.abs(((Number) m.get("startingPrice")).longValue() - price)).thenComparing(m -> (String) m.get("id"));
        Map<String, Object> mover = pricedModels().stream().filter(m -> !bodyType.equals(m.get("bodyType"))).min(nearest).orElseThrow();
        String moverId = (String) mover.get("id");
        String oldBodyType = (String) mover.get("bodyType");
        List<String> before = similarOn(pageUrl);
        assertFalse(before.contains(moverId), "of another body type, not similar yet");

        MongoCollection<Document> models = mongo.getDatabase("motoroctane").getCollection("models");
        try {
            models.updateOne(new Document("id", moverId), new Document("$set", new Document("bodyType", bodyType)));
            announceModelUpdate(moverId, (String) mover.get("brandId"));
            List<String> expected = pricedModels().stream().filter(m -> bodyType.equals(m.get("bodyType")) && !pageId.equals(m.get("id")))
                    .sorted(nearest).limit(6).map(m -> (String) m.get("id")).toList();
            assertTrue(expected.contains(moverId), "the seed's nearest model of another body type is among the six nearest once moved");
            List<String> after = similarOn(pageUrl);
            for (int i = 0; i < 100 && !after.equals(expected); i++) {
                Thread.sleep(50);
                after = similarOn(pageUrl);
            }
            assertEquals(expected, after, "the moved model is offered on the page of its new body type");
        } finally {
            models.updateOne(new Document("id", moverId), new Document("$set", new Document("bodyType", oldBodyType)));
            announceModelUpdate(moverId, (String) mover.get("brandId"));
        }
        List<String> restored = similarOn(pageUrl);
        for (int i = 0; i < 100 && !restored.equals(before); i++) {
            Thread.sleep(50);
            restored = similarOn(pageUrl);
        }
        assertEquals(before, restored, "and leaves it when it changes back");
    }

    private static long startingPrice(String listUrl, String modelId) {
        Map<String, Object> card = given().get(listUrl).jsonPath().<Map<String, Object>>getList("data").stream()
                .filter(m -> modelId.equals(m.get("id"))).findFirst().orElse(null);
        assertNotNull(card, modelId + " in " + listUrl);
        return card.get("startingPrice") == null ? -1 : ((Number) card.get("startingPrice")).longValue();
    }
}
