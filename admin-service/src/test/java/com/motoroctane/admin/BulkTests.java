package com.motoroctane.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.motoroctane.admin.catalog.WriteJournal;
import com.motoroctane.admin.faults.FaultPoints;
import com.motoroctane.admin.support.CatalogTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.admin.support.Streams;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class BulkTests extends CatalogTest {

    /** All or nothing since issue 7: before, the 97 good rows were written and the 3 bad ones reported. */
    @Test
    void hundredRowsWithThreeBadWriteNothingAndReportAllThree() {
        String tag = unique("Bulk").replace(' ', '-').toLowerCase();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "Bulk " + tag + " " + i);
            row.put("summary", "<p>row " + i + "</p>");
            rows.add(row);
        }
        rows.get(10).put("name", Map.of("$gt", ""));
        rows.get(50).put("logo", "javascript:alert(1)");
        rows.get(90).put("ranking", "first");
        long events = Streams.count(redis, e -> e.contains("\"type\":\"bulk\""));
        Response r = as("admin").body(rows).post("/api/bulk/brands");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("3 of 100 rows"))
                .body("errors.index", equalTo(List.of(10, 50, 90)))
                .body("errors.field", equalTo(List.of("name", "logo", "ranking")));
        assertEquals(0, brands().countDocuments(Filters.regex("name", "^Bulk " + tag + " ")), "nothing written");
        assertEquals(events, Streams.count(redis, e -> e.contains("\"type\":\"bulk\"")), "no event for a refused batch");
        // corrected, the whole file goes in, in one event; the same file again changes nothing
        rows.get(10).put("name", "Bulk " + tag + " 10");
        rows.get(50).remove("logo");
        rows.get(90).put("ranking", 50);
        as("admin").body(rows).post("/api/bulk/brands").then().statusCode(200).body("success", equalTo(true))
                .body("summary.created", equalTo(100)).body("results[50].status", equalTo("created"));
        assertEquals(100, brands().countDocuments(Filters.regex("name", "^Bulk " + tag + " ")));
        assertEquals(events + 1, Streams.count(redis, e -> e.contains("\"type\":\"bulk\"")));
        as("admin").body(rows).post("/api/bulk/brands").then().statusCode(200)
                .body("summary.unchanged", equalTo(100)).body("summary.created", equalTo(0));
    }

    @Test
    void csvRowsAreUpsertedByIdAndABadRowWritesNothing() {
        String brandId = as("admin").body(Map.of("name", unique("Csv"))).post("/api/brands").then().statusCode(201)
                .extract().path("id");
        String good = "id,name,brandId,bodyType,fuelTypes,seating\n"
                + ",Csv One," + brandId + ",SUV,Petrol|Diesel,5\n"
                + ",\"Csv, Two\"," + brandId + ",Sedan,CNG,5\n";
        as("admin").contentType("text/csv").body(good + ",Csv Three," + brandId + ",Tank,Petrol,5\n").post("/api/bulk/models")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].index", equalTo(2)).body("errors[0].line", equalTo(4))
                .body("errors[0].field", equalTo("bodyType")).body("parameter", equalTo("line 4"));
        assertEquals(0, db().getCollection("models").countDocuments(Filters.eq("brandId", brandId)));
        as("admin").contentType("text/csv").body(good).post("/api/bulk/models").then().statusCode(200)
                .body("summary.created", equalTo(2)).body("results[1].id", equalTo("model-" + brandId + "-csv-two"));
    }

    @Test
    void aWriteFailingHalfWayThroughABulkPutsEveryDocumentBack() {
        String brandId = as("admin").body(Map.of("name", unique("Half"))).post("/api/brands").then().statusCode(201)
                .extract().path("id");
        Document before = brands().find(Filters.eq("id", brandId)).first();
        String tag = unique("Half").replace(' ', '-').toLowerCase();
        List<Map<String, Object>> rows = List.of(Map.of("id", brandId, "name", before.getString("name"), "summary", "changed"),
                Map.of("name", "Half " + tag + " new"), Map.of("name", "Half " + tag + " newer"));
        faults.arm(FaultPoints.BATCH_WRITE, 2);
        try {
            as("admin").body(rows).post("/api/bulk/brands").then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("put back"));
        } finally {
            faults.disarm();
        }
        Document after = brands().find(Filters.eq("id", brandId)).first();
        assertEquals(before.get("summary"), after.get("summary"));
        assertEquals(before.get("version"), after.get("version"));
        assertEquals(0, brands().countDocuments(Filters.regex("name", "^Half " + tag)));
        assertEquals(0, db().getCollection(WriteJournal.ENTRIES).countDocuments());
        assertEquals(0, db().getCollection(WriteJournal.BATCHES).countDocuments());
    }

    @Test
    void moreThanTheRowLimitIsRejected() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            rows.add(Map.of("name", "x" + i));
        }
        as("admin").body(rows).post("/api/bulk/brands").then().statusCode(400);
    }

    @Test
    void exportStreamsNdjsonAndADryRunImportOfItChangesNothing() throws Exception {
        var url = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/api/admin/export").toURL();
        var connection = (java.net.HttpURLConnection) url.openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token("admin"));
        StringBuilder ndjson = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(connection.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (int i = 0; i < 20; i++) {
                ndjson.append(lines.readLine()).append('\n');
            }
        } finally {
            connection.disconnect();
        }
        assertTrue(ndjson.toString().startsWith("{\"collection\": \"brands\""), ndjson.substring(0, 100));
        assertTrue(!ndjson.toString().contains("\"password\""));
        as("admin").contentType("application/x-ndjson").body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .post("/api/admin/import").then().statusCode(200).body("dryRun", equalTo(true))
                .body("summary.brands.unchanged", equalTo(20)).body("summary.brands.inserted", equalTo(0));
        as("admin").contentType("application/x-ndjson").body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("mode", "empty")
                .post("/api/admin/import").then().statusCode(409);
        as("admin").contentType("application/x-ndjson")
                .body("{\"collection\":\"brands\",\"document\":{\"id\":\"brand-x\",\"name\":{\"$where\":\"1\"}}}\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/admin/import").then().statusCode(400);
    }
}
