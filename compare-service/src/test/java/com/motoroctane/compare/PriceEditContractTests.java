package com.motoroctane.compare;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.motoroctane.compare.support.Admin;
import com.motoroctane.compare.support.CompareTestResource;
import com.motoroctane.compare.support.Events;
import com.motoroctane.compare.support.Poll;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Both sides of the narrow price-edit event (common {@code Tags.variantUpdateLists}): a price-only edit written
 * through admin-service's real API no longer names every variant and model list, so this checks, on the real
 * catalog-service, that every list the new price reshapes is fresh (price-ordered and price-banded lists, also
 * ones that did not show the variant, the model lists ordered by starting price, search) and that lists it
 * cannot reshape stay cached.
 */
@QuarkusTest
@WithTestResource(value = CompareTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(6)
class PriceEditContractTests {

    private static String catalog() {
        return ConfigProvider.getConfig().getValue("test.catalog.url", String.class);
    }

    private static Response get(String path) {
        return given().baseUri(catalog()).get(path).then().statusCode(200).extract().response();
    }

    private static List<String> ids(String path) {
        return get(path).jsonPath().getList("data.id");
    }

    @Test
    void aPriceEditRefreshesEveryListItCanReshapeAndNoOther() {
        String r = Admin.word();
        // a price band no other test writes into: the lists below hold only these variants
        long base = 95_000_000L + ThreadLocalRandom.current().nextLong(1_000) * 1_000;
        String brand = Admin.brand("Band " + r);
        String other = Admin.brand("Elsewhere " + r);
        String m1 = Admin.model(brand, "Alpha " + r, "Sedan");
        String m2 = Admin.model(brand, "Beta " + r, "Sedan");
        String m3 = Admin.model(other, "Gamma " + r, "Sedan");
        String v1 = Admin.variant(brand, m1, "Pz" + r, base + 100, Map.of("fuelType", "Petrol"));
        String v2 = Admin.variant(brand, m2, "Qz" + r, base + 200, Map.of("fuelType", "Petrol"));
        Admin.variant(other, m3, "Rz" + r, 700_000, Map.of("fuelType", "Diesel"));
        Events.settled();

        String variantsByPrice = "/api/variants?minPrice=" + base + "&maxPrice=" + (base + 999) + "&sort=price";
        String lowBand = "/api/variants?minPrice=" + base + "&maxPrice=" + (base + 60);
        String lowBandOfModel = "/api/variants?modelId=" + m2 + "&maxPrice=" + (base + 60);
        String modelsByPrice = "/api/models?minPrice=" + base + "&maxPrice=" + (base + 999) + "&sort=startingPrice";
        String search = "/api/search?q=qz" + r;
        List<String> untouched = List.of("/api/variants?brandId=" + other + "&sort=name", "/api/models?brandId=" + other,
                "/api/variants?modelId=" + m3 + "&sort=price");
        assertEquals(List.of(v1, v2), ids(variantsByPrice));
        assertEquals(List.of(), ids(lowBand));
        assertEquals(List.of(), ids(lowBandOfModel));
        assertEquals(List.of(m1, m2), ids(modelsByPrice));
        assertEquals(base + 200, get(search).jsonPath().getLong("data[0].price"));
        // cached before the edit (catalog-service may still be applying the creations' events: read until a hit)
        List<String> all = new java.util.ArrayList<>(List.of(variantsByPrice, lowBand, lowBandOfModel, modelsByPrice, search));
        all.addAll(untouched);
        for (String path : all) {
            Poll.until(path + " is cached", () -> get(path).header("X-Cache"), "HIT"::equals);
        }
        assertEquals(List.of(v1, v2), ids(variantsByPrice), "still, once cached");

        Admin.patch("variants", v2, Map.of("price", base + 50));

        Poll.until("the price-ordered variant list reorders", () -> ids(variantsByPrice), List.of(v2, v1)::equals);
        assertEquals(List.of(v2), ids(lowBand), "a price band that did not show the variant before");
        assertEquals(List.of(v2), ids(lowBandOfModel), "a model's price band that did not show it before");
        assertEquals(List.of(m2, m1), ids(modelsByPrice), "models by starting price");
        Response model = get("/api/models/" + m2 + "?fields=id,startingPrice");
        assertEquals(base + 50, model.jsonPath().getLong("startingPrice"));
        assertEquals(base + 50, get(search).jsonPath().getLong("data[0].price"), "search shows the new price");
        for (String path : untouched) {
            assertEquals("HIT", get(path).header("X-Cache"), path + " cannot change with that price: it stays cached");
        }
    }
}
