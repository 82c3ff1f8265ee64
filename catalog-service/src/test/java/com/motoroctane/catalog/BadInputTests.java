package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every client mistake is a 4xx problem+json naming what was wrong; none is a 500. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class BadInputTests {

    private static ValidatableResponse badParameter(String url, String parameter) {
        return given().get(url).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://motoroctane.com/problems/invalid-parameter"))
                .body("title", equalTo("Invalid request parameter"))
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999", ""})
    void badLimitsAreRejectedOnEveryList(String limit) {
        if (limit.isEmpty()) {
            given().get("/api/brands?limit=").then().statusCode(200); // empty means "not given"
            return;
        }
        for (String list : new String[] {"/api/brands", "/api/models", "/api/variants"}) {
            badParameter(list + "?limit=" + limit, "limit");
        }
    }

    @Test
    void limitAbove50IsRejectedForSearch() {
        badParameter("/api/search?q=a&limit=51", "limit");
    }

    @ParameterizedTest
    @CsvSource({"/api/models?sort=price;drop", "/api/models?sort=horsepower", "/api/variants?sort=popularRank",
                "/api/brands?sort=price", "/api/models?sort=name:sideways"})
    void unknownSortIsRejected(String url) {
        badParameter(url, "sort");
    }

    @Test
    void unknownFieldIsRejected() {
        badParameter("/api/variants?fields=name,password", "fields");
        badParameter("/api/models?fields=$where", "fields");
        badParameter("/api/brands/brand-maruti-suzuki?fields=secret", "fields");
    }

    @Test
    void malformedCursorIsRejected() {
        badParameter("/api/variants?cursor=not-a-cursor", "cursor");
        badParameter("/api/variants?cursor=%7B%22v%22%3A1%7D.AAAA", "cursor");
        badParameter("/api/variants?cursor=" + "A".repeat(2000), "cursor");
    }

    @Test
    void tamperedCursorIsRejected() {
        String next = given().get("/api/variants?limit=5").jsonPath().getString("pagination.next");
        String payload = new String(Base64.getUrlDecoder().decode(next.substring(0, next.indexOf('.'))));
        String forged = payload.replaceFirst("\"p\":2", "\"p\":9");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + next.substring(next.indexOf('.'));
        badParameter("/api/variants?limit=5&cursor=" + tampered, "cursor").body("detail", containsString("altered"));
    }

    @Test
    void cursorFromAnotherQueryIsRejected() {
        String next = given().get("/api/variants?limit=5&sort=price").jsonPath().getString("pagination.next");
        badParameter("/api/variants?limit=5&sort=name&cursor=" + next, "cursor");
        badParameter("/api/variants?limit=5&sort=price&fuelType=Petrol&cursor=" + next, "cursor");
    }

    @Test
    void minPriceAboveMaxPriceIsRejected() {
        badParameter("/api/variants?minPrice=900000&maxPrice=500000", "minPrice");
        badParameter("/api/models?minPrice=900000&maxPrice=500000", "minPrice");
        badParameter("/api/models?minPrice=cheap", "minPrice");
        badParameter("/api/variants?maxPrice=-5", "maxPrice");
    }

    @Test
    void queryOver100CharactersIsRejected() {
        badParameter("/api/search?q=" + "a".repeat(101), "q");
        given().get("/api/search?q=" + "a".repeat(100)).then().statusCode(200);
        badParameter("/api/search", "q");
        badParameter("/api/search?q=  ", "q");
    }

    @Test
    void moreThan50IdsAreRejected() {
        String ids = IntStream.rangeClosed(1, 51).mapToObj(i -> "variant-" + i).collect(Collectors.joining(","));
        badParameter("/api/variants/by?ids=" + ids, "ids");
        badParameter("/api/variants/by", "ids");
        badParameter("/api/variants/by?ids=a b", "ids");
    }

    @Test
    void badFilterValuesAreRejected() {
        badParameter("/api/models?seating=many", "seating");
        badParameter("/api/models?seating=40", "seating");
        badParameter("/api/models?isPopular=yes", "isPopular");
        badParameter("/api/models?fuelType=Steam", "fuelType");
        badParameter("/api/models?bodyType=Tank", "bodyType");
        badParameter("/api/variants?transmission=Telepathic", "transmission");
        badParameter("/api/models?brandId=%7B%22$gt%22:%22%22%7D", "brandId");
        badParameter("/api/models?page=0", "page");
    }

    @Test
    void viewsAndAggregatesAreCheckedLikeEveryParameter() {
        badParameter("/api/models?view=compact", "view");
        badParameter("/api/variants?view=cards", "view").body("detail", containsString("card or full"));
        badParameter("/api/brands?view=full&fields=name", "view");
        badParameter("/api/variants/by?ids=v1&view=everything", "view");
        badParameter("/api/variants?fields=startingPrice", "fields"); // aggregates are a model's
        badParameter("/api/variants?sort=startingPrice", "sort");
        badParameter("/api/models?sort=variantCount", "sort");
        badParameter("/api/models?fields=startingPrice,nope", "fields");
        badParameter("/api/models?minPrice=1500000&maxPrice=500000&sort=-startingPrice", "minPrice");
    }

    @Test
    void unknownIdsAndSlugsAre404ProblemJson() {
        for (String url : new String[] {"/api/brands/brand-nope", "/api/brands/nope/formatted", "/api/models/model-nope",
                "/api/variants/variant-nope", "/api/frontend/models/nope", "/api/frontend/brands/nope/models",
                "/api/pages/brand/nope", "/api/pages/model/nope/nope"}) {
            given().get(url).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404)).body("detail", containsString("nope"));
        }
    }

    @Test
    void unknownPathsAndMethodsAreProblemJson() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/brands").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void regexLookingQueriesAreMatchedLiterally() {
        given().get("/api/search?q=.*").then().statusCode(200).body("data.size()", equalTo(0));
        given().get("/api/search?q=(a+)+$").then().statusCode(200).body("data.size()", equalTo(0));
        given().get("/api/search?q=%5B").then().statusCode(200);
    }
}
