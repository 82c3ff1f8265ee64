package com.motoroctane.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.motoroctane.admin.catalog.WriteJournal;
import com.motoroctane.admin.faults.FaultPoints;
import com.motoroctane.admin.support.CatalogTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.admin.support.Streams;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** NDJSON import (issue 7 item 4): validated like a single write, all or nothing, audited and announced. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class ImportTests extends CatalogTest {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    @Inject
    WriteJournal journal;

    private Document stored(String collection, String id) {
        return db().getCollection(collection).find(Filters.eq("id", id)).projection(Projections.exclude("_id")).first();
    }

    private static String line(String collection, Document doc) {
        return new Document("collection", collection).append("document", doc).toJson(RELAXED);
    }

    private static Document newBrand(String id) {
        return new Document("id", id).append("name", "Imported " + id).append("slug", id.substring("brand-".length()))
                .append("status", "active").append("createdAt", new Date()).append("version", 1L);
    }

    private static ValidatableResponse importing(String ndjson) {
        return as("admin").contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/import").then();
    }

    private long importEvents() {
        return Streams.count(redis, e -> e.contains("\"type\":\"imported\""));
    }

    private long importAudits() {
        return db().getCollection("auditlog").countDocuments(Filters.eq("action", "import"));
    }

    private static String id(String prefix) {
        return prefix + unique("").strip().toLowerCase();
    }

    @Test
    void garbageOnLineTwoWritesNothingAnnouncesNothingAndNamesTheLine() {
        String first = id("brand-imp");
        long events = importEvents();
        long audits = importAudits();
        importing(line("brands", newBrand(first)) + "\n{\"collection\":\"brands\",\"document\":\n")
                .statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("line 2")).body("errors[0].line", equalTo(2))
                .body("detail", containsString("line 2"));
        assertNull(stored("brands", first), "line 1 must not be written when line 2 is bad");
        assertEquals(events, importEvents(), "no invalidation event for an import that wrote nothing");
        assertEquals(audits, importAudits());
    }

    @Test
    void everyBadLineIsReportedInOneAnswer() {
        String ok = id("brand-imp");
        String ndjson = line("brands", newBrand(id("brand-imp")).append("logo", "javascript:alert(1)")) + "\n"
                + line("brands", newBrand(ok)) + "\n"
                + "\n"
                + line("brands", newBrand(id("brand-imp")).append("version", "abc")) + "\n"
                + "{\"collection\":\"users\",\"document\":{\"id\":\"x\"}}\n";
        importing(ndjson).statusCode(400).body("errors.line", equalTo(java.util.List.of(1, 4, 5)))
                .body("errors.field", equalTo(java.util.List.of("logo", "version", "collection")));
        assertNull(stored("brands", ok));
    }

    /** Each kind of value the probe stored through the import, now refused exactly as a single write refuses it. */
    static java.util.stream.Stream<Object[]> badValues() {
        return java.util.stream.Stream.of(
                new Object[] {"name", (Consumer<Document>) d -> d.put("name", "<script>alert(1)</script>")},
                new Object[] {"name", (Consumer<Document>) d -> d.put("name", "   ")},
                new Object[] {"name", (Consumer<Document>) d -> d.put("name", "***")},
                new Object[] {"logo", (Consumer<Document>) d -> d.put("logo", "javascript:alert(1)")},
                new Object[] {"logo", (Consumer<Document>) d -> d.put("logo", "//evil.example/x.png")},
                new Object[] {"ranking", (Consumer<Document>) d -> d.put("ranking", -3)},
                new Object[] {"isAdmin", (Consumer<Document>) d -> d.put("isAdmin", true)},
                new Object[] {"version", (Consumer<Document>) d -> d.put("version", "abc")},
                new Object[] {"version", (Consumer<Document>) d -> d.put("version", -1)},
                new Object[] {"createdAt", (Consumer<Document>) d -> d.put("createdAt", "yesterday")},
                new Object[] {"id", (Consumer<Document>) d -> d.put("id", "Brand X")},
                new Object[] {"faqs[0].answer", (Consumer<Document>) d -> d.put("faqs",
                        java.util.List.of(new Document("question", "q").append("answer", new Document("$ne", 1))))});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsRefusedAndNothingIsWritten(String field, Consumer<Document> spoil) {
        String id = id("brand-bad");
        Document doc = newBrand(id);
        spoil.accept(doc);
        importing(line("brands", doc)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].line", equalTo(1)).body("errors[0].field", equalTo(field));
        assertNull(stored("brands", id));
    }

    @Test
    void aNegativePriceIsRefused() {
        Document variant = db().getCollection("variants").find().projection(Projections.exclude("_id")).first();
        variant.put("price", -5);
        importing(line("variants", variant)).statusCode(400).body("errors.field", hasItem("price"));
        assertTrue(stored("variants", variant.getString("id")).get("price", Number.class).doubleValue() > 0);
    }

    @Test
    void richTextIsSanitisedOnTheWayIn() {
        String id = id("brand-imp");
        importing(line("brands", newBrand(id).append("summary", "<p>ok</p><script>alert(1)</script>"))).statusCode(200);
        String summary = stored("brands", id).getString("summary");
        assertTrue(summary.contains("<p>ok</p>") && !summary.contains("script"), summary);
    }

    @Test
    void aSuccessfulImportIsAuditedAnnouncedAndLeavesDocumentsEditable() {
        String brandId = as("admin").body(Map.of("name", unique("Imp"))).post("/api/brands").then().statusCode(201)
                .extract().path("id");
        Document doc = stored("brands", brandId);
        doc.put("summary", "restored from a backup");
        String fresh = id("brand-imp");
        long events = importEvents();
        long audits = importAudits();
        importing(line("brands", doc) + "\n" + line("brands", newBrand(fresh)) + "\n").statusCode(200)
                .body("summary.brands.updated", equalTo(1)).body("summary.brands.inserted", equalTo(1));
        assertEquals("restored from a backup", stored("brands", brandId).getString("summary"));
        assertEquals(2L, stored("brands", brandId).get("version", Number.class).longValue(), "versions only grow");
        assertNotNull(stored("brands", fresh));
        assertEquals(audits + 1, importAudits());
        assertEquals(events + 1, importEvents());
        // an imported document takes ordinary writes (a string version used to make every PATCH 500)
        as("editor").header("If-Match", "\"v2\"").body(Map.of("summary", "edited")).patch("/api/brands/" + brandId)
                .then().statusCode(200).header("ETag", "\"v3\"");
        as("editor").body(Map.of("summary", "edited")).patch("/api/brands/" + fresh).then().statusCode(200);
    }

    @Test
    void aModelMayReferToABrandEarlierInTheSameFile() {
        String brandId = id("brand-imp");
        String modelId = "model-" + brandId + "-one";
        Document model = new Document("id", modelId).append("name", "One").append("slug", "one").append("brandId", brandId)
                .append("status", "active").append("version", 1L);
        importing(line("brands", newBrand(brandId)) + "\n" + line("models", model) + "\n").statusCode(200);
        assertNotNull(stored("models", modelId));
        String orphan = "model-brand-none-" + brandId;
        importing(line("models", new Document(model).append("id", orphan).append("brandId", "brand-none"))).statusCode(400)
                .body("errors[0].field", equalTo("brandId"));
    }

    @Test
    void aWriteFailingHalfWayRestoresTheBeforeState() {
        String a = as("admin").body(Map.of("name", unique("Roll"), "summary", "before")).post("/api/brands").then()
                .statusCode(201).extract().path("id");
        String c = as("admin").body(Map.of("name", unique("Roll"), "summary", "before")).post("/api/brands").then()
                .statusCode(201).extract().path("id");
        Document beforeA = stored("brands", a);
        Document beforeC = stored("brands", c);
        String b = id("brand-roll");
        long audits = importAudits();
        faults.arm(FaultPoints.BATCH_WRITE, 2);
        try {
            importing(line("brands", new Document(beforeA).append("summary", "after")) + "\n"
                    + line("brands", newBrand(b)) + "\n"
                    + line("brands", new Document(beforeC).append("summary", "after")) + "\n")
                    .statusCode(503).contentType("application/problem+json").body("detail", containsString("put back"));
        } finally {
            faults.disarm();
        }
        assertEquals(beforeA, stored("brands", a));
        assertEquals(beforeC, stored("brands", c));
        assertNull(stored("brands", b));
        assertEquals(audits, importAudits());
        assertEquals(0, db().getCollection(WriteJournal.ENTRIES).countDocuments());
        assertEquals(0, db().getCollection(WriteJournal.BATCHES).countDocuments());
    }

    /** A process that died half-way left its journal behind: recovery undoes it, and leaves live batches alone. */
    @Test
    void aJournalLeftBehindIsUndoneOnRecovery() {
        String id = as("admin").body(Map.of("name", unique("Crash"), "summary", "before")).post("/api/brands").then()
                .statusCode(201).extract().path("id");
        Document before = stored("brands", id);
        long version = before.get("version", Number.class).longValue();
        String inserted = id("brand-crash");
        // what a dead import had done: journaled, changed one document, inserted another
        db().getCollection(WriteJournal.BATCHES).insertOne(new Document("_id", "dead-batch").append("state", "applying")
                .append("kind", "import merge").append("heartbeat", new Date(System.currentTimeMillis() - 3_600_000)));
        db().getCollection(WriteJournal.BATCHES).insertOne(new Document("_id", "live-batch").append("state", "applying")
                .append("kind", "import merge").append("heartbeat", new Date()));
        db().getCollection(WriteJournal.ENTRIES).insertOne(new Document("batch", "dead-batch").append("seq", 0)
                .append("collection", "brands").append("id", id).append("before", before).append("afterVersion", version + 1));
        db().getCollection(WriteJournal.ENTRIES).insertOne(new Document("batch", "dead-batch").append("seq", 1)
                .append("collection", "brands").append("id", inserted).append("before", null).append("afterVersion", 1L));
        brands().updateOne(Filters.eq("id", id), new Document("$set", new Document("summary", "half").append("version", version + 1)));
        brands().insertOne(newBrand(inserted));
        try {
            journal.recover(); // the recovery thread may have got there first: what counts is the state after
            assertEquals(before, stored("brands", id));
            assertNull(stored("brands", inserted));
            assertEquals(0, db().getCollection(WriteJournal.ENTRIES).countDocuments(Filters.eq("batch", "dead-batch")));
            assertEquals(1, db().getCollection(WriteJournal.BATCHES).countDocuments(Filters.eq("_id", "live-batch")));
        } finally {
            db().getCollection(WriteJournal.BATCHES).deleteMany(new Document());
        }
    }
}
