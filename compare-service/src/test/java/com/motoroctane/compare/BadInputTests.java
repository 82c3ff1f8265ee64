package com.motoroctane.compare;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.motoroctane.compare.support.Admin;
import com.motoroctane.compare.support.CompareTestResource;
import com.motoroctane.compare.support.Fixtures;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every malformed request is a 400 and every unknown or inactive car a 404, as problem+json naming the parameter. */
@QuarkusTest
@WithTestResource(value = CompareTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(2)
class BadInputTests {

    static Stream<Arguments> malformed() {
        String longId = "v".repeat(201);
        return Stream.of(
                Arguments.of("/api/compare", "variants"),
                Arguments.of("/api/compare?variants=a", "variants"),
                Arguments.of("/api/compare?variants=", "variants"),
                Arguments.of("/api/compare?variants=a,b,c,d,e", "variants"),
                Arguments.of("/api/compare?variants=a,a", "variants"),
                Arguments.of("/api/compare?variants=a,,b", "variants"),
                Arguments.of("/api/compare?variants=a,b$c", "variants"),
                Arguments.of("/api/compare?variants=a," + longId, "variants"),
                Arguments.of("/api/compare?variants=a,b&variants=c,d", "variants"),
                Arguments.of("/api/compare?variants=a,b&models=c,d", "models"),
                Arguments.of("/api/compare?models=a", "models"),
                Arguments.of("/api/compare?models=a,b,a", "models"),
                Arguments.of("/api/compare?variants=a,b&variant.a=x", "variant.a"),
                Arguments.of("/api/compare?models=a,b&variant.c=x", "variant.c"),
                Arguments.of("/api/compare?models=a,b&variant.a=x!y", "variant.a"),
                Arguments.of("/api/compare?variants=a,b&onlyDifferences=maybe", "onlyDifferences"),
                Arguments.of("/api/compare/just-one", "slug"),
                Arguments.of("/api/compare/a-vs-b", "slug"),
                Arguments.of("/api/compare/Land-X-vs-land-y", "slug"),
                Arguments.of("/api/compare/land-x--y-vs-land-z", "slug"),
                Arguments.of("/api/compare/a-b-vs-c-d-vs-e-f-vs-g-h-vs-i-j", "slug"),
                Arguments.of("/api/compare/a-b-vs-a-b", "slug"),
                Arguments.of("/api/compare/a-b-vs-c-d?onlyDifferences=1", "onlyDifferences"),
                Arguments.of("/api/compare/alternatives", "variant"),
                Arguments.of("/api/compare/alternatives?variant=a&limit=0", "limit"),
                Arguments.of("/api/compare/alternatives?variant=a&limit=21", "limit"),
                Arguments.of("/api/compare/alternatives?variant=a&limit=six", "limit"),
                Arguments.of("/api/compare/alternatives?variant=a%20b", "variant"),
                Arguments.of("/api/comparisons/trending?window=1h", "window"),
                Arguments.of("/api/comparisons/trending?limit=51", "limit"),
                Arguments.of("/api/comparisons/trending?limit=-1", "limit"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedInputIs400NamingTheParameter(String url, String parameter) {
        given().get(url).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @Test
    void unknownOrInactiveCarsAre404NamingWhich() {
        Fixtures f = Fixtures.get();
        String inactive = Admin.variant(f.otherBrand, f.m3, "Retired " + Admin.word(), 950_000,
                Map.of("status", "inactive", "fuelType", "Petrol"));
        notFound("/api/compare?variants=" + f.a + ",variant-nope", "variants", "variant-nope");
        notFound("/api/compare?variants=" + inactive + "," + f.a, "variants", inactive);
        notFound("/api/compare?models=model-nope," + f.m1, "models", "model-nope");
        notFound("/api/compare?models=" + f.m1 + "," + f.m2 + "&variant." + f.m1 + "=variant-nope", "variant." + f.m1, "variant-nope");
        notFound("/api/compare/" + f.longBrandSlug() + "-no-such-car-vs-" + f.longBrandSlug() + "-defender-one", "slug",
                f.longBrandSlug() + "-no-such-car");
        notFound("/api/compare/alternatives?variant=variant-nope", "variant", "variant-nope");
        // a variant of another model picked for a model is a mistake in the request, not an unknown car
        given().get("/api/compare?models=" + f.m1 + "," + f.m2 + "&variant." + f.m1 + "=" + f.b).then().statusCode(400)
                .body("parameter", equalTo("variant." + f.m1));
    }

    private static void notFound(String url, String parameter, String id) {
        given().get(url).then().statusCode(404)
                .contentType("application/problem+json")
                .body("parameter", equalTo(parameter))
                .body("detail", containsString("'" + id + "'"));
    }
}
