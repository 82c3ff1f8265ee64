package com.motoroctane.admin.catalog;

import static com.motoroctane.admin.catalog.Field.Kind.BLOCKS;
import static com.motoroctane.admin.catalog.Field.Kind.BOOL;
import static com.motoroctane.admin.catalog.Field.Kind.DATE;
import static com.motoroctane.admin.catalog.Field.Kind.EMAIL;
import static com.motoroctane.admin.catalog.Field.Kind.ENGINE_SUMMARIES;
import static com.motoroctane.admin.catalog.Field.Kind.ENUM;
import static com.motoroctane.admin.catalog.Field.Kind.ENUM_LIST;
import static com.motoroctane.admin.catalog.Field.Kind.FAQS;
import static com.motoroctane.admin.catalog.Field.Kind.IMAGES;
import static com.motoroctane.admin.catalog.Field.Kind.INT;
import static com.motoroctane.admin.catalog.Field.Kind.MILEAGE;
import static com.motoroctane.admin.catalog.Field.Kind.PLAIN;
import static com.motoroctane.admin.catalog.Field.Kind.PRICE;
import static com.motoroctane.admin.catalog.Field.Kind.REF;
import static com.motoroctane.admin.catalog.Field.Kind.REFS;
import static com.motoroctane.admin.catalog.Field.Kind.RICH;
import static com.motoroctane.admin.catalog.Field.Kind.SLUG;
import static com.motoroctane.admin.catalog.Field.Kind.SOCIAL_LINKS;
import static com.motoroctane.admin.catalog.Field.Kind.STRINGS;
import static com.motoroctane.admin.catalog.Field.Kind.URL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.common.news.NewsFields;

/** The writable catalogue entities: name (also their cache-tag prefix), collection, writable fields and their kinds. */
public enum Entity {

    BRAND(Tags.BRAND, "brands", fields(
            Field.required("name", PLAIN, 100), Field.of("logo", URL), Field.of("ranking", INT),
            Field.oneOf("status", ENUM, STATUSES()), Field.of("summary", RICH), Field.of("faqs", FAQS))),

    MODEL(Tags.MODEL, "models", fields(
            Field.required("name", PLAIN, 100), Field.required("brandId", REF, 200),
            Field.oneOf("status", ENUM, STATUSES()), Field.of("isPopular", BOOL), Field.of("isNew", BOOL),
            Field.of("popularRank", INT), Field.of("newRank", INT), Field.of("topRank", INT),
            Field.oneOf("bodyType", ENUM, CatalogFields.BODY_TYPES), Field.of("subBodyType", PLAIN),
            Field.of("launchDate", PLAIN), Field.of("seating", INT),
            Field.oneOf("fuelTypes", ENUM_LIST, CatalogFields.FUEL_TYPES),
            Field.oneOf("transmissions", ENUM_LIST, CatalogFields.TRANSMISSIONS),
            Field.of("brochureUrl", URL), Field.of("headerSeo", PLAIN), Field.of("pros", RICH), Field.of("cons", RICH),
            Field.of("description", RICH), Field.of("exteriorDesign", RICH), Field.of("comfortConvenience", RICH),
            Field.of("summary", RICH), Field.of("engineSummaries", ENGINE_SUMMARIES), Field.of("mileageData", MILEAGE),
            Field.of("faqs", FAQS), Field.of("heroImage", URL), Field.of("galleryImages", IMAGES),
            Field.of("keyFeatureImages", IMAGES), Field.of("spaceComfortImages", IMAGES),
            Field.of("storageConvenienceImages", IMAGES), Field.of("colorImages", IMAGES))),

    VARIANT(Tags.VARIANT, "variants", variantFields()),

    COMPARISON(Tags.COMPARISON, "popularcomparisons", fields(
            Field.required("model1Id", REF, 200), Field.required("model2Id", REF, 200), Field.of("order", INT),
            Field.of("isActive", BOOL))),

    // ---- news (common NewsFields): read by catalog-service, written only here

    /**
     * {@code slug} is writable (an article's URL stays as published when its title is edited); absent on
     * create it is made from the title. {@code tags} and {@code linkedCars} hold ids of newsTags and models.
     */
    ARTICLE(NewsFields.ARTICLE_ENTITY, NewsFields.ARTICLES, fields(
            Field.required("title", PLAIN, 200), Field.sized("slug", SLUG, 200), Field.sized("excerpt", PLAIN, 1000),
            Field.sized("contentBlocks", BLOCKS, 200), Field.sized("categoryId", REF, 200), Field.sized("tags", REFS, 30),
            Field.sized("authorId", REF, 200), Field.sized("linkedCars", REFS, 20), Field.of("featuredImage", URL),
            Field.sized("seoTitle", PLAIN, 200), Field.sized("seoDescription", PLAIN, 500),
            Field.sized("seoKeywords", STRINGS, 30), Field.oneOf("status", ENUM, NewsFields.STATUSES),
            Field.of("publishDate", DATE), Field.of("isFeatured", BOOL), Field.of("isBreaking", BOOL))),

    NEWS_CATEGORY(NewsFields.CATEGORY_ENTITY, NewsFields.CATEGORIES, fields(
            Field.required("name", PLAIN, 100), Field.sized("description", PLAIN, 1000), Field.of("isFeatured", BOOL))),

    NEWS_TAG(NewsFields.TAG_ENTITY, NewsFields.TAGS, fields(
            Field.required("name", PLAIN, 100), Field.oneOf("type", ENUM, NewsFields.TAG_TYPES))),

    NEWS_AUTHOR(NewsFields.AUTHOR_ENTITY, NewsFields.AUTHORS, fields(
            Field.required("name", PLAIN, 100), Field.sized("email", EMAIL, 254), Field.oneOf("role", ENUM, NewsFields.AUTHOR_ROLES),
            Field.sized("bio", PLAIN, 2000), Field.of("profileImage", URL), Field.sized("socialLinks", SOCIAL_LINKS, 10),
            Field.of("isActive", BOOL)));

    /** The news entities, in the order an import needs them (an article names a category, tags, an author). */
    public static final List<Entity> NEWS = List.of(NEWS_CATEGORY, NEWS_TAG, NEWS_AUTHOR, ARTICLE);

    /**
     * Counters readers own, never a client: an article's {@code views}, {@code likes} and {@code comments}.
     * A write refuses them ("is set by the server"), a PUT keeps them, an import carries them over.
     */
    public static final Set<String> SERVER_OWNED = Set.of("views", "likes", "comments");

    /** Set by the writer, never by a client (except {@code id} on upserts and imports). */
    public static final Set<String> SYSTEM = Set.of("id", "slug", "createdAt", "updatedAt", "version", "_id");

    private final String name;
    private final String collection;
    private final Map<String, Field> fields;

    Entity(String name, String collection, Map<String, Field> fields) {
        this.name = name;
        this.collection = collection;
        this.fields = fields;
    }

    public String entityName() {
        return name;
    }

    public String collection() {
        return collection;
    }

    public Map<String, Field> fields() {
        return fields;
    }

    /** Whether {@code field} is the server's to set on this entity (system fields, an article's counters). */
    public boolean serverOwned(String field) {
        return SYSTEM.contains(field) || this == ARTICLE && SERVER_OWNED.contains(field);
    }

    public boolean news() {
        return NEWS.contains(this);
    }

    /** The field the slug (and the natural id) is made from, or null for an entity without a slug. */
    public String slugSource() {
        return switch (this) {
            case BRAND, MODEL, NEWS_CATEGORY, NEWS_TAG, NEWS_AUTHOR -> "name";
            case ARTICLE -> "title";
            default -> null;
        };
    }

    /** The field the natural id (and the slug, where there is one) is made from; null for a comparison. */
    public String idSource() {
        return this == VARIANT ? "name" : slugSource();
    }

    /** {@code /api/admin/{articles,categories,tags,authors}}. */
    public static Entity ofNewsPath(String kind) {
        return switch (kind) {
            case "articles" -> ARTICLE;
            case "categories" -> NEWS_CATEGORY;
            case "tags" -> NEWS_TAG;
            case "authors" -> NEWS_AUTHOR;
            default -> null;
        };
    }

    public static Entity ofPath(String kind) {
        return switch (kind) {
            case "brands" -> BRAND;
            case "models" -> MODEL;
            case "variants" -> VARIANT;
            default -> null;
        };
    }

    private static List<String> STATUSES() {
        return List.of("active", "inactive");
    }

    private static Map<String, Field> fields(Field... list) {
        Map<String, Field> map = new LinkedHashMap<>();
        for (Field f : list) {
            map.put(f.name(), f);
        }
        return map;
    }

    private static Map<String, Field> variantFields() {
        Map<String, Field> map = fields(
                Field.required("name", PLAIN, 150), Field.required("brandId", REF, 200),
                Field.required("modelId", REF, 300), Field.required("price", PRICE, 0),
                Field.oneOf("status", ENUM, STATUSES()), Field.of("isValueForMoney", BOOL),
                Field.of("highlightImages", IMAGES), Field.of("connectedCarTech", PLAIN), Field.of("warranty", PLAIN));
        CatalogFields.VARIANT_STRING_GROUPS.forEach((group, names) -> names.forEach(n ->
                map.put(n, "content".equals(group) ? Field.of(n, RICH) : Field.of(n, PLAIN))));
        map.put("fuelType", Field.oneOf("fuelType", ENUM, CatalogFields.FUEL_TYPES));
        map.put("transmission", Field.oneOf("transmission", ENUM, CatalogFields.TRANSMISSIONS));
        return map;
    }
}
