package com.motoroctane.compare;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
@Order(3)
class AlternativesAndPopularTests {

    @Test
    @SuppressWarnings("unchecked")
    void alternativesAreOtherModelsOfTheSameBodyTypeNearestPriceFirst() {
        String r = Admin.word();
        String brand = Admin.brand("Alt " + r);
        String own = Admin.model(brand, "Own " + r, "SUV");
        String rival = Admin.model(brand, "Rival " + r, "SUV");
        String sedan = Admin.model(brand, "Sedan " + r, "Sedan");
        // prices no seeded variant has, so the nearest ones are ours
        String subject = Admin.variant(brand, own, "Base", 1_003_217, Map.of("fuelType", "Petrol"));
        Admin.variant(brand, own, "Top", 1_003_218, Map.of("fuelType", "Petrol"));
        String nearest = Admin.variant(brand, rival, "Near", 1_003_219, Map.of("fuelType", "Petrol"));
        Admin.variant(brand, sedan, "Sedan", 1_003_217, Map.of("fuelType", "Petrol"));

        var body = given().get("/api/compare/alternatives?variant=" + subject + "&limit=5").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> cards = body.getList("data");
        assertEquals(5, cards.size());
        assertEquals(nearest, cards.get(0).get("id"));
        long previous = -1;
        for (Map<String, Object> card : cards) {
            long price = ((Number) card.get("price")).longValue();
            Map<String, Object> model = (Map<String, Object>) card.get("model");
            assertEquals("SUV", model.get("bodyType"), card.toString());
            assertFalse(own.equals(model.get("id")), "never the variant's own model: " + card);
            assertTrue(price >= 852_734 && price <= 1_153_700, "within ±15 %: " + card);
            long distance = Math.abs(price - 1_003_217);
            assertTrue(distance >= previous, "nearest price first");
            previous = distance;
        }
        assertEquals(6, given().get("/api/compare/alternatives?variant=" + subject).then().statusCode(200)
                .extract().jsonPath().getList("data").size(), "default limit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void popularComparisonsKeepThePreviousFieldsAddTheModelsAndDropInactive() {
        String r = Admin.word();
        String brand = Admin.brand("Pop " + r);
        String m1 = Admin.model(brand, "First " + r, "Hatchback");
        String m2 = Admin.model(brand, "Second " + r, "Hatchback");
        String m3 = Admin.model(brand, "Third " + r, "Hatchback");
        Admin.variant(brand, m1, "Base", 600_000, Map.of("fuelType", "Petrol"));
        Admin.variant(brand, m1, "Top", 700_000, Map.of("fuelType", "Petrol"));
        Admin.variant(brand, m2, "Base", 650_000, Map.of("fuelType", "Petrol"));
        Admin.variant(brand, m3, "Base", 640_000, Map.of("fuelType", "Petrol"));
        String shown = Admin.comparison(m1, m2, 1, true);
        String hidden = Admin.comparison(m1, m3, 2, false);
        String losesAModel = Admin.comparison(m2, m3, 3, true);

        Map<String, Object> entry = Poll.until("the new comparison is listed", () -> entry(shown), e -> e != null);
        assertEquals(m1, entry.get("model1Id"));
        assertEquals(m2, entry.get("model2Id"));
        assertEquals(1, entry.get("order"));
        assertEquals(true, entry.get("isActive"));
        Map<String, Object> model1 = (Map<String, Object>) entry.get("model1");
        assertEquals("First " + r, model1.get("name"));
        assertEquals(600_000, model1.get("price"), "starting price: the cheapest active variant");
        assertEquals("pop-" + r, ((Map<String, Object>) model1.get("brand")).get("slug"));
        assertTrue(String.valueOf(model1.get("image")).startsWith("/img/"));
        assertEquals(null, entry(hidden), "isActive=false rows are not listed");
        Poll.until("the third comparison is listed", () -> entry(losesAModel), e -> e != null);

        List<Integer> orders = given().get("/api/popular-comparisons").then().statusCode(200)
                .header("Surrogate-Key", containsString("comparisons"))
                .extract().jsonPath().getList("data.order", Integer.class);
        for (int i = 1; i < orders.size(); i++) {
            assertTrue(orders.get(i - 1) <= orders.get(i), "in order: " + orders);
        }

        Admin.patch("models", m3, Map.of("status", "inactive"));
        Poll.until("a comparison with an inactive model is dropped", () -> entry(losesAModel), e -> e == null);
    }

    private static Map<String, Object> entry(String id) {
        List<Map<String, Object>> data = given().get("/api/popular-comparisons").then().statusCode(200)
                .extract().jsonPath().getList("data");
        return data.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElse(null);
    }
}
