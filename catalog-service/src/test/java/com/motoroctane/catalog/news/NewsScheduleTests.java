package com.motoroctane.catalog.news;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.motoroctane.common.news.NewsFields;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A scheduled article appears at its publishDate with no write and no event at that moment. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class NewsScheduleTests {

    @Inject
    NewsFixtures fixtures;

    @Test
    void aScheduledArticleAppearsAtItsPublishDateWithoutAWrite() throws Exception {
        String slug = "scheduled-for-a-few-seconds-ahead";
        String id = "article-" + slug;
        Instant due = Instant.now().plus(5, ChronoUnit.SECONDS);
        // admin-service schedules it: the write and its event happen now, nothing happens at publishDate
        fixtures.create(fixtures.article(slug, NewsFields.SCHEDULED, due, 0, List.of()));
        try {
            // read (and cache) the lists and the detail before the date: an answer received before publishDate
            // was made before it and must not show the article
            int earlyReads = 0;
            while (Instant.now().isBefore(due.minusMillis(300))) {
                boolean listed = given().get("/api/news?limit=50").jsonPath().getList("articles.slug").contains(slug);
                boolean inCategory = given().get("/api/news?limit=3&category=news").jsonPath().getList("data.slug").contains(slug);
                int detail = given().get("/api/news/" + slug).statusCode();
                if (Instant.now().isBefore(due)) {
                    assertFalse(listed || inCategory || detail != 404, "shown before its publishDate");
                    earlyReads++;
                }
                Thread.sleep(100);
            }
            assertTrue(earlyReads > 0, "the lists were read (and cached) before the publishDate");

            // then poll, with a bound, until the cached answers show it
            boolean listed = false;
            boolean inCategory = false;
            int detail = 0;
            for (int i = 0; i < 150 && !(listed && inCategory && detail == 200); i++) {
                listed = given().get("/api/news?limit=50").jsonPath().getList("articles.slug").contains(slug);
                inCategory = given().get("/api/news?limit=3&category=news").jsonPath().getList("data.slug").contains(slug);
                detail = given().get("/api/news/" + slug).statusCode();
                if (!(listed && inCategory && detail == 200)) {
                    Thread.sleep(100);
                }
            }
            assertTrue(listed, "listed once its publishDate has passed");
            assertTrue(inCategory, "listed in its category too");
            assertTrue(detail == 200, "readable once its publishDate has passed");
            assertTrue(Instant.now().isAfter(due), "and not before");
        } finally {
            fixtures.delete(id);
        }
    }
}
