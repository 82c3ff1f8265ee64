package com.motoroctane.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Inactive means hidden everywhere: a model whose brand is inactive and a variant whose model or brand is
 * inactive are absent from every read, exactly as an inactive document is, and counts agree.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class VisibilityTests {

    @Inject
    MongoClient mongo;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    /** An active child of a hidden parent, and the slugs its pages are reached by. */
    record Hidden(String why, String brandId, String brandSlug, String modelId, String modelSlug, String modelName,
                  String variantId, long visibleModelsOfBrand, long visibleVariantsOfBrand) {
        @Override
        public String toString() {
            return why;
        }
    }

    /** What one read endpoint must not show. */
    record Read(String name, java.util.function.Function<Hidden, String> url, Predicate<Response> hides) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Read> everyRead() {
        return Stream.of(
                new Read("GET /api/models/{id}", h -> "/api/models/" + h.modelId(), VisibilityTests::notFound),
                new Read("GET /api/models/{slug}", h -> "/api/models/" + h.modelSlug(), r -> notFoundOrOther(r, "id")),
                new Read("GET /api/models?brandId=", h -> "/api/models?limit=100&brandId=" + h.brandId(), VisibilityTests::onlyVisibleModels),
                new Read("GET /api/models?sort=price&brandId=", h -> "/api/models?limit=100&sort=price&brandId=" + h.brandId(),
                        VisibilityTests::onlyVisibleModels),
                new Read("GET /api/models?minPrice=0&brandId=", h -> "/api/models?limit=100&minPrice=0&sort=name&brandId=" + h.brandId(),
                        r -> listLacks(r) && r.jsonPath().getLong("pagination.total") <= CURRENT.get().visibleModelsOfBrand()),
                new Read("GET /api/variants/{id}", h -> "/api/variants/" + h.variantId(), VisibilityTests::notFound),
                new Read("GET /api/variants?modelId=", h -> "/api/variants?limit=100&modelId=" + h.modelId(),
                        r -> r.statusCode() == 200 && r.jsonPath().getInt("pagination.total") == 0),
                new Read("GET /api/variants?brandId=", h -> "/api/variants?limit=100&brandId=" + h.brandId(),
                        r -> listLacks(r) && r.jsonPath().getLong("pagination.total") == CURRENT.get().visibleVariantsOfBrand()),
                new Read("GET /api/variants/by?ids=", h -> "/api/variants/by?ids=" + h.variantId(),
                        r -> r.statusCode() == 200 && r.jsonPath().getList("data").isEmpty()
                                && r.jsonPath().getList("missing").size() == 1),
                new Read("GET /api/search?q=<model name>", h -> "/api/search?limit=50&q=" + h.modelName(), VisibilityTests::listLacks),
                new Read("GET /api/frontend/models/{slug}", h -> "/api/frontend/models/" + h.modelSlug(), r -> notFoundOrOther(r, "id")),
                new Read("GET /api/frontend/brands/{brandId}/models", h -> "/api/frontend/brands/" + h.brandId() + "/models",
                        r -> r.statusCode() == 404 || !r.jsonPath().getList("models.id").contains(CURRENT.get().modelId())),
                new Read("GET /api/pages/brand/{slug}", h -> "/api/pages/brand/" + h.brandSlug(),
                        r -> r.statusCode() == 404 || !r.jsonPath().getList("models.id").contains(CURRENT.get().modelId())),
                new Read("GET /api/pages/model/{brandSlug}/{modelSlug}", h -> "/api/pages/model/" + h.brandSlug() + "/" + h.modelSlug(),
                        VisibilityTests::notFound));
    }

    private static final ThreadLocal<Hidden> CURRENT = new ThreadLocal<>();

    private static boolean notFound(Response r) {
        return r.statusCode() == 404 && r.contentType().startsWith("application/problem+json");
    }

    /** A slug may also belong to a visible model of another brand; then that one, never the hidden one, is served. */
    private static boolean notFoundOrOther(Response r, String idPath) {
        return notFound(r) || r.statusCode() == 200 && !CURRENT.get().modelId().equals(r.jsonPath().getString(idPath));
    }

    private static boolean onlyVisibleModels(Response r) {
        return listLacks(r) && r.jsonPath().getLong("pagination.total") == CURRENT.get().visibleModelsOfBrand();
    }

    private static boolean listLacks(Response r) {
        if (r.statusCode() != 200) {
            return false;
        }
        Hidden h = CURRENT.get();
        List<String> ids = r.jsonPath().getList("data.id", String.class);
        return !ids.contains(h.modelId()) && !ids.contains(h.variantId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRead")
    void aChildOfAnInactiveParentIsHiddenFromEveryRead(Read read) {
        List<Hidden> children = hiddenChildren(mongo.getDatabase(DevstackTestResource.DATABASE));
        assertTrue(children.size() >= 3, "the seed's two inactive brands and an inactive model: " + children);
        for (Hidden hidden : children) {
            CURRENT.set(hidden);
            Response response = given().get(read.url().apply(hidden));
            assertTrue(read.hides().test(response), read + " shows a child of " + hidden.why() + ": " + response.statusCode()
                    + " " + response.asString().substring(0, Math.min(300, response.asString().length())));
        }
    }

    @Test
    void statsAndListTotalsEqualTheVisibleCounts() {
        MongoDatabase db = mongo.getDatabase(DevstackTestResource.DATABASE);
        long[] visible = visibleCounts(db);
        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(visible[0], stats.getLong("totalBrands"));
        assertEquals(visible[1], stats.getLong("totalModels"), "models of inactive brands are not counted");
        assertEquals(visible[2], stats.getLong("totalVariants"), "variants of inactive models or brands are not counted");
        assertEquals(visible[1], given().get("/api/models").jsonPath().getLong("pagination.total"));
        assertEquals(visible[2], given().get("/api/variants").jsonPath().getLong("pagination.total"));
        assertEquals(visible[1], given().get("/api/models?sort=price").jsonPath().getLong("pagination.total"));
    }

    @Test
    void theSeedHasHiddenChildrenToCheck() {
        List<Hidden> hidden = hiddenChildren(mongo.getDatabase(DevstackTestResource.DATABASE));
        assertTrue(hidden.stream().filter(h -> h.why().startsWith("inactive brand")).count() >= 2, hidden.toString());
        assertTrue(hidden.stream().anyMatch(h -> h.why().startsWith("inactive model")), hidden.toString());
    }

    /** A brand switched off and on again: each time, what was cached for its children follows. */
    @Test
    void aBrandStatusChangeEvictsWhatItsChildrenAppearIn() throws Exception {
        MongoDatabase db = mongo.getDatabase(DevstackTestResource.DATABASE);
        MongoCollection<Document> brands = db.getCollection("brands");
        Document brand = brands.find(eq("status", "active")).sort(new Document("ranking", -1)).first();
        String brandId = brand.getString("id");
        Document model = db.getCollection("models").find(and(eq("brandId", brandId), eq("status", "active"))).first();
        String modelUrl = "/api/models/" + model.getString("id");
        String variantsUrl = "/api/variants?limit=3&brandId=" + brandId;
        String modelsUrl = "/api/models?limit=5&brandId=" + brandId;
        long variantsOfBrand = given().get(variantsUrl).jsonPath().getLong("pagination.total");
        assertTrue(variantsOfBrand > 0);
        for (String url : List.of(modelUrl, variantsUrl, modelsUrl, "/api/stats")) {
            given().get(url).then().statusCode(200);
            given().get(url).then().statusCode(200).header("X-Cache", "HIT");
        }
        long totalVariants = given().get("/api/stats").jsonPath().getLong("totalVariants");
        try {
            brands.updateOne(eq("id", brandId), new Document("$set", new Document("status", "inactive")));
            announceStatusChange(brandId);
            awaitStatus(modelUrl, 404);
            assertEquals(0, given().get(variantsUrl).jsonPath().getLong("pagination.total"));
            assertEquals(0, given().get(modelsUrl).jsonPath().getLong("pagination.total"));
            assertEquals(totalVariants - variantsOfBrand, given().get("/api/stats").jsonPath().getLong("totalVariants"));
            // the now empty list is cached; it never carried the brand's tag
            given().get(variantsUrl).then().header("X-Cache", "HIT");
        } finally {
            brands.updateOne(eq("id", brandId), new Document("$set", new Document("status", "active")));
            announceStatusChange(brandId);
        }
        awaitStatus(modelUrl, 200);
        assertEquals(variantsOfBrand, given().get(variantsUrl).jsonPath().getLong("pagination.total"),
                "lists that did not show the hidden brand's children show them again");
        assertEquals(totalVariants, given().get("/api/stats").jsonPath().getLong("totalVariants"));
    }

    /** What admin-service announces for a brand's status update: its tag and the lists a brand appears in. */
    private void announceStatusChange(String brandId) throws Exception {
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "updated", "brand", List.of(brandId),
                List.of(brandId), List.of(), tags(brandId), 3, Instant.now());
        redis.stream(String.class).xadd(InvalidationEvent.STREAM, Map.of(InvalidationEvent.STREAM_FIELD, json.writeValueAsString(event)));
    }

    /** The brand's written tags (common {@code Tags.written}, as admin-service's events name them) and its lists. */
    private static List<String> tags(String brandId) {
        List<String> tags = new ArrayList<>(Tags.written(Tags.BRAND, brandId));
        tags.addAll(List.of(Tags.BRANDS, Tags.SEARCH, Tags.PAGES, Tags.STATS));
        return tags;
    }

    private static void awaitStatus(String url, int status) throws InterruptedException {
        int seen = 0;
        for (int i = 0; i < 100 && seen != status; i++) {
            seen = given().get(url).statusCode();
            if (seen != status) {
                Thread.sleep(50);
            }
        }
        assertEquals(status, seen, url);
    }

    // ---------------------------------------------------------------------------------------------

    private static List<Hidden> hiddenChildren(MongoDatabase db) {
        List<Hidden> hidden = new ArrayList<>();
        MongoCollection<Document> models = db.getCollection("models");
        MongoCollection<Document> variants = db.getCollection("variants");
        for (Document brand : db.getCollection("brands").find(ne("status", "active"))) {
            Document model = models.find(and(eq("brandId", brand.getString("id")), eq("status", "active"))).first();
            Document variant = variants.find(and(eq("modelId", model.getString("id")), eq("status", "active"))).first();
            hidden.add(hidden(db, "inactive brand " + brand.getString("id"), brand, model, variant));
        }
        Set<String> activeBrands = ids(db.getCollection("brands").find(eq("status", "active")));
        Document model = models.find(and(ne("status", "active"), in("brandId", activeBrands))).first();
        Document brand = db.getCollection("brands").find(eq("id", model.getString("brandId"))).first();
        Document variant = variants.find(and(eq("modelId", model.getString("id")), eq("status", "active"))).first();
        hidden.add(hidden(db, "inactive model " + model.getString("id") + " (active variant)", brand, model, variant));
        return hidden;
    }

    private static Hidden hidden(MongoDatabase db, String why, Document brand, Document model, Document variant) {
        String brandId = brand.getString("id");
        boolean brandVisible = "active".equals(brand.getString("status"));
        Set<String> models = ids(db.getCollection("models").find(and(eq("brandId", brandId), eq("status", "active"))));
        long variants = db.getCollection("variants").countDocuments(and(eq("brandId", brandId), eq("status", "active"),
                in("modelId", models)));
        return new Hidden(why, brandId, brand.getString("slug"), model.getString("id"), model.getString("slug"),
                model.getString("name"), variant.getString("id"), brandVisible ? models.size() : 0, brandVisible ? variants : 0);
    }

    private static Set<String> ids(Iterable<Document> docs) {
        Set<String> ids = new java.util.HashSet<>();
        docs.forEach(d -> ids.add(d.getString("id")));
        return ids;
    }

    /** brands, models, variants the public may see, counted the slow way. */
    private static long[] visibleCounts(MongoDatabase db) {
        Set<String> brands = ids(db.getCollection("brands").find(eq("status", "active")));
        Set<String> models = ids(db.getCollection("models").find(and(eq("status", "active"), in("brandId", brands))));
        long variants = db.getCollection("variants").countDocuments(
                and(eq("status", "active"), in("modelId", models), in("brandId", brands)));
        return new long[] {brands.size(), models.size(), variants};
    }
}
