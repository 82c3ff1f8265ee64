package com.motoroctane.compare;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.motoroctane.compare.support.Admin;
import com.motoroctane.compare.support.CompareTestResource;
import com.motoroctane.compare.support.Poll;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = CompareTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(4)
class TrendingTests {

    @Test
    @SuppressWarnings("unchecked")
    void trendingCountsEveryPairOfEachComparisonServed() {
        String r = Admin.word();
        String brand = Admin.brand("Trend " + r);
        String[] models = new String[4];
        String[] variants = new String[4];
        for (int i = 0; i < 4; i++) {
            models[i] = Admin.model(brand, "T" + i + " " + r, "MUV");
            variants[i] = Admin.variant(brand, models[i], "Base", 700_000 + i * 10_000, Map.of("fuelType", "Petrol"));
        }
        // a,b three times (twice from cache, once in the other order), then all four once: a|b = 4, every other pair 1
        for (String pair : List.of(variants[0] + "," + variants[1], variants[1] + "," + variants[0], variants[0] + "," + variants[1])) {
            given().get("/api/compare?variants=" + pair).then().statusCode(200);
        }
        given().get("/api/compare?variants=" + String.join(",", variants)).then().statusCode(200);

        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                expected.put(pair(models[i], models[j]), i == 0 && j == 1 ? 4 : 1);
            }
        }
        Map<String, Integer> counted = Poll.until("the background flush has written every pair", () -> {
            Map<String, Integer> ours = new HashMap<>();
            List<Map<String, Object>> data = given().get("/api/comparisons/trending?window=24h&limit=50").then().statusCode(200)
                    .extract().jsonPath().getList("data");
            for (Map<String, Object> e : data) {
                String key = pair((String) e.get("model1Id"), (String) e.get("model2Id"));
                if (expected.containsKey(key)) {
                    ours.put(key, ((Number) e.get("count")).intValue());
                }
            }
            return ours;
        }, expected::equals);
        assertEquals(expected, counted);

        Map<String, Object> top = given().get("/api/comparisons/trending?window=7d&limit=50").then().statusCode(200)
                .extract().jsonPath().getList("data", Map.class).stream()
                .filter(e -> pair((String) e.get("model1Id"), (String) e.get("model2Id")).equals(pair(models[0], models[1])))
                .findFirst().orElseThrow();
        assertEquals(4, top.get("count"));
        Map<String, Object> model1 = (Map<String, Object>) top.get("model1");
        assertEquals("trend-" + r, ((Map<String, Object>) model1.get("brand")).get("slug"));
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
