package com.motoroctane.catalog.news;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.motoroctane.cache.ResponseCache.Rendered;
import com.motoroctane.catalog.domain.CursorCodec;
import com.motoroctane.catalog.domain.Json;
import com.motoroctane.catalog.domain.Position;
import com.motoroctane.catalog.store.CatalogStore;
import com.motoroctane.common.api.Page;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.news.NewsFields;

/**
 * The public news reads: what readers may see ({@link NewsFields#isVisible}, decided at read time, so a
 * scheduled article appears at its publishDate without a write), rendered once per cache miss with the tags
 * admin-service's events evict them by: every list {@code news}, every answer showing a category, tag or
 * author name {@code news-taxonomy}, a detail {@code article:<id>} and the {@code model:}/{@code brand:} tags
 * of the cars it links.
 *
 * <p>Stored ids keep their names and types in every answer ({@code categoryId}, {@code authorId}, {@code tags}
 * and {@code linkedCars} as ids); what they resolve to is added beside them: {@code category}, {@code author},
 * {@code tagDetails}, and on a detail {@code linkedCarDetails} (model cards).
 */
@ApplicationScoped
public class NewsReads {

    /** What a list card shows: no {@code contentBlocks}, no SEO fields. */
    static final List<String> CARD_FIELDS = List.of("id", "title", "slug", "excerpt", "featuredImage", "categoryId", "tags",
            "authorId", "linkedCars", "status", "publishDate", "views", "likes", "comments", "isFeatured", "isBreaking");
    static final List<String> DATE_FIELDS = List.of("publishDate", "createdAt", "updatedAt");
    /** Category and tag lists are small by nature; a bound keeps a runaway one cheap. */
    static final int MAX_TAXONOMY = 500;
    private static final String LIST_TAGS = Tags.NEWS + ' ' + Tags.NEWS_TAXONOMY;
    private static final Bson NEWEST_FIRST = Sorts.descending("publishDate", "id");

    /** A request for {@code GET /api/news}: filters as given (id or slug), one page by number or cursor. */
    public record ListRequest(String category, String tag, String search, int page, int limit, String cursor,
                              String fingerprint) {
    }

    private final CatalogStore store;
    private final ArticleViews views;
    private final CursorCodec cursors;
    private final NewsConfig config;
    private final Json json;

    public NewsReads(CatalogStore store, ArticleViews views, CursorCodec cursors, NewsConfig config, Json json) {
        this.store = store;
        this.views = views;
        this.cursors = cursors;
        this.config = config;
        this.json = json;
    }

    /** Published, or scheduled with the date reached, at {@code now}. */
    static Bson visible(Instant now) {
        return or(eq("status", NewsFields.PUBLISHED),
                and(eq("status", NewsFields.SCHEDULED), lte("publishDate", Date.from(now))));
    }

    /**
     * The article list, newest first, in the platform envelope {@code {data, pagination}} and, in the same
     * body, the previous system's {@code {articles, total, page, totalPages}}.
     */
    public Rendered list(ListRequest request) {
        Position after = request.cursor() == null ? null : cursors.decode(request.cursor(), request.fingerprint());
        if (after != null && !(after.value() instanceof Number)) {
            throw ProblemException.badParameter("cursor", "is not a news cursor");
        }
        int page = after == null ? request.page() : after.page();
        List<Bson> filters = new ArrayList<>(List.of(visible(Instant.now())));
        boolean none = false;
        if (request.category() != null) {
            Document category = taxonomy(NewsFields.CATEGORIES, request.category());
            none = category == null;
            filters.add(eq("categoryId", category == null ? null : category.getString("id")));
        }
        if (request.tag() != null) {
            Document tag = taxonomy(NewsFields.TAGS, request.tag());
            none |= tag == null;
            filters.add(eq("tags", tag == null ? null : tag.getString("id")));
        }
        if (request.search() != null) {
            String pattern = literal(request.search());
            filters.add(or(regex("title", pattern, "i"), regex("excerpt", pattern, "i")));
        }
        Bson filter = and(filters);
        long total = none ? 0 : articles().countDocuments(filter);
        List<Document> found = new ArrayList<>();
        if (!none) {
            Bson pageFilter = after == null ? filter : and(filter, seek(after));
            var find = articles().find(pageFilter).sort(NEWEST_FIRST).limit(request.limit() + 1).projection(cards());
            if (after == null && page > 1) {
                find = find.skip((page - 1) * request.limit());
            }
            find.into(found);
        }
        String next = null;
        if (found.size() > request.limit()) {
            found = found.subList(0, request.limit());
            Document last = found.get(found.size() - 1);
            next = cursors.encode(new Position(last.getDate("publishDate").getTime(), last.getString("id"), false, page + 1),
                    request.fingerprint());
        }
        List<Map<String, Object>> items = cards(found);
        Page.Pagination pagination = Page.Pagination.of(page, request.limit(), total, next);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", items);
        body.put("pagination", pagination);
        body.put("articles", items);
        body.put("total", total);
        body.put("page", page);
        body.put("totalPages", pagination.pages());
        return new Rendered(json.bytes(body), LIST_TAGS);
    }

    /** One visible article by slug, whole, with its category, tags, author and linked model cards; 404 otherwise. */
    public Rendered detail(String slug) {
        Document article = articles().find(and(eq("slug", slug), visible(Instant.now())))
                .projection(Projections.excludeId()).sort(NEWEST_FIRST).first();
        if (article == null) {
            throw new ProblemException(404, "not-found", "Article not found",
                    "Article '" + slug + "' does not exist or is not published", null);
        }
        Map<String, Object> body = new LinkedHashMap<>(article);
        List<Map<String, Object>> resolved = cards(List.of(article));
        body.putAll(resolved.get(0));
        body.put("contentBlocks", article.get("contentBlocks"));
        dates(body, article);
        Set<String> tags = new LinkedHashSet<>(List.of(Tags.article(article.getString("id")), Tags.NEWS_TAXONOMY));
        List<Map<String, Object>> cars = linkedCars(strings(article.get("linkedCars")), tags);
        body.put("linkedCarDetails", cars);
        return new Rendered(json.bytes(body), String.join(" ", tags));
    }

    /** The newest {@code catalog.news.featured} visible articles marked {@code isFeatured}. */
    public Rendered featured() {
        List<Document> found = articles().find(and(visible(Instant.now()), eq("isFeatured", true)))
                .sort(NEWEST_FIRST).limit(config.featured()).projection(cards()).into(new ArrayList<>());
        return envelope(cards(found), LIST_TAGS);
    }

    /**
     * The {@code catalog.news.trending} visible articles with the most views (stored + flushed counts), newest
     * first among equals. The totals live in two collections, so it reads every visible article's id and views
     * (small documents; the answer is cached).
     */
    public Rendered trending() {
        Map<String, Long> flushed = views.all();
        List<Document> all = articles().find(visible(Instant.now()))
                .projection(Projections.fields(Projections.include("id", "views", "publishDate"), Projections.excludeId()))
                .into(new ArrayList<>());
        Comparator<Document> byViews = Comparator.comparingLong(
                (Document d) -> ArticleViews.number(d.get("views")) + flushed.getOrDefault(d.getString("id"), 0L)).reversed();
        List<String> top = all.stream()
                .sorted(byViews.thenComparing(d -> d.getDate("publishDate"), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(d -> d.getString("id"), Comparator.reverseOrder()))
                .limit(config.trending()).map(d -> d.getString("id")).toList();
        Map<String, Document> byId = articles().find(in("id", top)).projection(cards()).into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(d -> d.getString("id"), Function.identity(), (a, b) -> a));
        List<Document> ordered = top.stream().map(byId::get).filter(d -> d != null).toList();
        return envelope(cards(ordered), LIST_TAGS);
    }

    /** Every category (id, name, slug, description, isFeatured), by name. */
    public Rendered categories() {
        return taxonomyList(NewsFields.CATEGORIES, List.of("id", "name", "slug", "description", "isFeatured"));
    }

    /** Every tag (id, name, slug, type), by name. */
    public Rendered tags() {
        return taxonomyList(NewsFields.TAGS, List.of("id", "name", "slug", "type"));
    }

    private Rendered taxonomyList(String collection, List<String> fields) {
        List<Document> found = store.collection(collection).find().sort(Sorts.ascending("name", "id")).limit(MAX_TAXONOMY)
                .projection(Projections.fields(Projections.include(fields), Projections.excludeId())).into(new ArrayList<>());
        return envelope(found, LIST_TAGS);
    }

    private Rendered envelope(List<?> items, String tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", items);
        body.put("pagination", Page.Pagination.of(1, Math.max(items.size(), 1), items.size(), null));
        return new Rendered(json.bytes(body), tags);
    }

    /** List cards: stored fields, dates as ISO-8601, {@code views} with the flushed counts, names resolved. */
    private List<Map<String, Object>> cards(List<Document> docs) {
        Set<String> categoryIds = new LinkedHashSet<>();
        Set<String> tagIds = new LinkedHashSet<>();
        Set<String> authorIds = new LinkedHashSet<>();
        for (Document d : docs) {
            addIfString(categoryIds, d.get("categoryId"));
            tagIds.addAll(strings(d.get("tags")));
            addIfString(authorIds, d.get("authorId"));
        }
        Map<String, Document> categories = byId(NewsFields.CATEGORIES, categoryIds, List.of("id", "name", "slug"));
        Map<String, Document> tags = byId(NewsFields.TAGS, tagIds, List.of("id", "name", "slug", "type"));
        Map<String, Document> authors = byId(NewsFields.AUTHORS, authorIds,
                List.of("id", "name", "slug", "bio", "profileImage", "socialLinks"));
        Map<String, Long> flushed = views.stored(docs.stream().map(d -> d.getString("id")).toList());
        List<Map<String, Object>> cards = new ArrayList<>(docs.size());
        for (Document d : docs) {
            Map<String, Object> card = new LinkedHashMap<>();
            for (String field : CARD_FIELDS) {
                card.put(field, d.get(field));
            }
            dates(card, d);
            card.put("views", ArticleViews.number(d.get("views")) + flushed.getOrDefault(d.getString("id"), 0L));
            card.put("category", categories.get(d.getString("categoryId")));
            card.put("author", authors.get(d.getString("authorId")));
            card.put("tagDetails", strings(d.get("tags")).stream().map(tags::get).filter(t -> t != null).toList());
            cards.add(card);
        }
        return cards;
    }

    /** Model cards of the linked cars the public may see, in the article's order; adds their tags. */
    private List<Map<String, Object>> linkedCars(List<String> ids, Set<String> tags) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Document> models = store.find(CatalogStore.MODELS, in("id", ids), null, 0,
                List.of("id", "name", "slug", "brandId", "heroImage"));
        Set<String> brandIds = models.stream().map(m -> m.getString("brandId")).filter(b -> b != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Document> brands = store.byIds(CatalogStore.BRANDS, List.copyOf(brandIds), List.of("id", "name", "slug"))
                .stream().collect(Collectors.toMap(b -> b.getString("id"), Function.identity(), (a, b) -> a));
        Map<String, Document> byId = models.stream()
                .collect(Collectors.toMap(m -> m.getString("id"), Function.identity(), (a, b) -> a));
        List<Map<String, Object>> cards = new ArrayList<>();
        for (String id : ids) {
            Document model = byId.get(id);
            if (model == null) {
                tags.add(Tags.model(id)); // hidden or gone: shown again when an event names it
                continue;
            }
            Document brand = brands.get(model.getString("brandId"));
            if (brand == null) {
                continue;
            }
            tags.add(Tags.model(id));
            tags.add(Tags.brand(brand.getString("id")));
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("id", id);
            card.put("name", model.getString("name"));
            card.put("slug", model.getString("slug"));
            card.put("brandName", brand.getString("name"));
            card.put("brandSlug", brand.getString("slug"));
            card.put("heroImage", model.getString("heroImage"));
            cards.add(card);
        }
        return cards;
    }

    /** A category or tag by id, else by slug; null if none. */
    private Document taxonomy(String collection, String idOrSlug) {
        return store.collection(collection).find(or(eq("id", idOrSlug), eq("slug", idOrSlug)))
                .projection(Projections.include("id")).sort(Sorts.ascending("id")).first();
    }

    private Map<String, Document> byId(String collection, Set<String> ids, List<String> fields) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.collection(collection).find(in("id", List.copyOf(ids)))
                .projection(Projections.fields(Projections.include(fields), Projections.excludeId()))
                .into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(d -> d.getString("id"), Function.identity(), (a, b) -> a));
    }

    private MongoCollection<Document> articles() {
        return store.collection(NewsFields.ARTICLES);
    }

    private static Bson cards() {
        return Projections.fields(Projections.include(CARD_FIELDS), Projections.excludeId());
    }

    /** After the cursor's item in (publishDate desc, id desc) order. */
    private static Bson seek(Position after) {
        Date at = new Date(((Number) after.value()).longValue());
        return or(lt("publishDate", at), and(eq("publishDate", at), lt("id", after.id())));
    }

    private static void dates(Map<String, Object> target, Document source) {
        for (String field : DATE_FIELDS) {
            if (source.get(field) instanceof Date date) {
                target.put(field, date.toInstant().toString());
            }
        }
    }

    /** {@code search} as a regular expression matching it literally (case-insensitive via the option). */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    private static void addIfString(Set<String> target, Object value) {
        if (value instanceof String s) {
            target.add(s);
        }
    }
}
