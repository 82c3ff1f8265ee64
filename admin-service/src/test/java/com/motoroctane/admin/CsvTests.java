package com.motoroctane.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;


import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.model.Filters;
import com.motoroctane.admin.support.CatalogTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** CSV as a spreadsheet user expects it (issue 7 item 11). */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class CsvTests extends CatalogTest {

    private static ValidatableResponse upload(String kind, String csv) {
        return as("admin").contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/bulk/" + kind).then();
    }

    private long named(String name) {
        return brands().countDocuments(Filters.eq("name", name));
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        String name = unique("Bom");
        upload("brands", "\uFEFFname,summary\r\n" + name + ",from Excel\r\n,\r\n,\r\n").statusCode(200).body("summary.created", equalTo(1));
        assertEquals(1, named(name));
    }

    @Test
    void anUnterminatedQuoteIsARowErrorAndNothingIsWritten() {
        String good = unique("Quote");
        upload("brands", "name,summary\n" + good + ",fine\n\"" + unique("Open") + ",never closed\n" + unique("Later") + ",x\n")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].line", equalTo(3)).body("errors[0].message", containsString("quoted cell is not closed"));
        assertEquals(0, named(good));
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsARowError() {
        String good = unique("Cells");
        String extra = unique("Cells");
        upload("brands", "name,summary\n" + good + ",fine\n" + extra + ",fine,surplus\n")
                .statusCode(400).body("errors[0].line", equalTo(3)).body("errors[0].message", containsString("3 cells"));
        assertEquals(0, named(good));
        assertEquals(0, named(extra));
    }

    @ParameterizedTest(name = "{0} cell starting with [{1}]")
    @CsvSource(delimiter = '|', value = {
        "name|=", "name|+", "name|-", "name|@", "summary|=", "summary|@", "logo|=", "logo|-", "name|'  ='", "ranking|="})
    void aCellASpreadsheetWouldRunAsAFormulaIsRefusedNamingTheColumn(String column, String start) {
        String name = unique("Formula");
        String cell = start + "HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")";
        String csv = "name," + (column.equals("name") ? "summary" : column) + "\n"
                + (column.equals("name") ? "\"" + cell + "\",ok" : name + ",\"" + cell + "\"") + "\n";
        upload("brands", csv).statusCode(400).body("errors[0].field", equalTo(column))
                .body("errors[0].message", containsString("formula"));
        assertEquals(0, named(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\r"})
    void aCellStartingWithTabOrCarriageReturnIsRefused(String start) {
        String name = unique("Formula");
        upload("brands", "name,summary\n" + name + ",\"" + start + "=1+1\"\n").statusCode(400)
                .body("errors[0].field", equalTo("summary"));
        assertEquals(0, named(name));
    }

    @Test
    void aNegativePriceIsANumberAndRefusedByThePriceRule() {
        String brandId = as("admin").body(Map.of("name", unique("Price"))).post("/api/brands").then().statusCode(201).extract().path("id");
        String modelId = as("admin").body(Map.of("name", unique("Price"), "brandId", brandId)).post("/api/models").then()
                .statusCode(201).extract().path("id");
        upload("variants", "name,brandId,modelId,price\nLXi," + brandId + "," + modelId + ",-5\n").statusCode(400)
                .body("errors[0].field", equalTo("price")).body("errors[0].message", not(containsString("formula")));
        String good = "name,brandId,modelId,price\nLXi," + brandId + "," + modelId + ",650000\n";
        upload("variants", good).statusCode(200).body("summary.created", equalTo(1));
        // stored as whole rupees, as a JSON upload stores them, so the same file again changes nothing
        assertEquals(650000L, db().getCollection("variants").find(Filters.eq("modelId", modelId)).first().get("price"));
        upload("variants", good).statusCode(200).body("summary.unchanged", equalTo(1));
    }

    @Test
    void exportNeutralisesFormulaCellsAndImportsBackUnchanged() {
        String brandId = as("admin").body(Map.of("name", unique("Export"))).post("/api/brands").then().statusCode(201).extract().path("id");
        String name = "@Home " + unique("Formula");
        String id = as("admin").body(Map.of("name", name, "brandId", brandId, "headerSeo", "-5% off on =SUM(A1)",
                "subBodyType", "+Plus", "faqs", java.util.List.of(Map.of("question", "=Why?", "answer", "Because"))))
                .post("/api/models").then().statusCode(201).extract().path("id");
        String csv = as("admin").accept("text/csv").get("/api/bulk/models").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String header = csv.substring(0, csv.indexOf("\r\n"));
        String row = csv.lines().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow();
        assertTrue(row.contains(",'@Home ") && row.contains(",'-5% off") && row.contains(",'+Plus,"), row);
        for (String cell : row.split(",")) {
            assertTrue(cell.isEmpty() || "=+-@".indexOf(cell.charAt(0)) < 0, "neutralised: " + cell);
        }
        upload("models", header + "\r\n" + row + "\r\n").statusCode(200).body("summary.unchanged", equalTo(1));
        Document stored = db().getCollection("models").find(Filters.eq("id", id)).first();
        assertEquals(name, stored.getString("name"));
        assertEquals("-5% off on =SUM(A1)", stored.getString("headerSeo"));
    }

    @Test
    void aRenameUpdatesTheSlugInCsvAndInPatchAndKeepsTheId() {
        String first = unique("Rename");
        String id = as("admin").body(Map.of("name", first)).post("/api/brands").then().statusCode(201).extract().path("id");
        String second = unique("Renamed");
        upload("brands", "id,name\n" + id + "," + second + "\n").statusCode(200).body("results[0].status", equalTo("updated"))
                .body("results[0].id", equalTo(id));
        Document stored = brands().find(Filters.eq("id", id)).first();
        assertNotNull(stored);
        assertEquals(second, stored.getString("name"));
        assertEquals(CatalogFields.slug(second), stored.getString("slug"));
        String third = unique("Patched");
        as("editor").body(Map.of("name", third)).patch("/api/brands/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("slug", equalTo(CatalogFields.slug(third)));
    }
}
