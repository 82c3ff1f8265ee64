package com.motoroctane.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.model.Filters;
import com.motoroctane.admin.support.CatalogTest;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Names and URLs (issue 7 item 9): one rule each, for single writes, bulk and import alike. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class UrlAndNameRulesTests extends CatalogTest {

    private static String brandId;
    private static String modelId;

    private static synchronized void parents() {
        if (brandId == null) {
            brandId = as("admin").body(Map.of("name", unique("Url"))).post("/api/brands").then().statusCode(201).extract().path("id");
            modelId = as("admin").body(Map.of("name", unique("Url"), "brandId", brandId)).post("/api/models").then()
                    .statusCode(201).extract().path("id");
        }
    }

    static final List<String> BAD_URLS = List.of(
            "//evil.example/x.png", "/\\evil.example/x.png", "\\\\evil.example\\x.png", "/uploads\\..\\x.png",
            "javascript:alert(1)", "JavaScript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "vbscript:x",
            "ftp://example.com/x.png", "https://", "https:/example.com/x.png", "https://evil.example@cdn.example/x.png",
            "https://cdn.example/x y.png", " /uploads/x.png", "/uploads/x.png ", "/uploads/x.png\n", "/uploads/\tx.png",
            "/uploads/x\u0000.png", "/uploads/x\u00a0.png", "/uploads/x\u2028.png", "uploads/x.png", "x.png", "",
            "/uploads/x.png\"onerror=\"alert(1)");

    static final List<String> GOOD_URLS = List.of(
            "/uploads/brands/x.webp", "/", "https://cdn.motoroctane.com/a/b.png?w=200#top", "http://localhost:8084/uploads/x.png",
            "HTTPS://CDN.EXAMPLE.COM/X.PNG");

    /** Every URL field, as the request that sets it: where it is sent and the parameter a refusal names. */
    record Target(String path, String parameter, java.util.function.Function<String, Map<String, Object>> body) {
        @Override
        public String toString() {
            return parameter;
        }
    }

    static List<Target> targets() {
        List<Target> t = new ArrayList<>();
        t.add(new Target("/api/brands", "logo", url -> body("name", unique("Url"), "logo", url)));
        for (String f : List.of("heroImage", "brochureUrl")) {
            t.add(new Target("/api/models", f, url -> body("name", unique("Url"), "brandId", brandId, f, url)));
        }
        for (String f : List.of("galleryImages", "keyFeatureImages", "spaceComfortImages", "storageConvenienceImages", "colorImages")) {
            t.add(new Target("/api/models", f + "[0].url", url -> body("name", unique("Url"), "brandId", brandId,
                    f, List.of(Map.of("url", url, "caption", "c")))));
        }
        t.add(new Target("/api/variants", "highlightImages[0].url", url -> body("name", unique("Url"), "brandId", brandId,
                "modelId", modelId, "price", 500000, "highlightImages", List.of(Map.of("url", url)))));
        return t;
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> badUrlsEverywhere() {
        return targets().stream().flatMap(t -> BAD_URLS.stream().map(u -> Arguments.of(t, u)));
    }

    static Stream<Arguments> goodUrlsEverywhere() {
        return targets().stream().flatMap(t -> GOOD_URLS.stream().map(u -> Arguments.of(t, u)));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource("badUrlsEverywhere")
    void aUrlFieldRefusesAnythingButHttpOrASiteRelativePath(Target target, String url) {
        parents();
        as("editor").body(target.body().apply(url)).post(target.path()).then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo(target.parameter()));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource("goodUrlsEverywhere")
    void aUrlFieldTakesHttpAndSiteRelativePaths(Target target, String url) {
        parents();
        as("editor").body(target.body().apply(url)).post(target.path()).then().statusCode(201);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "   ", "\t", "\u00a0", "<b></b>", "<script></script>", "***", "---", "!!", "\u200b",
        "मारुति", "&&"})
    void aNameWithoutALetterOrDigitIsRefused(String name) {
        parents();
        long brands = db().getCollection("brands").countDocuments();
        as("editor").body(Map.of("name", name)).post("/api/brands").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("name"));
        as("editor").body(Map.of("name", name, "brandId", brandId)).post("/api/models").then().statusCode(400)
                .body("parameter", equalTo("name"));
        as("editor").body(Map.of("name", name, "brandId", brandId, "modelId", modelId, "price", 500000))
                .post("/api/variants").then().statusCode(400).body("parameter", equalTo("name"));
        as("editor").body(Map.of("name", name)).patch("/api/brands/" + brandId).then().statusCode(400)
                .body("parameter", equalTo("name"));
        assertEquals(brands, db().getCollection("brands").countDocuments());
        assertEquals(0, db().getCollection("brands")
                .countDocuments(Filters.eq("id", "brand-")));
    }

    @Test
    void bulkRowsGoThroughTheSameRules() {
        String name = unique("Url");
        as("admin").body(List.of(Map.of("name", name), Map.of("name", unique("Url"), "logo", "//evil.example/x.png"),
                Map.of("name", "  "))).post("/api/bulk/brands").then().statusCode(400)
                .body("errors.field", equalTo(List.of("logo", "name"))).body("errors.index", equalTo(List.of(1, 2)));
        assertEquals(0, db().getCollection("brands")
                .countDocuments(Filters.eq("name", name)));
    }
}
