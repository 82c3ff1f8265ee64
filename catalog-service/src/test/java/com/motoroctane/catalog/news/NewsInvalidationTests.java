package com.motoroctane.catalog.news;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.news.NewsFields;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Cached news answers follow admin-service's writes: the write is made in MongoDB and the event appended
 * exactly as admin-service appends it; answers that showed the old value show the new one, others stay cached.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class NewsInvalidationTests {

    @Inject
    NewsFixtures fixtures;

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(50);
        }
        assertTrue(condition.get(), what);
    }

    @Test
    void anArticleEditReachesItsDetailAndTheListsButNotOtherArticles() throws Exception {
        String slug = "invalidation-probe";
        String id = "article-" + slug;
        String model = given().get("/api/models?limit=1").jsonPath().getString("data[0].id");
        fixtures.create(fixtures.article(slug, NewsFields.PUBLISHED, Instant.parse("2020-02-01T00:00:00Z"), 1, List.of(model)));
        String other = NewsFixtures.SEEDED.visibleSlugs().get(0);
        try {
            String detail = "/api/news/" + slug;
            String search = "/api/news?search=invalidation-probe";
            // cached once the create event has been applied (a load racing an eviction is served, not cached)
            for (String url : List.of(detail, search, "/api/news/" + other)) {
                await(url + " is cached", () -> "HIT".equals(given().get(url).then().statusCode(200).extract().header("X-Cache")));
            }
            assertEquals("Test article " + slug, given().get(search).jsonPath().getString("articles[0].title"));

            fixtures.collection(NewsFields.ARTICLES).updateOne(new Document("id", id), new Document("$set",
                    new Document("title", "Renamed invalidation-probe")).append("$inc", new Document("version", 1)));
            fixtures.announceArticle("updated", id);

            await("the detail shows the new title",
                    () -> "Renamed invalidation-probe".equals(given().get(detail).jsonPath().getString("title")));
            assertEquals("Renamed invalidation-probe", given().get(search).jsonPath().getString("data[0].title"),
                    "the list (tagged news) shows it too");
            given().get("/api/news/" + other).then().header("X-Cache", "HIT");

            // a linked model's event reaches the article showing its card
            await(detail + " is cached again", () -> "HIT".equals(given().get(detail).header("X-Cache")));
            fixtures.announce("updated", Tags.MODEL, model, List.of(Tags.model(model), Tags.MODELS));
            await("the detail linking the model is evicted",
                    () -> !"HIT".equals(given().get(detail).header("X-Cache")));
        } finally {
            fixtures.delete(id);
        }
        await("a deleted article is gone", () -> given().get("/api/news/" + slug).statusCode() == 404);
    }

    @Test
    void aCategoryRenameReachesEveryAnswerShowingItsName() throws Exception {
        String slug = "taxonomy-probe";
        String id = "article-" + slug;
        String categoryId = "news-category-test-desk";
        fixtures.collection(NewsFields.CATEGORIES).insertOne(new Document("id", categoryId).append("name", "Test Desk")
                .append("slug", "test-desk").append("description", "for a test").append("isFeatured", false)
                .append("createdAt", new java.util.Date()).append("version", 1L));
        fixtures.announce("created", NewsFields.CATEGORY_ENTITY, categoryId, List.of(Tags.NEWS, Tags.NEWS_TAXONOMY));
        fixtures.create(fixtures.article(slug, NewsFields.PUBLISHED, Instant.parse("2020-03-01T00:00:00Z"), 1, List.of())
                .append("categoryId", categoryId));
        try {
            String detail = "/api/news/" + slug;
            String list = "/api/news?category=test-desk";
            await("the new category is listed", () -> given().get("/api/news/categories/list").jsonPath()
                    .getList("data.slug").contains("test-desk"));
            await("its article is listed", () -> given().get(list).jsonPath().getInt("total") == 1);
            await(detail + " is cached", () -> "HIT".equals(given().get(detail).then().statusCode(200).extract().header("X-Cache")));
            assertEquals("Test Desk", given().get(detail).jsonPath().getString("category.name"));

            fixtures.collection(NewsFields.CATEGORIES).updateOne(new Document("id", categoryId),
                    new Document("$set", new Document("name", "Test Newsroom")));
            fixtures.announce("updated", NewsFields.CATEGORY_ENTITY, categoryId, List.of(Tags.NEWS, Tags.NEWS_TAXONOMY));

            await("the article shows the new category name",
                    () -> "Test Newsroom".equals(given().get(detail).jsonPath().getString("category.name")));
            assertEquals("Test Newsroom", given().get(list).jsonPath().getString("data[0].category.name"));
            assertTrue(given().get("/api/news/categories/list").jsonPath().getList("data.name").contains("Test Newsroom"));
        } finally {
            fixtures.delete(id);
            fixtures.collection(NewsFields.CATEGORIES).deleteOne(new Document("id", categoryId));
            fixtures.announce("deleted", NewsFields.CATEGORY_ENTITY, categoryId, List.of(Tags.NEWS, Tags.NEWS_TAXONOMY));
        }
    }
}
