package com.motoroctane.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.admin.support.CatalogTest;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The indexes admin-service's start creates (one createIndexes per collection), read back from the database. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class StartupIndexTests extends CatalogTest {

    /** Index key patterns (as MongoDB names them: field_1 / field_-1 joined by '_') of a collection, with uniqueness. */
    private Map<String, Boolean> indexes(String collection) {
        return db().getCollection(collection).listIndexes().into(new java.util.ArrayList<>()).stream()
                .collect(Collectors.toMap(i -> i.getString("name"), i -> Boolean.TRUE.equals(i.get("unique"))));
    }

    @Test
    void everyCollectionHasTheIndexesItsWritesAndLookupsNeed() {
        for (String collection : Set.of("brands", "models", "variants", "popularcomparisons", "articles", "newsCategories",
                "newsTags", "newsAuthors")) {
            assertEquals(Boolean.TRUE, indexes(collection).get("id_1"), collection + ": a unique id");
        }
        assertTrue(indexes("models").containsKey("brandId_1_status_1"));
        assertTrue(indexes("variants").containsKey("modelId_1_brandId_1_status_1"));
        assertTrue(indexes("popularcomparisons").containsKey("model1Id_1_model2Id_1"));
        for (String news : Set.of("articles", "newsCategories", "newsTags", "newsAuthors")) {
            assertEquals(Boolean.TRUE, indexes(news).get("slug_1"), news + ": a unique slug");
        }
        Map<String, Boolean> articles = indexes("articles");
        for (String name : Set.of("status_1_publishDate_-1", "categoryId_1_status_1_publishDate_-1",
                "tags_1_status_1_publishDate_-1", "isFeatured_1_status_1_publishDate_-1", "authorId_1")) {
            assertTrue(articles.containsKey(name), "articles: " + name + " in " + articles.keySet());
        }
        Map<String, Boolean> users = indexes("adminusers");
        assertEquals(Boolean.TRUE, users.get("email_1"));
        assertEquals(Boolean.TRUE, users.get("id_1"));
        assertTrue(users.containsKey("isActive_1"));
        assertEquals(Boolean.TRUE, indexes("refreshtokens").get("hash_1"));
        assertTrue(indexes("auditlog").containsKey("entity_1_at_1"));
    }
}
