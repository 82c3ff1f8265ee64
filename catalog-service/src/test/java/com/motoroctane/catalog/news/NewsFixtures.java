package com.motoroctane.catalog.news;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.common.news.NewsFields;
import com.motoroctane.devstack.seed.CatalogGenerator;
import com.motoroctane.devstack.seed.NewsDesk;

import io.quarkus.redis.datasource.RedisDataSource;

/**
 * What the news tests do in admin-service's place: write an article or category straight into MongoDB and
 * append the event admin-service appends for that write ({@code article:<id>} + {@code news}; for a category,
 * tag or author {@code news} + {@code news-taxonomy}). Test articles get their own ids and slugs and are
 * removed again, so the seeded section the other tests compare against stays as seeded.
 */
@ApplicationScoped
public class NewsFixtures {

    /** The seeded news section, as the devstack wrote it. */
    public static final NewsDesk.News SEEDED = CatalogGenerator.standard().news();

    private final MongoClient mongo;
    private final RedisDataSource redis;
    private final ObjectMapper json;

    public NewsFixtures(MongoClient mongo, RedisDataSource redis, ObjectMapper json) {
        this.mongo = mongo;
        this.redis = redis;
        this.json = json;
    }

    public MongoCollection<Document> collection(String name) {
        return mongo.getDatabase("motoroctane").getCollection(name);
    }

    /** A published-or-scheduled article in the seeded "News" category, linking the given models. */
    public Document article(String slug, String status, Instant publishDate, long views, List<String> linkedCars) {
        return new Document("id", "article-" + slug).append("title", "Test article " + slug).append("slug", slug)
                .append("excerpt", "Written by a test").append("contentBlocks",
                        List.of(new Document("id", "block-0").append("type", "paragraph").append("content", "<p>Test</p>")))
                .append("categoryId", "news-category-news").append("tags", List.of("news-tag-suv"))
                .append("authorId", "news-author-arjun-mehta").append("linkedCars", linkedCars)
                .append("featuredImage", "/uploads/news/" + slug + ".webp").append("status", status)
                .append("publishDate", Date.from(publishDate)).append("views", views).append("likes", 0L)
                .append("comments", 0L).append("isFeatured", false).append("isBreaking", false)
                .append("createdAt", Date.from(publishDate)).append("updatedAt", Date.from(publishDate))
                .append("version", 1L);
    }

    /** Inserts the article and announces it as admin-service does after a create. */
    public void create(Document article) {
        collection(NewsFields.ARTICLES).insertOne(article);
        announceArticle("created", article.getString("id"));
    }

    public void delete(String articleId) {
        collection(NewsFields.ARTICLES).deleteOne(new Document("id", articleId));
        collection(ArticleViews.COLLECTION).deleteOne(new Document("_id", articleId));
        announceArticle("deleted", articleId);
    }

    public void announceArticle(String type, String articleId) {
        announce(type, NewsFields.ARTICLE_ENTITY, articleId, List.of(Tags.article(articleId), Tags.NEWS));
    }

    public void announce(String type, String entity, String id, List<String> tags) {
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), type, entity, List.of(id),
                List.of(), List.of(), tags, 2, Instant.now());
        try {
            redis.stream(String.class).xadd(InvalidationEvent.STREAM,
                    Map.of(InvalidationEvent.STREAM_FIELD, json.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
