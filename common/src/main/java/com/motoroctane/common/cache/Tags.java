package com.motoroctane.common.cache;

import java.util.Map;

import com.motoroctane.common.events.InvalidationEvent;

/**
 * The cache-tag (surrogate-key) vocabulary admin-service's invalidation events and every reader's cached
 * responses must share: an event evicts exactly the entries whose tags it names, so a tag spelt differently
 * on one side is an eviction that silently never happens.
 *
 * <p>An entity is tagged {@code <entity>:<id>} ({@code brand:b1}); a list or bundle additionally by its list
 * name ({@link #BRANDS} ... {@link #COMPARISONS}), which an event names when a write can change a list's
 * membership or order.
 */
public final class Tags {

    public static final String BRAND = "brand";
    public static final String MODEL = "model";
    public static final String VARIANT = "variant";
    public static final String COMPARISON = "comparison";
    /** An uploaded image (media-service): {@code media:<sha256 of the original>}, on every rendition it serves. */
    public static final String MEDIA = "media";
    /** A news article: {@code article:<id>} on its detail answer. */
    public static final String ARTICLE = "article";

    public static final String BRANDS = "brands";
    public static final String MODELS = "models";
    public static final String VARIANTS = "variants";
    public static final String SEARCH = "search";
    public static final String STATS = "stats";
    public static final String PAGES = "pages";
    public static final String COMPARISONS = "comparisons";
    /** Every news list (articles, featured, trending, categories, tags): any article write evicts it. */
    public static final String NEWS = "news";
    /**
     * Every news answer that shows a category, tag or author name (lists and details): a write of a
     * category, tag or author evicts it, so a renamed author never lingers on cached articles.
     */
    public static final String NEWS_TAXONOMY = "news-taxonomy";

    /** A subscriber that sees this tag cannot evict precisely and must drop everything it caches. */
    public static final String FLUSH_ALL = InvalidationEvent.FLUSH_ALL;

    private Tags() {
    }

    /** {@code <entity>:<id>}, the tag of one document. */
    public static String of(String entity, String id) {
        return entity + ':' + id;
    }

    public static String brand(String id) {
        return of(BRAND, id);
    }

    public static String model(String id) {
        return of(MODEL, id);
    }

    public static String variant(String id) {
        return of(VARIANT, id);
    }

    public static String comparison(String id) {
        return of(COMPARISON, id);
    }

    public static String article(String id) {
        return of(ARTICLE, id);
    }

    public static String media(String sha256) {
        return of(MEDIA, sha256);
    }

    /** The brand and model a document belongs to, either null when it has none. */
    public record Parents(String brandId, String modelId) {
    }

    /**
     * Whose tags an item of a list carries besides the list name: a brand is its own brand, a model its brand
     * and itself, anything else (variant, comparison row) the {@code brandId} and {@code modelId} it names.
     * Every event about a variant or model names its brand and model, so tagging list items this coarsely
     * still reaches every page that shows them.
     */
    public static Parents parents(String entity, Map<String, ?> doc) {
        return switch (entity) {
            case BRAND -> new Parents(string(doc.get("id")), null);
            case MODEL -> new Parents(string(doc.get("brandId")), string(doc.get("id")));
            default -> new Parents(string(doc.get("brandId")), string(doc.get("modelId")));
        };
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }
}
