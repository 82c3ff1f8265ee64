package com.motoroctane.catalog.news;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.news.NewsFields;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reads are counted in Redis, not MongoDB, and reach {@code articleViews} in one batch per flush. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class NewsViewTests {

    @Inject
    NewsFixtures fixtures;

    @Inject
    ArticleViews views;

    @Inject
    RedisDataSource redis;

    @Test
    void nReadsAddNViewsAfterAFlushAndNoneWriteMongoDb() throws Exception {
        String slug = "counted-article";
        String id = "article-" + slug;
        long stored = 20_000_000L; // above every seeded article, so it tops the trending list once read
        fixtures.create(fixtures.article(slug, NewsFields.PUBLISHED, Instant.parse("2020-01-01T00:00:00Z"), stored, List.of()));
        try {
            views.flush(); // whatever other tests counted
            int reads = 7;
            for (int i = 0; i < reads; i++) {
                // no shared cache may hold an article (each delivery is a view), only the reader's browser
                given().get("/api/news/" + slug).then().statusCode(200).header("Cache-Control", "private, no-cache");
            }
            given().header("If-None-Match", given().get("/api/news/" + slug).header("ETag"))
                    .get("/api/news/" + slug).then().statusCode(304);
            int counted = reads + 2; // the ETag read and the conditional read are reads too

            // the count is in Redis (HINCRBY is not awaited by the answer, so wait for it with a bound)
            Long pending = null;
            for (int i = 0; i < 50 && (pending == null || pending < counted); i++) {
                pending = redis.hash(Long.class).hget(ArticleViews.PENDING, id);
                if (pending == null || pending < counted) {
                    Thread.sleep(20);
                }
            }
            assertEquals(counted, pending);
            // and MongoDB has not been written: neither the article nor articleViews
            Document article = fixtures.collection(NewsFields.ARTICLES).find(new Document("id", id)).first();
            assertEquals(stored, article.getLong("views"));
            assertNull(fixtures.collection(ArticleViews.COLLECTION).find(new Document("_id", id)).first());

            long written = views.flush();
            assertEquals(counted, written);
            Document flushed = fixtures.collection(ArticleViews.COLLECTION).find(new Document("_id", id)).first();
            assertEquals(counted, ((Number) flushed.get("views")).longValue());
            assertNull(redis.hash(Long.class).hget(ArticleViews.PENDING, id), "the batch left Redis");
            assertEquals(stored, fixtures.collection(NewsFields.ARTICLES).find(new Document("id", id)).first().getLong("views"),
                    "catalog-service never writes admin-service's articles");

            // a second flush adds, it does not replace
            given().get("/api/news/" + slug).then().statusCode(200);
            for (int i = 0; i < 50 && redis.hash(Long.class).hget(ArticleViews.PENDING, id) == null; i++) {
                Thread.sleep(20);
            }
            views.flush();
            assertEquals(counted + 1L, ((Number) fixtures.collection(ArticleViews.COLLECTION)
                    .find(new Document("_id", id)).first().get("views")).longValue());

            // readers show stored + flushed once the cached answers go (an article event here)
            fixtures.announceArticle("updated", id);
            long shown = 0;
            for (int i = 0; i < 100 && shown != stored + counted + 1; i++) {
                shown = given().get("/api/news/trending/list").jsonPath().getLong("data[0].views");
                if (shown != stored + counted + 1) {
                    Thread.sleep(50);
                }
            }
            assertEquals(stored + counted + 1, shown);
            assertEquals(id, given().get("/api/news/trending/list").jsonPath().getString("data[0].id"));
            assertEquals(stored + counted + 1, given().get("/api/news/" + slug).jsonPath().getLong("views"));
        } finally {
            fixtures.delete(id);
            views.flush();
            fixtures.collection(ArticleViews.COLLECTION).deleteOne(new Document("_id", id));
        }
    }

    @Test
    void aMissingArticleIsNotCounted() throws Exception {
        views.flush();
        given().get("/api/news/never-written").then().statusCode(404);
        Thread.sleep(100);
        assertNull(redis.hash(Long.class).hget(ArticleViews.PENDING, "article-never-written"));
        assertEquals(0, views.flush());
    }
}
