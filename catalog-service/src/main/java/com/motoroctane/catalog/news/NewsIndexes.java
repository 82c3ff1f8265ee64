package com.motoroctane.catalog.news;

import java.util.List;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Indexes;
import com.motoroctane.catalog.store.IndexInstaller;
import com.motoroctane.common.news.NewsFields;

/**
 * The indexes the news reads need (which query each serves: catalog-service/README.md, "News"), ensured with
 * the catalogue's by {@link IndexInstaller}. Every list is visible-only ({@code status} equality, or
 * {@code scheduled} with a {@code publishDate} range) and newest first, so each filter's index ends in
 * {@code status, publishDate}.
 */
public final class NewsIndexes {

    private NewsIndexes() {
    }

    public static List<IndexInstaller.Spec> specs() {
        return List.of(
                spec(NewsFields.ARTICLES, Indexes.ascending("id"), true),
                spec(NewsFields.ARTICLES, Indexes.ascending("slug"), true),
                spec(NewsFields.ARTICLES, Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("publishDate", "id")), false),
                spec(NewsFields.ARTICLES, Indexes.compoundIndex(Indexes.ascending("categoryId", "status"), Indexes.descending("publishDate")), false),
                spec(NewsFields.ARTICLES, Indexes.compoundIndex(Indexes.ascending("tags", "status"), Indexes.descending("publishDate")), false),
                spec(NewsFields.ARTICLES, Indexes.compoundIndex(Indexes.ascending("isFeatured", "status"), Indexes.descending("publishDate")), false),
                spec(NewsFields.CATEGORIES, Indexes.ascending("id"), true),
                // unique, exactly as admin-service (the writer) declares it: the same keys with other options
                // are an IndexKeySpecsConflict for whichever service starts second
                spec(NewsFields.CATEGORIES, Indexes.ascending("slug"), true),
                spec(NewsFields.TAGS, Indexes.ascending("id"), true),
                spec(NewsFields.TAGS, Indexes.ascending("slug"), true),
                spec(NewsFields.AUTHORS, Indexes.ascending("id"), true));
    }

    private static IndexInstaller.Spec spec(String collection, Bson keys, boolean unique) {
        return new IndexInstaller.Spec(collection, keys, unique, "catalog-service news");
    }
}
