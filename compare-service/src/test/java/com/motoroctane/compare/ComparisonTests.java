package com.motoroctane.compare;

import static com.motoroctane.compare.support.Rows.row;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.motoroctane.compare.support.CompareTestResource;
import com.motoroctane.compare.support.Fixtures;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Comparisons of cars the test wrote through admin-service, read by the real catalog-service. */
@QuarkusTest
@WithTestResource(value = CompareTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(1)
class ComparisonTests {

    private final Fixtures f = Fixtures.get();

    @Test
    void twoWayComparisonMarksDifferencesAndBestValues() {
        JsonPath body = given().get("/api/compare?variants=" + f.a + "," + f.b).then().statusCode(200)
                .body("items.variant.id", equalTo(List.of(f.a, f.b)))
                .body("items.brand.slug", equalTo(List.of(f.longBrandSlug(), f.longBrandSlug())))
                .body("items.model.name", equalTo(List.of("Defender One", "Discovery Two")))
                .body("items.price", equalTo(List.of(1_000_000, 1_200_000)))
                .extract().jsonPath();
        assertRow(body, "price", true, 0);
        assertRow(body, "maxPower", true, 1);      // 120 PS = 118.4 bhp > 113 bhp
        assertRow(body, "airbags", true, 0);
        assertRow(body, "globalNCAPRating", true, 0);
        assertRow(body, "bootSpace", false, null); // equal: no best
        assertRow(body, "fuelType", false, null);
        assertRow(body, "transmission", true, null); // text: different, never best
        assertEquals("bhp", row(body, "maxPower").get("unit"));
    }

    @Test
    void fourWayComparisonFollowsTheRequestedOrder() {
        JsonPath inOrder = given().get("/api/compare?variants=" + String.join(",", f.a, f.b, f.c, f.d)).then().statusCode(200)
                .extract().jsonPath();
        assertRow(inOrder, "price", true, 2);            // ₹9 L
        assertRow(inOrder, "maxPower", true, 3);         // 150 bhp against 113, 118.4 and 114 (85 kW)
        assertRow(inOrder, "airbags", true, 3);
        assertRow(inOrder, "globalNCAPRating", true, null); // 5 Star twice: a tie has no best
        assertRow(inOrder, "bootSpace", true, 3);
        assertRow(inOrder, "fuelType", true, null);

        // the same set in another order: items, values and best indexes move with it
        JsonPath shuffled = given().get("/api/compare?variants=" + String.join(",", f.b, f.d, f.a, f.c)).then().statusCode(200)
                .body("items.variant.id", equalTo(List.of(f.b, f.d, f.a, f.c)))
                .extract().jsonPath();
        assertRow(shuffled, "price", true, 3);
        assertRow(shuffled, "maxPower", true, 1);
        assertEquals(Arrays.asList("2", "7", "6", "6"), row(shuffled, "airbags").get("values"));
    }

    @Test
    void onlyDifferencesDropsEqualRows() {
        JsonPath all = given().get("/api/compare?variants=" + f.a + "," + f.b).then().extract().jsonPath();
        JsonPath diff = given().get("/api/compare?variants=" + f.a + "," + f.b + "&onlyDifferences=true").then().statusCode(200)
                .body("onlyDifferences", equalTo(true)).extract().jsonPath();
        assertTrue(row(all, "bootSpace") != null);
        assertNull(row(diff, "bootSpace"));
        assertNull(row(diff, "fuelType"));
        assertRow(diff, "price", true, 0);
    }

    @Test
    void modelsStandForTheirCheapestVariantUnlessOnePicksAnother() {
        given().get("/api/compare?models=" + f.m1 + "," + f.m2).then().statusCode(200)
                .body("items.variant.id", equalTo(List.of(f.a, f.b)))
                .body("items.model.id", equalTo(List.of(f.m1, f.m2)));
        given().get("/api/compare?models=" + f.m2 + "," + f.m1 + "&variant." + f.m1 + "=" + f.a2).then().statusCode(200)
                .body("items.variant.id", equalTo(List.of(f.b, f.a2)));
    }

    @Test
    void slugFormResolvesHyphenatedBrandsLongestFirst() {
        String path = "/api/compare/" + f.longBrandSlug() + "-defender-one-vs-" + f.longBrandSlug() + "-discovery-two";
        given().get(path).then().statusCode(200)
                .body("items.model.id", equalTo(List.of(f.m1, f.m2)))
                .body("items.variant.id", equalTo(List.of(f.a, f.b)));
        // (a shortest-first split would have read the first part as the short brand's "rover-defender-one")
        // the shorter brand slug is still tried where the longer brand has no such model
        given().get("/api/compare/" + f.shortBrandSlug() + "-rover-sport-vs-" + f.longBrandSlug() + "-defender-one")
                .then().statusCode(200).body("items.model.id", equalTo(List.of(f.roverSport, f.m1)));
    }

    @Test
    void bothOrdersOfOneSetShareOneCacheEntry() {
        String first = "/api/compare?variants=" + f.a2 + "," + f.c + "&onlyDifferences=true";
        String second = "/api/compare?variants=" + f.c + "," + f.a2 + "&onlyDifferences=true";
        given().get(first).then().statusCode(200).header("X-Cache", "MISS");
        given().get(second).then().statusCode(200).header("X-Cache", "HIT")
                .body("items.variant.id", equalTo(List.of(f.c, f.a2)));
        given().get(first).then().statusCode(200).header("X-Cache", "HIT")
                .body("items.variant.id", equalTo(List.of(f.a2, f.c)));
    }

    @Test
    void cachingHeadersNameEveryMemberAndNoList() {
        Response r = given().get("/api/compare?variants=" + f.a + "," + f.c);
        r.then().statusCode(200)
                .header("Cache-Control", containsString("s-maxage=7200"))
                .header("Cache-Control", containsString("stale-if-error="))
                .header("X-Cache-TTL", not(equalTo(null)));
        List<String> tags = List.of(r.header("Surrogate-Key").split(" "));
        // of models and brands their own fields only: a sibling variant's write does not touch this answer
        assertTrue(tags.containsAll(List.of("variant:" + f.a, "variant:" + f.c, "model-own:" + f.m1, "model-own:" + f.m3,
                "brand-own:" + f.longBrand, "brand-own:" + f.otherBrand)), tags.toString());
        assertFalse(tags.stream().anyMatch(t -> !t.contains(":")), "no list names: " + tags);
    }

    @Test
    void etagRevalidatesWith304PerOrder() {
        String ab = "/api/compare?variants=" + f.a + "," + f.d;
        String ba = "/api/compare?variants=" + f.d + "," + f.a;
        String etag = given().get(ab).then().statusCode(200).extract().header("ETag");
        String reordered = given().get(ba).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, reordered);
        given().header("If-None-Match", etag).get(ab).then().statusCode(304);
        given().header("If-None-Match", reordered).get(ba).then().statusCode(304);
        given().header("If-None-Match", etag).get(ba).then().statusCode(200);
    }

    @Test
    void itemsAreSmallSummaries() {
        Map<String, Object> item = given().get("/api/compare?variants=" + f.a + "," + f.b).then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        assertEquals(List.of("brand", "model", "variant", "image", "price", "onRoadPrice"), List.copyOf(item.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> variant = (Map<String, Object>) item.get("variant");
        assertFalse(variant.containsKey("maxPower"), "specs are in the table, not repeated in the item");
    }

    static void assertRow(JsonPath body, String field, boolean different, Integer best) {
        Map<String, Object> row = row(body, field);
        assertTrue(row != null, "row " + field);
        assertEquals(different, row.get("different"), field + ".different in " + row);
        assertEquals(best, row.get("best"), field + ".best in " + row);
    }
}
