package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Cache tags stay small enough for every proxy and CDN on the way (the gateway's client takes 8 KB of
 * headers, Fastly and Cloudflare 16 KB), and coarse tags still evict every page an event touches.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SurrogateKeyTests {

    static final int SURROGATE_KEY_BUDGET = 2048;
    static final int PROXY_HEADER_LIMIT = 8192;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    static Stream<String> largestResponses() {
        return Stream.of("/api/variants?limit=100", "/api/variants?limit=100&sort=name", "/api/variants?limit=100&page=7",
                "/api/variants?limit=100&sort=-price", "/api/variants?limit=100&fuelType=Diesel",
                "/api/models?limit=100", "/api/models?limit=100&sort=price", "/api/models?limit=100&sort=popularRank",
                "/api/brands?limit=100", "/api/search?q=a&limit=50", "/api/search?q=e&limit=50", "BATCH", "MODEL_PAGE",
                "BRAND_PAGE", "BRAND_CARDS");
    }

    @ParameterizedTest
    @MethodSource("largestResponses")
    void tagsAndHeadersStayWithinWhatProxiesAccept(String which) {
        String url = resolve(which);
        Response response = given().get(url).then().statusCode(200).extract().response();
        String keys = response.header("Surrogate-Key");
        int headerBytes = response.headers().asList().stream()
                .mapToInt(h -> h.getName().length() + h.getValue().getBytes(StandardCharsets.UTF_8).length + 4).sum();
        assertTrue(keys.getBytes(StandardCharsets.UTF_8).length <= SURROGATE_KEY_BUDGET,
                url + " Surrogate-Key is " + keys.length() + " bytes");
        assertTrue(headerBytes < PROXY_HEADER_LIMIT, url + " headers are " + headerBytes + " bytes");
        assertTrue(keys.contains("brand:") || keys.contains("brand-own:"), url + " is tagged by the brands it shows: " + keys);
        if (!which.endsWith("_PAGE") && !which.equals("BRAND_CARDS")) {
            assertFalse(keys.contains("variant:"), url + " lists are tagged coarsely, never per variant: " + keys);
        }
    }

    @Test
    void aVariantUpdateEvictsTheListPagesShowingItAndOnlyThose() throws Exception {
        String page = "/api/variants?limit=100&fuelType=Petrol&sort=-price";
        JsonPath first = given().get(page).then().statusCode(200).extract().jsonPath();
        Map<String, Object> variant = first.getMap("data[37]");
        String brandId = (String) variant.get("brandId");
        String unrelatedBrand = given().get("/api/brands?limit=100").jsonPath().getList("data.id", String.class).stream()
                .filter(b -> !first.getList("data.brandId").contains(b)).findFirst().orElseThrow();
        String unrelated = "/api/variants?limit=100&brandId=" + unrelatedBrand;
        given().get(unrelated).then().statusCode(200);
        for (String url : List.of(page, unrelated)) {
            given().get(url).then().header("X-Cache", "HIT");
        }
        String pageKey = awaitL2Key("fuelType=Petrol", "sort=-price", "limit=100");
        String unrelatedKey = awaitL2Key("brandId=" + unrelatedBrand, "limit=100");

        // as admin-service announces a variant update: the variant, its brand and model, and a list name
        List<String> keys = List.of("variant:" + variant.get("id"), "brand:" + brandId, "model:" + variant.get("modelId"), "search");
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "updated", "variant",
                List.of((String) variant.get("id")), List.of(brandId), List.of((String) variant.get("modelId")), keys, 5, Instant.now());
        redis.stream(String.class).xadd(InvalidationEvent.STREAM, Map.of(InvalidationEvent.STREAM_FIELD, json.writeValueAsString(event)));

        boolean evicted = false;
        for (int i = 0; i < 100 && !evicted; i++) {
            Thread.sleep(50);
            evicted = !redis.key().exists(pageKey);
        }
        assertTrue(evicted, "the page was evicted from L2");
        given().get(page).then().statusCode(200).header("X-Cache", "MISS"); // and from L1
        given().get(unrelated).then().header("X-Cache", "HIT");
        assertTrue(redis.key().exists(unrelatedKey), "an unrelated brand's list stays in L2");
    }

    private String awaitL2Key(String... parts) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            Set<String> found = redis.key().keys("catalog:variants:*").stream()
                    .filter(k -> Stream.of(parts).allMatch(k::contains) && k.endsWith("page=1")).collect(Collectors.toSet());
            if (found.size() == 1) {
                return found.iterator().next();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no single L2 entry for " + List.of(parts));
    }

    private static String resolve(String which) {
        switch (which) {
            case "BATCH": {
                List<String> ids = given().get("/api/variants?limit=50&sort=name").jsonPath().getList("data.id", String.class);
                return "/api/variants/by?ids=" + String.join(",", ids);
            }
            case "MODEL_PAGE": {
                JsonPath m = given().get("/api/models?isPopular=true&sort=popularRank&limit=1").jsonPath();
                String brandSlug = given().get("/api/brands/" + m.getString("data[0].brandId")).jsonPath().getString("slug");
                return "/api/pages/model/" + brandSlug + "/" + m.getString("data[0].slug");
            }
            case "BRAND_PAGE":
                return "/api/pages/brand/" + given().get("/api/brands?limit=1").jsonPath().getString("data[0].slug");
            case "BRAND_CARDS":
                return "/api/frontend/brands/" + given().get("/api/brands?limit=1").jsonPath().getString("data[0].id") + "/models";
            default:
                return which;
        }
    }
}
