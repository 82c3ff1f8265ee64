package com.motoroctane.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.motoroctane.admin.support.CatalogTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.admin.support.Streams;
import com.motoroctane.admin.faults.FaultPoints;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.devstack.test.DevstackTestResource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import com.motoroctane.admin.events.EventPublisher;
import com.motoroctane.devstack.RedisProcess;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogWriteTests extends CatalogTest {

    private static final String XSS = "<p>ok</p><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>";

    private static String brand() {
        return as("admin").body(Map.of("name", unique("Brand"))).post("/api/brands").then().statusCode(201)
                .extract().path("id");
    }

    private static String model(String brandId) {
        return as("admin").body(Map.of("name", unique("Model"), "brandId", brandId, "bodyType", "SUV"))
                .post("/api/models").then().statusCode(201).extract().path("id");
    }

    private static String variant(String brandId, String modelId) {
        return as("admin").body(Map.of("name", unique("LXi"), "brandId", brandId, "modelId", modelId, "price", 650000,
                "fuelType", "Petrol")).post("/api/variants").then().statusCode(201).extract().path("id");
    }

    @Test
    void createUsesThePreviousIdSchemeWithSuffixOnCollision() {
        String name = unique("Zeta Motors");
        String first = as("editor").body(Map.of("name", name)).post("/api/brands").then().statusCode(201)
                .header("ETag", "\"v1\"").extract().path("id");
        String second = as("editor").body(Map.of("name", name)).post("/api/brands").then().statusCode(201).extract().path("id");
        assertEquals("brand-" + name.toLowerCase().replace(' ', '-'), first);
        assertEquals(first + "-1", second);
    }

    @Test
    void xssIsStrippedFromEveryRichTextField() {
        String brandId = brand();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Safe"));
        body.put("brandId", brandId);
        for (String f : List.of("pros", "cons", "description", "exteriorDesign", "comfortConvenience", "summary")) {
            body.put(f, XSS);
        }
        body.put("faqs", List.of(Map.of("question", "Q?", "answer", XSS)));
        body.put("engineSummaries", List.of(Map.of("title", "1.2", "summary", XSS)));
        String id = as("editor").body(body).post("/api/models").then().statusCode(201).extract().path("id");
        Document stored = db().getCollection("models").find(Filters.eq("id", id)).first();
        List<String> rich = new ArrayList<>();
        for (String f : List.of("pros", "cons", "description", "exteriorDesign", "comfortConvenience", "summary")) {
            rich.add(stored.getString(f));
        }
        rich.add(stored.getList("faqs", Document.class).get(0).getString("answer"));
        rich.add(stored.getList("engineSummaries", Document.class).get(0).getString("summary"));
        String modelId = id;
        String variantId = as("editor").body(Map.of("name", unique("V"), "brandId", brandId, "modelId", modelId,
                "price", 500000, "description", XSS, "keyFeatures", XSS, "headerSummary", XSS, "exteriorDesign", XSS,
                "comfortConvenience", XSS)).post("/api/variants").then().statusCode(201).extract().path("id");
        Document v = db().getCollection("variants").find(Filters.eq("id", variantId)).first();
        for (String f : List.of("description", "keyFeatures", "headerSummary", "exteriorDesign", "comfortConvenience")) {
            rich.add(v.getString(f));
        }
        String brandSummary = as("editor").body(Map.of("summary", XSS, "faqs", List.of(Map.of("question", "Q", "answer", XSS))))
                .patch("/api/brands/" + brandId).then().statusCode(200).extract().path("summary");
        rich.add(brandSummary);
        for (String html : rich) {
            assertTrue(html.contains("<p>ok</p>"), html);
            assertFalse(html.contains("<script") || html.contains("onerror") || html.contains("javascript:"), html);
        }
    }

    @Test
    void markupInAPlainFieldIsRejected() {
        as("editor").body(Map.of("name", "<b>Bold</b> Motors")).post("/api/brands").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("name"));
    }

    @Test
    void injectionShapedJsonIs400AndWritesNothing() {
        long brands = db().getCollection("brands").countDocuments();
        as("editor").body("{\"name\":{\"$gt\":\"\"}}").post("/api/brands").then().statusCode(400)
                .body("parameter", equalTo("name"));
        as("editor").body("{\"name\":\"Ok\",\"$where\":\"1\"}").post("/api/brands").then().statusCode(400)
                .body("parameter", equalTo("$where"));
        as("editor").body("{\"name\":\"Ok\",\"faqs\":[{\"question\":\"q\",\"answer\":{\"$ne\":1}}]}").post("/api/brands")
                .then().statusCode(400).body("parameter", equalTo("faqs[0].answer"));
        as("editor").body("{\"name\":\"Ok\",\"unknownField\":1}").post("/api/brands").then().statusCode(400)
                .body("detail", containsString("unknownField"));
        assertEquals(brands, db().getCollection("brands").countDocuments());
    }

    @Test
    void variantRulesAreEnforced() {
        String brandId = brand();
        String modelId = model(brandId);
        String other = brand();
        as("editor").body(Map.of("name", "X", "brandId", brandId, "modelId", modelId, "price", 0)).post("/api/variants")
                .then().statusCode(400).body("parameter", equalTo("price"));
        as("editor").body(Map.of("name", "X", "brandId", brandId, "modelId", modelId, "price", 100_000_000))
                .post("/api/variants").then().statusCode(400).body("parameter", equalTo("price"));
        as("editor").body(Map.of("name", "X", "brandId", other, "modelId", modelId, "price", 500000))
                .post("/api/variants").then().statusCode(400).body("parameter", equalTo("brandId"));
        as("editor").body(Map.of("name", "X", "brandId", brandId, "modelId", modelId, "price", 500000, "fuelType", "Steam"))
                .post("/api/variants").then().statusCode(400).body("parameter", equalTo("fuelType"));
        as("editor").body(Map.of("name", "X", "brandId", brandId, "modelId", "model-nope", "price", 500000))
                .post("/api/variants").then().statusCode(400).body("parameter", equalTo("modelId"));
        as("editor").body(Map.of("name", "M", "brandId", brandId, "heroImage", "javascript:alert(1)"))
                .post("/api/models").then().statusCode(400).body("parameter", equalTo("heroImage"));
    }

    @Test
    void staleIfMatchIs412AndCurrentOneApplies() {
        String brandId = brand();
        as("editor").header("If-Match", "\"v1\"").body(Map.of("summary", "two")).patch("/api/brands/" + brandId)
                .then().statusCode(200).header("ETag", "\"v2\"");
        as("editor").header("If-Match", "\"v1\"").body(Map.of("summary", "three")).patch("/api/brands/" + brandId)
                .then().statusCode(412).contentType("application/problem+json");
        as("editor").body(Map.of("summary", "no precondition")).patch("/api/brands/" + brandId).then().statusCode(200)
                .body("version", equalTo(3));
    }

    /**
     * Writes without a validator (none, or If-Match: *) that race on one document are all applied, one after the
     * other: losing the race is not the client's precondition failing. Six writers, four writes each.
     */
    @Test
    void concurrentWritesWithoutAValidatorAreAllAppliedNot412() throws Exception {
        String brandId = brand();
        String variantId = variant(brandId, model(brandId));
        int writers = 6;
        int each = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<List<Integer>>> results = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new java.util.ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        var request = as("editor").body(Map.of("price", 500_000 + writer * 100 + i));
                        if (writer % 2 == 0) {
                            request = request.header("If-Match", "*");
                        }
                        statuses.add(request.patch("/api/variants/" + variantId).then().extract().statusCode());
                    }
                    return statuses;
                }));
            }
            for (var result : results) {
                assertEquals(List.of(200, 200, 200, 200), result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        as("editor").body(Map.of("price", 600_000)).patch("/api/variants/" + variantId).then().statusCode(200)
                .body("version", equalTo(1 + writers * each + 1)); // every write applied once, none lost
    }

    @Test
    void brandDeleteCascadesAndLeavesNoOrphans() {
        String brandId = brand();
        String m1 = model(brandId);
        String m2 = model(brandId);
        variant(brandId, m1);
        variant(brandId, m2);
        String foreignModel = model(brand());
        as("admin").body(List.of(Map.of("model1Id", m1, "model2Id", foreignModel), Map.of("model1Id", foreignModel, "model2Id", m2)))
                .post("/api/popular-comparisons").then().statusCode(200).body("count", equalTo(2));
        as("editor").delete("/api/brands/" + brandId).then().statusCode(403);
        as("admin").delete("/api/brands/" + brandId).then().statusCode(204);
        assertEquals(0, db().getCollection("brands").countDocuments(Filters.eq("id", brandId)));
        assertEquals(0, db().getCollection("models").countDocuments(Filters.eq("brandId", brandId)));
        assertEquals(0, db().getCollection("variants").countDocuments(Filters.or(Filters.eq("brandId", brandId),
                Filters.in("modelId", m1, m2))));
        assertEquals(0, db().getCollection("popularcomparisons").countDocuments(Filters.or(
                Filters.in("model1Id", m1, m2), Filters.in("model2Id", m1, m2))));
        noOrphansAnywhere();
    }

    @Test
    void modelDeleteCascadesToVariantsAndComparisons() {
        String brandId = brand();
        String m = model(brandId);
        String v = variant(brandId, m);
        as("admin").delete("/api/models/" + m).then().statusCode(204);
        assertEquals(0, db().getCollection("variants").countDocuments(Filters.eq("id", v)));
        assertEquals(1, db().getCollection("brands").countDocuments(Filters.eq("id", brandId)));
        noOrphansAnywhere();
    }

    private void noOrphansAnywhere() {
        List<String> brands = db().getCollection("brands").distinct("id", String.class).into(new ArrayList<>());
        List<String> models = db().getCollection("models").distinct("id", String.class).into(new ArrayList<>());
        assertEquals(0, db().getCollection("models").countDocuments(Filters.nin("brandId", brands)));
        assertEquals(0, db().getCollection("variants").countDocuments(Filters.nin("modelId", models)));
        assertEquals(0, db().getCollection("popularcomparisons").countDocuments(Filters.or(
                Filters.nin("model1Id", models), Filters.nin("model2Id", models))));
    }

    @Test
    void everyWriteIsAuditedWithADiff() {
        String brandId = brand();
        as("editor").body(Map.of("summary", "audited")).patch("/api/brands/" + brandId).then().statusCode(200);
        as("admin").queryParam("entity", "brand").queryParam("limit", 100).get("/api/admin/audit").then()
                .statusCode(200).body("data.find { it.entityId == '" + brandId + "' && it.action == 'update' }.diff.summary.to",
                        equalTo("audited"))
                .body("data.find { it.entityId == '" + brandId + "' && it.action == 'update' }.actor.role", equalTo("editor"));
        as("editor").get("/api/admin/audit").then().statusCode(403);
    }

    @Test
    void aWriteAppendsItsInvalidationEventToTheStream() {
        String brandId = brand();
        String modelId = model(brandId);
        String variantId = variant(brandId, modelId);
        as("editor").body(Map.of("price", 777000)).patch("/api/variants/" + variantId).then().statusCode(200);
        var all = redis.stream(String.class).xrange(InvalidationEvent.STREAM, io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"));
        String json = all.get(all.size() - 1).payload().get(InvalidationEvent.STREAM_FIELD);
        assertTrue(json.contains("\"variant:" + variantId + "\"") && json.contains("\"model:" + modelId + "\"")
                && json.contains("\"brand:" + brandId + "\"") && json.contains("\"type\":\"updated\""), json);
    }

    /**
     * A write that changes nothing (the same price sent again, fields sent as they are stored) is answered with
     * the stored document and leaves everything as it was: no new version, no audit entry, no event (every cache
     * showing the variant would otherwise be purged and rebuilt into the same bytes). A stale If-Match still 412s.
     */
    @Test
    void aWriteThatChangesNothingIsNotAppliedAuditedOrAnnounced() {
        String brandId = brand();
        String modelId = model(brandId);
        String variantId = variant(brandId, modelId);
        as("editor").body(Map.of("price", 777000)).patch("/api/variants/" + variantId).then().statusCode(200)
                .header("ETag", "\"v2\"");
        java.util.function.Predicate<String> aboutIt = e -> e.contains("\"variant:" + variantId + "\"");
        long events = Streams.count(redis, aboutIt);
        long audited = db().getCollection("auditlog").countDocuments(Filters.eq("entityId", variantId));

        as("editor").body(Map.of("price", 777000)).patch("/api/variants/" + variantId).then().statusCode(200)
                .header("ETag", "\"v2\"").body("version", equalTo(2)).body("price", equalTo(777000));
        as("editor").header("If-Match", "\"v2\"").body(Map.of("price", 777000, "fuelType", "Petrol"))
                .patch("/api/variants/" + variantId).then().statusCode(200).header("ETag", "\"v2\"");
        as("editor").header("If-Match", "\"v1\"").body(Map.of("price", 777000)).patch("/api/variants/" + variantId)
                .then().statusCode(412);

        assertEquals(events, Streams.count(redis, aboutIt), "no event for a write that changed nothing");
        assertEquals(audited, db().getCollection("auditlog").countDocuments(Filters.eq("entityId", variantId)));
        // and a real change after it is applied as version 3, announced
        as("editor").body(Map.of("price", 778000)).patch("/api/variants/" + variantId).then().statusCode(200)
                .header("ETag", "\"v3\"");
        assertEquals(events + 1, Streams.count(redis, aboutIt));
    }

    private List<String> lastEventTags() throws Exception {
        var all = redis.stream(String.class).xrange(InvalidationEvent.STREAM, io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"));
        var tags = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(all.get(all.size() - 1).payload().get(InvalidationEvent.STREAM_FIELD)).get("surrogateKeys");
        List<String> out = new java.util.ArrayList<>();
        tags.forEach(t -> out.add(t.asText()));
        return out;
    }

    /** A list page that never showed a hidden parent's children has no tag of theirs: the event names their lists. */
    @Test
    void aParentsStatusChangeNamesItsChildrensLists() throws Exception {
        String brandId = brand();
        String modelId = model(brandId);
        as("admin").body(Map.of("summary", "no status change")).patch("/api/brands/" + brandId).then().statusCode(200);
        assertFalse(lastEventTags().contains("variants"), "a plain edit does not evict every variant list");

        as("admin").body(Map.of("status", "inactive")).patch("/api/brands/" + brandId).then().statusCode(200);
        assertTrue(lastEventTags().containsAll(List.of("brand:" + brandId, "models", "variants")), lastEventTags().toString());

        as("admin").body(Map.of("status", "inactive")).patch("/api/models/" + modelId).then().statusCode(200);
        assertTrue(lastEventTags().containsAll(List.of("model:" + modelId, "variants")), lastEventTags().toString());
    }

    /**
     * A brand's or model's own write names its own-fields tag (common {@code Tags.own}: what a comparison of
     * given variants carries); a variant's write names its parents' tags but not their own-fields tags.
     */
    @Test
    void onlyABrandOrModelsOwnWriteNamesItsOwnFieldsTag() throws Exception {
        String brandId = brand();
        String modelId = model(brandId);
        String variantId = variant(brandId, modelId);
        as("admin").body(Map.of("price", 655000)).patch("/api/variants/" + variantId).then().statusCode(200);
        List<String> variantWrite = lastEventTags();
        assertTrue(variantWrite.containsAll(List.of("variant:" + variantId, "model:" + modelId, "brand:" + brandId)),
                variantWrite.toString());
        assertFalse(variantWrite.contains(Tags.modelOwn(modelId)) || variantWrite.contains(Tags.brandOwn(brandId)),
                variantWrite.toString());

        as("admin").body(Map.of("description", "a new description")).patch("/api/models/" + modelId).then().statusCode(200);
        assertTrue(lastEventTags().containsAll(List.of("model:" + modelId, "model-own:" + modelId)), lastEventTags().toString());
        assertFalse(lastEventTags().contains(Tags.brandOwn(brandId)), "a model's write leaves its brand's own fields");
        as("admin").body(Map.of("summary", "a new summary")).patch("/api/brands/" + brandId).then().statusCode(200);
        assertTrue(lastEventTags().containsAll(List.of("brand:" + brandId, "brand-own:" + brandId)), lastEventTags().toString());
    }

    @ConfigProperty(name = "devstack.redis.port")
    int redisPort;

    @Test
    void aWriteMadeWhileRedisIsDownIsAnnouncedWhenItReturns() throws Exception {
        String brandId = brand();
        String modelId = model(brandId);
        String variantId = variant(brandId, modelId);
        String token = token("editor");
        RedisProcess.command(redisPort, "SHUTDOWN NOSAVE");
        try {
            given().auth().oauth2(token).contentType("application/json").body(Map.of("price", 654321))
                    .patch("/api/variants/" + variantId).then().statusCode(200);
            assertEquals(1, db().getCollection(EventPublisher.OUTBOX).countDocuments(), "kept, not lost");
        } finally {
            new RedisProcess(redisPort, java.nio.file.Files.createTempDirectory("redis-back")).start();
        }
        boolean announced = false;
        for (int i = 0; i < 100 && !announced; i++) {
            Thread.sleep(100);
            announced = redis.stream(String.class).xrange(InvalidationEvent.STREAM, io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"))
                    .stream().anyMatch(m -> m.payload().get(InvalidationEvent.STREAM_FIELD).contains("\"variant:" + variantId + "\""));
        }
        assertTrue(announced, "the relay put the event on the stream once Redis answered");
        assertEquals(0, db().getCollection(EventPublisher.OUTBOX).countDocuments());
    }

    @Test
    void anEditorCannotReplaceTheWholeComparisonListButCanAddOne() {
        String m1 = model(brand());
        String m2 = model(brand());
        as("admin").body(List.of(Map.of("model1Id", m1, "model2Id", m2))).post("/api/popular-comparisons").then()
                .statusCode(200).body("count", equalTo(1));
        long before = db().getCollection("popularcomparisons").countDocuments();
        as("editor").body(List.of()).post("/api/popular-comparisons").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403)).body("parameter", equalTo("body"));
        as("editor").body(List.of(Map.of("model1Id", m2, "model2Id", m1))).post("/api/popular-comparisons").then()
                .statusCode(403);
        assertEquals(before, db().getCollection("popularcomparisons").countDocuments(), "nothing removed");
        as("editor").body(Map.of("model1Id", m2, "model2Id", m1)).post("/api/popular-comparisons").then().statusCode(201);
        as("admin").body(List.of()).post("/api/popular-comparisons").then().statusCode(200).body("count", equalTo(0));
        assertEquals(0, db().getCollection("popularcomparisons").countDocuments());
    }

    @Test
    void replacingTheComparisonListReportsEveryBadRowAndWritesNothing() {
        String m1 = model(brand());
        String m2 = model(brand());
        as("admin").body(List.of(Map.of("model1Id", m1, "model2Id", m2))).post("/api/popular-comparisons").then().statusCode(200);
        String id = "comparison-" + m1 + "-" + m2;
        as("admin").body(List.of(Map.of("model1Id", m1, "model2Id", "model-none"), Map.of("model1Id", m2, "model2Id", m2),
                Map.of("model1Id", m2, "model2Id", m1))).post("/api/popular-comparisons").then().statusCode(400)
                .contentType("application/problem+json").body("errors.index", equalTo(List.of(0, 1)))
                .body("errors.field", equalTo(List.of("model2Id", "model2Id")));
        assertEquals(1, db().getCollection("popularcomparisons").countDocuments(Filters.eq("id", id)), "the old list stands");
        // the same pair again keeps its id (it used to be re-inserted as <id>-1)
        as("admin").body(List.of(Map.of("model1Id", m1, "model2Id", m2))).post("/api/popular-comparisons").then()
                .statusCode(200).body("comparisons[0].id", equalTo(id));
    }

    /**
     * The transactional outbox: the event is written with the change, so a process that stops after the
     * write and before the send (stood in for by an injected fault) still gets its eviction out.
     */
    @Test
    void aWriteWhoseProcessStopsBeforeSendingIsStillAnnounced() throws Exception {
        String brandId = brand();
        faults.arm(FaultPoints.BEFORE_EVENT_SENT, 0);
        try {
            as("editor").body(Map.of("summary", "crash window")).patch("/api/brands/" + brandId).then().statusCode(500);
        } finally {
            faults.disarm();
        }
        assertEquals("crash window", db().getCollection("brands").find(Filters.eq("id", brandId)).first().getString("summary"));
        java.util.function.Predicate<String> updated = e -> e.contains("\"type\":\"updated\"") && e.contains("\"brand:" + brandId + "\"");
        assertTrue(Streams.await(redis, updated), "the relay sent the event the writer never did");
        assertEquals(1, Streams.count(redis, updated));
        for (int i = 0; i < 50 && db().getCollection(EventPublisher.OUTBOX).countDocuments() > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0, db().getCollection(EventPublisher.OUTBOX).countDocuments());
    }

    @Test
    void aSingleWriteLeavesNothingInTheOutbox() {
        String brandId = brand();
        as("editor").body(Map.of("summary", "sent")).patch("/api/brands/" + brandId).then().statusCode(200);
        as("editor").header("If-Match", "\"v1\"").body(Map.of("summary", "stale")).patch("/api/brands/" + brandId).then()
                .statusCode(412);
        assertEquals(0, db().getCollection(EventPublisher.OUTBOX).countDocuments());
    }

    @Test
    void availableRankingsArePublicAndExcludeTakenOnes() {
        Response r = given().get("/api/brands/available-rankings");
        r.then().statusCode(200);
        List<Integer> free = r.jsonPath().getList("$", Integer.class);
        assertFalse(free.isEmpty() && db().getCollection("brands").countDocuments() < 50);
        assertTrue(free.stream().allMatch(n -> n >= 1 && n <= 50));
    }

    @Test
    void roleMatrix() {
        String brandId = brand();
        String modelId = model(brandId);
        String[] roles = {null, "editor", "admin", "super_admin"};
        // route -> expected status per role (anonymous, editor, admin, super_admin); 0 = allowed (not 401/403)
        record Route(String method, String path, Object body, int[] expect) { }
        List<Route> routes = List.of(
                new Route("POST", "/api/brands", Map.of("name", "x"), new int[] {401, 0, 0, 0}),
                new Route("PATCH", "/api/brands/" + brandId, Map.of(), new int[] {401, 0, 0, 0}),
                new Route("PUT", "/api/models/" + modelId, Map.of(), new int[] {401, 0, 0, 0}),
                new Route("DELETE", "/api/variants/variant-none", null, new int[] {401, 403, 0, 0}),
                new Route("DELETE", "/api/models/model-none", null, new int[] {401, 403, 0, 0}),
                new Route("DELETE", "/api/brands/brand-none", null, new int[] {401, 403, 0, 0}),
                // replacing the whole list can empty it: admin and up (issue 7 item 6)
                new Route("POST", "/api/popular-comparisons", List.of(), new int[] {401, 403, 0, 0}),
                new Route("POST", "/api/popular-comparisons", Map.of(), new int[] {401, 0, 0, 0}),
                new Route("POST", "/api/bulk/models", List.of(), new int[] {401, 403, 0, 0}),
                new Route("GET", "/api/bulk/brands", null, new int[] {401, 403, 0, 0}),
                new Route("DELETE", "/api/popular-comparisons/none", null, new int[] {401, 403, 0, 0}),
                new Route("POST", "/api/bulk/brands", List.of(), new int[] {401, 403, 0, 0}),
                new Route("GET", "/api/admin/audit", null, new int[] {401, 403, 0, 0}),
                // news: editors read, create and edit; deleting needs admin, as for the catalogue
                new Route("GET", "/api/admin/articles", null, new int[] {401, 0, 0, 0}),
                new Route("GET", "/api/admin/authors/author-none", null, new int[] {401, 0, 0, 0}),
                new Route("POST", "/api/admin/categories", Map.of(), new int[] {401, 0, 0, 0}),
                new Route("PATCH", "/api/admin/articles/article-none", Map.of(), new int[] {401, 0, 0, 0}),
                new Route("PUT", "/api/admin/tags/tag-none", Map.of(), new int[] {401, 0, 0, 0}),
                new Route("DELETE", "/api/admin/articles/article-none", null, new int[] {401, 403, 0, 0}),
                new Route("DELETE", "/api/admin/categories/category-none", null, new int[] {401, 403, 0, 0}),
                new Route("DELETE", "/api/admin/tags/tag-none", null, new int[] {401, 403, 0, 0}),
                new Route("DELETE", "/api/admin/authors/author-none", null, new int[] {401, 403, 0, 0}),
                new Route("GET", "/api/admin/export", null, new int[] {401, 403, 0, 0}),
                new Route("GET", "/api/admin/users", null, new int[] {401, 403, 403, 0}),
                new Route("POST", "/api/admin/users", Map.of(), new int[] {401, 403, 403, 0}),
                new Route("DELETE", "/api/admin/users/none", null, new int[] {401, 403, 403, 0}),
                new Route("GET", "/api/auth/me", null, new int[] {401, 0, 0, 0}),
                new Route("GET", "/api/brands/available-rankings", null, new int[] {0, 0, 0, 0}),
                new Route("GET", "/.well-known/jwks.json", null, new int[] {0, 0, 0, 0}));
        for (Route route : routes) {
            for (int i = 0; i < roles.length; i++) {
                var spec = as(roles[i]);
                if (route.body() != null) {
                    spec = spec.body(route.body());
                }
                int status = spec.request(route.method(), route.path()).statusCode();
                String what = route.method() + " " + route.path() + " as " + roles[i];
                if (route.expect()[i] == 0) {
                    assertTrue(status != 401 && status != 403, what + " was " + status);
                } else {
                    assertEquals(route.expect()[i], status, what);
                }
            }
        }
    }
}
