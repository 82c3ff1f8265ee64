package com.motoroctane.admin.news;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.catalog.Entity;
import com.motoroctane.common.api.Page;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.news.NewsFields;

/**
 * The editors' view of the news collections: every article whatever its status (the public reads in
 * catalog-service show only visible ones), read from the primary so an editor sees their own write at once.
 */
@ApplicationScoped
public class NewsListing {

    /** What an editor can filter by; any of them may be null. */
    public record Filters(String category, String tag, String author, String status, String type, String search) {
    }

    private final CatalogWriter writer;

    public NewsListing(CatalogWriter writer) {
        this.writer = writer;
    }

    /**
     * Articles newest first (by creation), categories, tags and authors by name. {@code category} and
     * {@code tag} take an id or a slug; {@code search} matches title or excerpt (articles) or the name,
     * case-insensitively and literally.
     */
    public Page<Document> list(Entity entity, Filters f, int page, int limit) {
        List<Bson> filters = new ArrayList<>();
        Bson sort;
        if (entity == Entity.ARTICLE) {
            if (f.status() != null && !NewsFields.STATUSES.contains(f.status())) {
                throw ProblemException.badParameter("status", "must be one of " + NewsFields.STATUSES);
            }
            add(filters, "status", f.status());
            add(filters, "categoryId", idOf(Entity.NEWS_CATEGORY, f.category()));
            add(filters, "tags", idOf(Entity.NEWS_TAG, f.tag()));
            add(filters, "authorId", f.author());
            Pattern search = search(f.search());
            if (search != null) {
                filters.add(or(regex("title", search), regex("excerpt", search)));
            }
            sort = Sorts.descending("createdAt", "id");
        } else {
            if (entity == Entity.NEWS_TAG && f.type() != null && !NewsFields.TAG_TYPES.contains(f.type())) {
                throw ProblemException.badParameter("type", "must be one of " + NewsFields.TAG_TYPES);
            }
            add(filters, "type", entity == Entity.NEWS_TAG ? f.type() : null);
            Pattern search = search(f.search());
            if (search != null) {
                filters.add(regex("name", search));
            }
            sort = Sorts.ascending("name", "id");
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        MongoCollection<Document> collection = writer.collection(entity);
        long total = collection.countDocuments(filter);
        List<Document> data = collection.find(filter).projection(Projections.exclude("_id")).sort(sort)
                .skip((page - 1) * limit).limit(limit).into(new ArrayList<>());
        return new Page<>(data, Page.Pagination.of(page, limit, total, null));
    }

    private static void add(List<Bson> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(eq(field, value.strip()));
        }
    }

    /** A category or tag named by id or by slug: the id of the one whose slug it is, else the value as an id. */
    private String idOf(Entity entity, String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank()) {
            return null;
        }
        Document bySlug = writer.collection(entity).find(eq("slug", idOrSlug.strip()))
                .projection(Projections.include("id")).first();
        return bySlug != null ? bySlug.getString("id") : idOrSlug.strip();
    }

    private static Pattern search(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 100) {
            throw ProblemException.badParameter("search", "must be at most 100 characters");
        }
        return Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
    }
}
