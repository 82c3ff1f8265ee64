package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The raw curated list compare-service enriches into /api/popular-comparisons. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class CuratedComparisonTests {

    @Inject
    MongoClient mongo;

    @Test
    void curatedComparisonsAreTheActiveRowsInOrderWithThePreviousFields() {
        List<Document> stored = mongo.getDatabase(DevstackTestResource.DATABASE).getCollection("popularcomparisons")
                .find(Filters.eq("isActive", true)).sort(Sorts.ascending("order", "id")).into(new ArrayList<>());
        long inactive = mongo.getDatabase(DevstackTestResource.DATABASE).getCollection("popularcomparisons")
                .countDocuments(Filters.ne("isActive", true));
        assertTrue(inactive > 0, "the seed has inactive rows, so the filter is exercised");

        var body = given().get("/api/curated-comparisons").then().statusCode(200)
                .header("Surrogate-Key", containsString("comparisons"))
                .extract().jsonPath();
        List<Map<String, Object>> rows = body.getList("data");
        assertEquals(stored.stream().map(d -> d.getString("id")).toList(), rows.stream().map(r -> r.get("id")).toList());
        Map<String, Object> first = rows.get(0);
        assertEquals(List.of("id", "model1Id", "model2Id", "order", "isActive").stream().sorted().toList(),
                first.keySet().stream().sorted().toList());
        assertEquals(stored.get(0).getString("model1Id"), first.get("model1Id"));
        assertEquals(true, first.get("isActive"));
    }
}
