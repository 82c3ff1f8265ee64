package com.motoroctane.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.motoroctane.admin.support.AdminTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class BulkTests extends AdminTest {

    @Inject
    MongoClient mongo;

    @Test
    void hundredRowsWithThreeBadWritesNinetySevenAndReportsTheThree() {
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
        Response r = as("admin").body(rows).post("/api/bulk/brands");
        r.then().statusCode(200).body("summary.total", equalTo(100)).body("summary.success", equalTo(97))
                .body("summary.errors", equalTo(3))
                .body("results.findAll { it.status == 'error' }.index", equalTo(List.of(10, 50, 90)))
                .body("results[50].errors[0]", org.hamcrest.Matchers.startsWith("logo"));
        assertEquals(97, mongo.getDatabase(DevstackTestResource.DATABASE).getCollection("brands")
                .countDocuments(Filters.regex("name", "^Bulk " + tag + " ")));
        // the same file again changes nothing
        as("admin").body(rows).post("/api/bulk/brands").then().statusCode(200)
                .body("summary.unchanged", equalTo(97)).body("summary.created", equalTo(0));
    }

    @Test
    void csvRowsAreUpsertedById() {
        String brandId = as("admin").body(Map.of("name", unique("Csv"))).post("/api/brands").then().statusCode(201)
                .extract().path("id");
        String csv = "id,name,brandId,bodyType,fuelTypes,seating\n"
                + ",Csv One," + brandId + ",SUV,Petrol|Diesel,5\n"
                + ",\"Csv, Two\"," + brandId + ",Sedan,CNG,5\n"
                + ",Csv Three," + brandId + ",Tank,Petrol,5\n";
        as("admin").contentType("text/csv").body(csv).post("/api/bulk/models").then().statusCode(200)
                .body("summary.created", equalTo(2)).body("summary.errors", equalTo(1))
                .body("results[2].errors[0]", org.hamcrest.Matchers.startsWith("bodyType"));
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
