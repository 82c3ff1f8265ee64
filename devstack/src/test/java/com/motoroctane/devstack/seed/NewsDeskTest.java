package com.motoroctane.devstack.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.news.NewsFields;

class NewsDeskTest {

    private static final CatalogGenerator CATALOG = CatalogGenerator.standard();
    private static final NewsDesk.News NEWS = CATALOG.news();

    @Test
    void aFewDozenArticlesWithTwoDraftsOneFutureScheduledAndOneDueScheduled() {
        List<Document> articles = NEWS.articles();
        assertTrue(articles.size() >= 30 && articles.size() <= 40, "articles: " + articles.size());
        assertEquals(2, articles.stream().filter(a -> NewsFields.DRAFT.equals(a.getString("status"))).count());
        assertEquals(1, articles.stream().filter(a -> NewsFields.SCHEDULED.equals(a.getString("status"))
                && a.getDate("publishDate").toInstant().equals(NewsDesk.FUTURE)).count());
        assertEquals(1, articles.stream().filter(a -> NewsFields.SCHEDULED.equals(a.getString("status"))
                && a.getDate("publishDate").toInstant().isBefore(NewsDesk.NEWEST)).count());
        assertEquals(articles.size() - 3, NEWS.visibleSlugs().size());
        assertEquals(articles.size(), articles.stream().map(a -> a.getString("slug")).distinct().count());
        assertTrue(articles.stream().anyMatch(a -> a.getBoolean("isFeatured")));
        assertTrue(articles.stream().anyMatch(a -> a.getBoolean("isBreaking")));
        for (Document a : articles) {
            assertEquals(NewsFields.ARTICLE, List.copyOf(a.keySet()), a.getString("id"));
            assertTrue(a.getList("contentBlocks", Document.class).size() >= 5, a.getString("id"));
        }
    }

    @Test
    void everyReferenceNamesASeededDocument() {
        Set<String> models = CATALOG.models().filter(m -> "active".equals(m.getString("status")))
                .map(m -> m.getString("id")).collect(Collectors.toSet());
        Set<String> categories = ids(NEWS.categories());
        Set<String> tags = ids(NEWS.tags());
        Set<String> authors = ids(NEWS.authors());
        long linked = 0;
        for (Document a : NEWS.articles()) {
            assertTrue(categories.contains(a.getString("categoryId")), a.getString("categoryId"));
            assertTrue(authors.contains(a.getString("authorId")), a.getString("authorId"));
            assertTrue(tags.containsAll(a.getList("tags", String.class)), a.getList("tags", String.class).toString());
            assertTrue(models.containsAll(a.getList("linkedCars", String.class)), a.getList("linkedCars", String.class).toString());
            linked += a.getList("linkedCars", String.class).size();
        }
        assertTrue(linked >= 40, "linked cars: " + linked);
        // the story table names real models; every one of them exists in the standard catalogue
        assertEquals(List.of(), new NewsDesk(CATALOG.plans()).unresolvedCars());
    }

    @Test
    void theSameSeedGivesTheSameDocuments() {
        NewsDesk.News again = CatalogGenerator.standard().news();
        assertEquals(NEWS.articles().stream().map(Document::toJson).toList(), again.articles().stream().map(Document::toJson).toList());
    }

    private static Set<String> ids(List<Document> docs) {
        return new HashSet<>(docs.stream().map(d -> d.getString("id")).toList());
    }
}
