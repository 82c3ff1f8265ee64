package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pins the /api/frontend/* responses to the shapes previous-system.md documents, as written down in
 * src/test/resources/contracts/*.json: every documented field present, with its JSON type and pattern,
 * and the numeric twins beside the display strings. Runs on the seeded catalogue through the real endpoints.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class FrontendContractTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void brandModelsMatchThePreviousShape() {
        JsonNode contract = contract("frontend-brand-models.json");
        List<String> brandIds = given().get("/api/brands?limit=5").jsonPath().getList("data.id", String.class);
        assertTrue(brandIds.size() >= 2, "seeded brands");
        for (String brandId : brandIds) {
            JsonNode body = get("/api/frontend/brands/" + brandId + "/models");
            List<String> problems = new ArrayList<>();
            check(contract.get("shape"), body, "$", problems);
            assertTrue(problems.isEmpty(), "brand " + brandId + ": " + problems);
            for (JsonNode card : body.get("models")) {
                twinsAgree(card, "model card " + card.get("id"));
                assertEquals(card.get("variants").asInt(),
                        given().get("/api/variants?limit=1&modelId=" + card.get("id").asText()).jsonPath().getInt("pagination.total"),
                        "variant count of " + card.get("id"));
            }
        }
    }

    @Test
    void modelBySlugMatchesThePreviousShape() {
        JsonNode contract = contract("frontend-model.json");
        List<String> slugs = given().get("/api/models?limit=8&fields=slug").jsonPath().getList("data.slug", String.class);
        assertTrue(slugs.size() >= 2, "seeded models");
        for (String slug : slugs) {
            JsonNode body = get("/api/frontend/models/" + slug);
            List<String> problems = new ArrayList<>();
            check(contract.get("shape"), body, "$", problems);
            assertTrue(problems.isEmpty(), "model " + slug + ": " + problems);
            twinsAgree(body, "model " + slug);
        }
    }

    @Test
    void theCheckerRejectsAMissingFieldAWrongTypeAndABrokenPattern() throws IOException {
        // the checker itself can fail: the shape the old endpoint returned is refused
        JsonNode contract = contract("frontend-brand-models.json").get("shape").get("fields").get("models").get("items");
        JsonNode old = MAPPER.readTree("{\"id\":\"m\",\"name\":\"M\",\"price\":492000,\"rating\":null,\"reviews\":0,"
                + "\"power\":\"89 bhp\",\"image\":\"/x.jpg\",\"isNew\":false,\"seating\":5,\"fuelType\":\"Petrol\","
                + "\"transmission\":\"Manual\",\"mileage\":\"18 kmpl\",\"variants\":3,\"slug\":\"m\"}");
        List<String> problems = new ArrayList<>();
        check(contract, old, "$", problems);
        String all = String.join("\n", problems);
        for (String expected : List.of("$.price", "$.rating", "$.seating", "$.brandName", "$.seatingCapacity", "$.startingPrice")) {
            assertTrue(all.contains(expected), expected + " is reported in " + problems);
        }
    }

    /** The numbers beside the strings say the same thing. */
    private static void twinsAgree(JsonNode item, String what) {
        String seating = item.get("seating").asText();
        assertEquals(item.get("seatingCapacity").asInt() + " seater", seating, what + ": seating and seatingCapacity");
        BigDecimal lakh = BigDecimal.valueOf(item.get("startingPrice").asLong()).divide(BigDecimal.valueOf(100_000), 2, RoundingMode.HALF_UP);
        assertEquals("₹" + lakh.toPlainString(), item.get("price").asText(), what + ": price and startingPrice");
        assertTrue(item.get("maxPrice").asLong() >= item.get("startingPrice").asLong(), what + ": maxPrice >= startingPrice");
        for (String field : List.of("power", "mileage")) {
            if (item.has(field + "Value")) {
                assertTrue(item.get(field).asText().startsWith(item.get(field + "Value").asText().replaceAll("\\.0$", "")),
                        what + ": " + field + " '" + item.get(field).asText() + "' and " + field + "Value " + item.get(field + "Value"));
            }
        }
    }

    /** Checks {@code value} against a fixture spec: a type name, or {type, pattern, fields, items, minItems}. */
    static void check(JsonNode spec, JsonNode value, String path, List<String> problems) {
        String type = spec.isTextual() ? spec.asText() : spec.get("type").asText();
        if (value == null || value.isMissingNode()) {
            problems.add(path + " is missing (documented as " + type + ")");
            return;
        }
        boolean typed = switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> throw new IllegalArgumentException("unknown type in fixture: " + type);
        };
        if (!typed) {
            problems.add(path + " is " + value.getNodeType() + " " + value + ", documented as " + type);
            return;
        }
        if (spec.isTextual()) {
            return;
        }
        if (spec.has("pattern") && !Pattern.compile(spec.get("pattern").asText()).matcher(value.asText()).matches()) {
            problems.add(path + " '" + value.asText() + "' does not match " + spec.get("pattern").asText());
        }
        if (spec.has("fields")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("fields").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                check(field.getValue(), value.path(field.getKey()), path + "." + field.getKey(), problems);
            }
        }
        if (spec.has("minItems") && value.size() < spec.get("minItems").asInt()) {
            problems.add(path + " has " + value.size() + " items, at least " + spec.get("minItems").asInt() + " expected on seeded data");
        }
        if (spec.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(spec.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static JsonNode get(String url) {
        String body = given().get(url).then().statusCode(200).extract().asString();
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return fail(url + " did not answer JSON: " + body);
        }
    }

    private static JsonNode contract(String name) {
        try (InputStream in = FrontendContractTests.class.getResourceAsStream("/contracts/" + name)) {
            assertTrue(in != null, "fixture " + name);
            return MAPPER.readTree(in);
        } catch (IOException e) {
            return fail("fixture " + name + " unreadable: " + e);
        }
    }
}
