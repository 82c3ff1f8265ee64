package com.motoroctane.common.news;

import java.time.Instant;
import java.util.List;

/**
 * The news section's collections and field names, as the previous system stored and served them
 * (previous-system.md, data model "News"): admin-service writes these collections, catalog-service reads
 * them, the devstack seeds them. Both sides name fields only through this class.
 *
 * <p>Authors are bylines here, not accounts: the previous news section had its own password-protected
 * author logins; this platform signs everybody in through admin-service's accounts, so an author document
 * keeps neither {@code email} login rights nor a {@code password}.
 */
public final class NewsFields {

    public static final String ARTICLES = "articles";
    public static final String CATEGORIES = "newsCategories";
    public static final String TAGS = "newsTags";
    public static final String AUTHORS = "newsAuthors";

    /** Entity names in invalidation events and audit entries. */
    public static final String ARTICLE_ENTITY = "article";
    public static final String CATEGORY_ENTITY = "newsCategory";
    public static final String TAG_ENTITY = "newsTag";
    public static final String AUTHOR_ENTITY = "newsAuthor";

    public static final List<String> ARTICLE = List.of(
            "id", "title", "slug", "excerpt", "contentBlocks", "categoryId", "tags", "authorId", "linkedCars",
            "featuredImage", "seoTitle", "seoDescription", "seoKeywords", "status", "publishDate", "views",
            "likes", "comments", "isFeatured", "isBreaking", "createdAt", "updatedAt", "version");

    /** One element of {@code contentBlocks}: {@code content} is HTML (sanitised on write) for text blocks. */
    public static final List<String> CONTENT_BLOCK = List.of("id", "type", "content", "imageUrl", "imageCaption");
    public static final List<String> BLOCK_TYPES = List.of(
            "paragraph", "heading", "image", "quote", "list", "embed");

    public static final List<String> CATEGORY = List.of(
            "id", "name", "slug", "description", "isFeatured", "createdAt", "version");
    public static final List<String> TAG = List.of("id", "name", "slug", "type", "createdAt", "version");
    public static final List<String> TAG_TYPES = List.of("general", "brand", "model", "topic");
    public static final List<String> AUTHOR = List.of(
            "id", "name", "slug", "email", "role", "bio", "profileImage", "socialLinks", "isActive", "createdAt",
            "version");
    public static final List<String> AUTHOR_ROLES = List.of("admin", "editor", "author");

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String SCHEDULED = "scheduled";
    public static final List<String> STATUSES = List.of(DRAFT, PUBLISHED, SCHEDULED);

    private NewsFields() {
    }

    /**
     * Whether readers may see an article at {@code now}: published (whatever its date), or scheduled with its {@code publishDate}
     * reached. A scheduled article therefore appears at its time without any write; readers cap how long
     * they cache a news answer at the next scheduled {@code publishDate}.
     */
    public static boolean isVisible(String status, Instant publishDate, Instant now) {
        if (PUBLISHED.equals(status)) {
            return true;
        }
        return SCHEDULED.equals(status) && publishDate != null && !publishDate.isAfter(now);
    }
}
