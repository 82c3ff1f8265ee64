package com.motoroctane.catalog.news;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.motoroctane.common.news.NewsFields;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The public news reads against the seeded section: lists, filters, paging, details, the small lists, bad input. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class NewsReadTests {

    private static final List<String> VISIBLE = NewsFixtures.SEEDED.visibleSlugs();

    private static Document seeded(String slug) {
        return NewsFixtures.SEEDED.articles().stream().filter(a -> slug.equals(a.getString("slug"))).findFirst().orElseThrow();
    }

    @Test
    void theDefaultListIsTheTenNewestVisibleArticlesAsCardsInBothEnvelopes() {
        JsonPath body = given().get("/api/news").then().statusCode(200)
                .header("Surrogate-Key", containsString("news"))
                .header("Surrogate-Key", containsString("news-taxonomy"))
                .extract().jsonPath();
        assertEquals(VISIBLE.subList(0, 10), body.getList("data.slug"));
        assertEquals(body.getList("data"), body.getList("articles"), "the previous key holds the same items");
        assertEquals(VISIBLE.size(), body.getLong("pagination.total"));
        assertEquals(body.getLong("pagination.total"), body.getLong("total"));
        assertEquals(1, body.getInt("page"));
        assertEquals(1, body.getInt("pagination.page"));
        assertEquals(10, body.getInt("pagination.limit"));
        assertEquals((VISIBLE.size() + 9) / 10, body.getInt("totalPages"));
        assertEquals(body.getInt("pagination.pages"), body.getInt("totalPages"));
        assertNotNull(body.getString("pagination.next"));
        List<Map<String, Object>> cards = body.getList("data");
        for (Map<String, Object> card : cards) {
            assertFalse(card.containsKey("contentBlocks"), "a card has no content blocks");
            assertTrue(((String) card.get("publishDate")).endsWith("Z"), "dates are ISO-8601 instants");
            assertNotNull(card.get("category"));
            assertNotNull(card.get("author"));
        }
        // the scheduled article whose date has come is listed like a published one; drafts and the future one are not
        String due = NewsFixtures.SEEDED.articles().stream().filter(a -> NewsFields.SCHEDULED.equals(a.getString("status"))
                && VISIBLE.contains(a.getString("slug"))).findFirst().orElseThrow().getString("slug");
        List<String> all = given().get("/api/news?limit=50").jsonPath().getList("articles.slug");
        assertEquals(VISIBLE, all);
        assertTrue(all.contains(due));
        NewsFixtures.SEEDED.articles().stream().filter(a -> !VISIBLE.contains(a.getString("slug")))
                .forEach(hidden -> assertFalse(all.contains(hidden.getString("slug")), hidden.getString("slug")));
    }

    @Test
    void pagesAndCursorsWalkTheSameOrderAndBothEnvelopesAgree() {
        JsonPath page2 = given().get("/api/news?limit=5&page=2").then().statusCode(200).extract().jsonPath();
        assertEquals(VISIBLE.subList(5, 10), page2.getList("data.slug"));
        assertEquals(2, page2.getInt("page"));
        assertEquals(2, page2.getInt("pagination.page"));
        assertEquals(page2.getLong("total"), page2.getLong("pagination.total"));

        List<String> walked = new ArrayList<>();
        String url = "/api/news?limit=7";
        int pages = 0;
        while (url != null && pages++ < 20) {
            JsonPath page = given().get(url).then().statusCode(200).extract().jsonPath();
            assertEquals(pages, page.getInt("page"));
            walked.addAll(page.getList("articles.slug"));
            String next = page.getString("pagination.next");
            url = next == null ? null : "/api/news?limit=7&cursor=" + next;
        }
        assertEquals(VISIBLE, walked, "following pagination.next visits every visible article once, in order");

        JsonPath last = given().get("/api/news?limit=7&page=" + ((VISIBLE.size() + 6) / 7)).jsonPath();
        assertEquals(null, last.getString("pagination.next"));
        assertEquals(0, given().get("/api/news?limit=7&page=99").jsonPath().getList("data").size());
    }

    @ParameterizedTest
    @CsvSource({"reviews", "news-category-reviews"})
    void categoryFiltersBySlugOrId(String category) {
        long expected = NewsFixtures.SEEDED.articles().stream().filter(a -> VISIBLE.contains(a.getString("slug"))
                && "news-category-reviews".equals(a.getString("categoryId"))).count();
        given().get("/api/news?limit=50&category=" + category).then().statusCode(200)
                .body("total", equalTo((int) expected))
                .body("pagination.total", equalTo((int) expected))
                .body("data.category.slug", everyItem(equalTo("reviews")));
        assertTrue(expected >= 5);
    }

    @ParameterizedTest
    @CsvSource({"electric", "news-tag-electric"})
    void tagFiltersBySlugOrId(String tag) {
        long expected = NewsFixtures.SEEDED.articles().stream().filter(a -> VISIBLE.contains(a.getString("slug"))
                && a.getList("tags", String.class).contains("news-tag-electric")).count();
        JsonPath body = given().get("/api/news?limit=50&tag=" + tag).then().statusCode(200).extract().jsonPath();
        assertEquals(expected, body.getLong("total"));
        for (List<String> tags : body.<List<String>>getList("data.tags")) {
            assertTrue(tags.contains("news-tag-electric"), tags.toString());
        }
        assertTrue(expected >= 5);
    }

    @Test
    void searchMatchesTitleOrExcerptLiterallyWithoutCase() {
        long expected = NewsFixtures.SEEDED.articles().stream().filter(a -> VISIBLE.contains(a.getString("slug"))
                && (a.getString("title") + " " + a.getString("excerpt")).toLowerCase(Locale.ROOT).contains("creta")).count();
        JsonPath body = given().get("/api/news?limit=50&search=CrEtA").then().statusCode(200).extract().jsonPath();
        assertEquals(expected, body.getLong("total"));
        assertTrue(expected >= 3);
        List<Map<String, Object>> cards = body.getList("data");
        for (Map<String, Object> card : cards) {
            assertTrue((card.get("title") + " " + card.get("excerpt")).toLowerCase(Locale.ROOT).contains("creta"));
        }
        // regex characters are text, not a pattern
        given().get("/api/news?search=.*").then().statusCode(200).body("total", equalTo(0));
        // filters combine
        given().get("/api/news?search=creta&category=comparisons").then().statusCode(200)
                .body("data.category.slug", everyItem(equalTo("comparisons")));
    }

    @Test
    void anUnknownCategoryOrTagListsNothing() {
        given().get("/api/news?category=no-such-category").then().statusCode(200)
                .body("total", equalTo(0)).body("data.size()", equalTo(0)).body("pagination.pages", equalTo(0));
        given().get("/api/news?tag=no-such-tag").then().statusCode(200).body("articles.size()", equalTo(0));
    }

    @Test
    void anArticleIsWholeWithItsCategoryTagsAuthorAndLinkedModelCards() {
        Document seeded = seeded(VISIBLE.get(3));
        String slug = seeded.getString("slug");
        String id = seeded.getString("id");
        List<String> linked = seeded.getList("linkedCars", String.class);
        assertTrue(linked.size() >= 2, "the seeded comparison links two models");
        JsonPath body = given().get("/api/news/" + slug).then().statusCode(200)
                .header("Surrogate-Key", containsString("article:" + id))
                .header("Surrogate-Key", containsString("news-taxonomy"))
                .header("Surrogate-Key", containsString("model:" + linked.get(0)))
                .body("author", not(hasKey("email")))
                .extract().jsonPath();
        assertEquals(id, body.getString("id"));
        assertEquals(seeded.getList("contentBlocks", Document.class).size(), body.getList("contentBlocks").size());
        assertEquals(seeded.getString("categoryId"), body.getString("category.id"));
        assertEquals("Comparisons", body.getString("category.name"));
        assertEquals(seeded.getString("authorId"), body.getString("author.id"));
        assertEquals(seeded.getList("tags", String.class), body.getList("tagDetails.id"));
        assertEquals(linked, body.getList("linkedCars"), "the stored ids stay");
        assertEquals(linked, body.getList("linkedCarDetails.id"));
        for (int i = 0; i < linked.size(); i++) {
            JsonPath model = given().get("/api/models/" + linked.get(i)).jsonPath();
            JsonPath brand = given().get("/api/brands/" + model.getString("brandId")).jsonPath();
            Map<String, Object> card = body.getMap("linkedCarDetails[" + i + "]");
            assertEquals(Map.of("id", linked.get(i), "name", model.getString("name"), "slug", model.getString("slug"),
                    "brandName", brand.getString("name"), "brandSlug", brand.getString("slug"),
                    "heroImage", model.getString("heroImage")), card);
        }
        assertTrue(body.getString("publishDate").endsWith("Z"));
        assertEquals(seeded.getString("seoTitle"), body.getString("seoTitle"));
    }

    @Test
    void draftsFutureScheduledAndUnknownSlugsAre404ProblemJson() {
        NewsFixtures.SEEDED.articles().stream().filter(a -> !VISIBLE.contains(a.getString("slug"))).forEach(hidden ->
                given().get("/api/news/" + hidden.getString("slug")).then().statusCode(404)
                        .contentType("application/problem+json")
                        .body("status", equalTo(404))
                        .body("detail", containsString(hidden.getString("slug"))));
        given().get("/api/news/no-such-article").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theListPathsDoNotCollideWithArticleSlugs() {
        given().get("/api/news/featured/list").then().statusCode(200).body("data.isFeatured", everyItem(equalTo(true)));
        // one segment is a slug: no article is called "featured"
        given().get("/api/news/featured").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void featuredIsTheNewestFiveFeaturedArticles() {
        List<String> expected = VISIBLE.stream().filter(s -> seeded(s).getBoolean("isFeatured")).limit(5).toList();
        JsonPath body = given().get("/api/news/featured/list").then().statusCode(200)
                .header("Surrogate-Key", containsString("news")).extract().jsonPath();
        assertEquals(expected, body.getList("data.slug"));
        assertEquals(5, expected.size());
        assertEquals(5, body.getInt("pagination.total"));
    }

    @Test
    void trendingIsTheTenMostReadInDescendingViews() {
        JsonPath body = given().get("/api/news/trending/list").then().statusCode(200).extract().jsonPath();
        List<Number> views = body.getList("data.views");
        assertEquals(10, views.size());
        for (int i = 1; i < views.size(); i++) {
            assertTrue(views.get(i - 1).longValue() >= views.get(i).longValue(), views.toString());
        }
        long mostSeeded = NewsFixtures.SEEDED.articles().stream().filter(a -> VISIBLE.contains(a.getString("slug")))
                .mapToLong(a -> a.getLong("views")).max().orElseThrow();
        assertTrue(views.get(0).longValue() >= mostSeeded);
        body.getList("data", Map.class).forEach(card -> assertFalse(card.containsKey("contentBlocks")));
    }

    @Test
    void categoriesAndTagsAreListedByName() {
        given().get("/api/news/categories/list").then().statusCode(200)
                .header("Surrogate-Key", containsString("news-taxonomy"))
                .body("data.name", equalTo(List.of("Comparisons", "EV", "Launches", "News", "Reviews")))
                .body("data[0].slug", equalTo("comparisons"))
                .body("pagination.total", equalTo(5));
        JsonPath tags = given().get("/api/news/tags/list").then().statusCode(200).extract().jsonPath();
        List<String> names = tags.getList("data.name");
        assertEquals(NewsFixtures.SEEDED.tags().size(), names.size());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        assertNotNull(tags.getString("data[0].type"));
    }

    @ParameterizedTest
    @CsvSource({"limit=abc,limit", "limit=0,limit", "limit=51,limit", "page=0,page", "page=-3,page", "page=x,page",
                "category=a%20b,category", "tag=%3Cscript%3E,tag", "cursor=not-a-cursor,cursor"})
    void badInputIs400ProblemJsonNamingTheParameter(String query, String parameter) {
        given().get("/api/news?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @Test
    void anOverlongSearchIs400() {
        given().get("/api/news?search=" + "a".repeat(101)).then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("search"));
        given().get("/api/news?search=" + "a".repeat(100)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aCursorFromAnotherFilterIsRefused() {
        String next = given().get("/api/news?limit=3").jsonPath().getString("pagination.next");
        given().get("/api/news?limit=3&category=reviews&cursor=" + next).then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("cursor"));
        given().get("/api/news?limit=3&cursor=" + next).then().statusCode(200).body("page", equalTo(2))
                .body("pagination.next", not(nullValue()));
    }
}
