package com.motoroctane.catalog.domain;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Sorts;
import com.motoroctane.cache.ResponseCache.Rendered;
import com.motoroctane.catalog.config.CatalogConfig;
import com.motoroctane.catalog.store.CatalogStore;
import com.motoroctane.catalog.store.BrandNames;
import com.motoroctane.catalog.store.ModelBodyTypes;
import com.motoroctane.catalog.store.ModelSummaries;
import com.motoroctane.catalog.store.SearchIndex;
import com.motoroctane.common.api.Page;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.http.ETags;

/**
 * Everything catalog-service answers, rendered to bytes once per cache miss. Lists come back in the
 * page envelope; single documents and page bundles keep the previous system's shapes.
 */
@ApplicationScoped
public class CatalogReads {

    /** Where the previous system split a brand summary into sections (GET /api/brands/{id}/formatted). */
    static final List<String> SUMMARY_SECTIONS = List.of(
            "Start of operations in India:", "Market Share:", "Key Aspects:", "Competitors:");

    private static final List<String> CARD_FIELDS = List.of("name", "slug", "brandId", "heroImage", "isNew",
            "isPopular", "popularRank", "seating", "fuelTypes", "transmissions", "bodyType");

    private final CatalogStore store;
    private final ModelSummaries summaries;
    private final ModelBodyTypes bodyTypes;
    private final BrandNames brandNames;
    private final SearchIndex search;
    private final CursorCodec cursors;
    private final Json json;
    private final int surrogateKeyBudget;

    public CatalogReads(CatalogStore store, ModelSummaries summaries, ModelBodyTypes bodyTypes, BrandNames brandNames,
                        SearchIndex search, CursorCodec cursors, Json json, CatalogConfig config) {
        this.surrogateKeyBudget = config.cache().surrogateKeyMaxBytes();
        this.store = store;
        this.summaries = summaries;
        this.bodyTypes = bodyTypes;
        this.brandNames = brandNames;
        this.search = search;
        this.cursors = cursors;
        this.json = json;
    }

    /** A page of a list; {@code query.fields()} is what each item shows (a card, a projection, or empty for whole documents). */
    public Rendered list(Listing listing, ListQuery query, String... keep) {
        return envelope(listing, query, store.page(listing.collection(), query.withFields(stored(query.fields()))), keep);
    }

    /**
     * Models filtered by a starting-price band or sorted by starting price (see {@link PricedModels}); tagged
     * {@link Tags#byPriceFalls} when only a falling price can reshape the page ({@link #cheapestFirstPage}), else
     * {@link Tags#byPrice}.
     */
    public Rendered modelsByPrice(ListQuery query, Long minPrice, Long maxPrice) {
        return envelope(Listing.MODELS, query,
                PricedModels.page(store, summaries, query.withFields(stored(query.fields())), minPrice, maxPrice),
                priceTag(Tags.MODELS, query, Aggregates.STARTING_PRICE, minPrice, maxPrice));
    }

    /**
     * The price tag a list of {@code list} ordered or banded by price carries: {@link Tags#byPriceFalls} on the
     * first page of a cheapest-first order ({@code priceSort} ascending) without a band, which an item it does not
     * show enters only when its price falls; {@link Tags#byPrice} on any other page, a band, or dearest first.
     */
    public static String priceTag(String list, ListQuery query, String priceSort, Long minPrice, Long maxPrice) {
        boolean cheapestFirstPage = minPrice == null && maxPrice == null && priceSort.equals(query.sort().name())
                && !query.sort().descending() && query.after() == null && query.skip() == 0;
        return cheapestFirstPage ? Tags.byPriceFalls(list) : Tags.byPrice(list);
    }

    public Rendered variantsByIds(List<String> ids, List<String> fields) {
        Map<String, Document> found = new HashMap<>();
        for (Document d : store.byIds(CatalogStore.VARIANTS, ids, stored(fields))) {
            found.put(d.getString("id"), d);
        }
        SurrogateKeys keys = new SurrogateKeys(Tags.VARIANTS);
        List<Document> data = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Document d = found.get(id);
            if (d == null) {
                missing.add(id);
            } else {
                data.add(d);
                keys.item("variant", d);
            }
        }
        data.forEach(d -> shown(d, fields));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("pagination", Page.Pagination.of(1, ids.size(), data.size(), null));
        body.put("missing", missing);
        return rendered(body, keys);
    }

    public Rendered document(Listing listing, String idOrSlug, List<String> fields) {
        Document doc = store.byIdOrSlug(listing.collection(), idOrSlug, null, stored(fields));
        if (doc == null) {
            throw ProblemException.notFound(capitalized(listing.entity()), idOrSlug);
        }
        // a whole document stays the stored one (its ETag is its version); aggregates only when fields= names them
        List<String> aggregates = Aggregates.named(listing, fields, false);
        Aggregates.add(List.of(doc), aggregates, summaries, brandNames);
        // the whole document's ETag is its version, so what a client read here is valid as If-Match at admin-service
        String etag = fields.isEmpty() && doc.get("version") instanceof Number v ? ETags.ofVersion(v.longValue()) : null;
        SurrogateKeys keys = new SurrogateKeys().detail(listing.entity(), doc, Aggregates.ofVariants(aggregates));
        return new Rendered(json.bytes(shown(doc, fields)), keys.header(surrogateKeyBudget), etag);
    }

    public Rendered brandFormatted(String idOrSlug) {
        Document brand = brandOrThrow(idOrSlug);
        // its price info comes from its models' cards (model-card:<id>, as items); which models count changes with a
        // model's write or visibility, which names the models list
        SurrogateKeys keys = new SurrogateKeys(Tags.MODELS).detail("brand", brand, false);
        brand.put("formattedSummary", formattedSummary(brand, keys));
        return rendered(brand, keys);
    }

    public Rendered stats() {
        Map<String, Long> body = new LinkedHashMap<>();
        body.put("totalBrands", store.countVisible(CatalogStore.BRANDS));
        body.put("totalModels", store.countVisible(CatalogStore.MODELS));
        body.put("totalVariants", store.countVisible(CatalogStore.VARIANTS));
        return new Rendered(json.bytes(body), "stats brands models variants");
    }

    public Rendered search(String q, int limit) {
        long started = System.nanoTime();
        SearchIndex.Result result = search.search(q, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", result.hits());
        body.put("pagination", Page.Pagination.of(1, limit, Math.min(result.matched(), limit), null));
        body.put("query", q);
        body.put("took", (System.nanoTime() - started) / 1_000_000);
        SurrogateKeys keys = new SurrogateKeys(Tags.SEARCH);
        result.hits().forEach(h -> keys.hit(h.type(), h.id(), h.brandId(), h.modelId()));
        return rendered(body, keys);
    }

    /** GET /api/frontend/brands/{brandId}/models: the previous shape, with real prices and counts. */
    public Rendered frontendBrandModels(String brandIdOrSlug) {
        Document brand = brandOrThrow(brandIdOrSlug);
        // the brand's own fields (brand-own:<id>) and its models' cards (model-card:<id>, as items): which models it
        // shows changes only with a model's write or visibility, which names the pages list
        SurrogateKeys keys = new SurrogateKeys(Tags.PAGES).keep(Tags.brandOwn(brand.getString("id")));
        List<Map<String, Object>> cards = brandModelCards(brand, keys);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brand", Map.of("id", brand.getString("id"), "name", brand.getString("name"), "slug", CatalogStore.slugOf(brand)));
        body.put("models", cards);
        return rendered(body, keys);
    }

    /** GET /api/frontend/models/{slug}: a model matched by its name slug, with its brand's name. */
    public Rendered frontendModel(String slug) {
        Document model = store.byIdOrSlug(CatalogStore.MODELS, slug, null, List.of());
        if (model == null) {
            throw ProblemException.notFound("Model", slug);
        }
        Document brand = store.byIdOrSlug(CatalogStore.BRANDS, model.getString("brandId"), null, List.of("name", "slug"));
        if (brand == null) {
            throw ProblemException.notFound("Model", slug);
        }
        ModelSummaries.Summary s = summaries.of(model.getString("id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", model.getString("id"));
        body.put("name", model.getString("name"));
        body.put("brandName", brand.getString("name"));
        for (String field : FrontendShapes.MODEL_STRINGS) {
            body.put(field, model.get(field));
        }
        for (String field : FrontendShapes.MODEL_ARRAYS) {
            body.put(field, model.get(field) instanceof List<?> list ? list : List.of());
        }
        body.put("isPopular", Boolean.TRUE.equals(model.getBoolean("isPopular")));
        body.put("isNew", Boolean.TRUE.equals(model.getBoolean("isNew")));
        // beyond the previous subset: what the model page otherwise fetched separately, display strings first
        body.put("slug", CatalogStore.slugOf(model));
        body.put("brandId", model.getString("brandId"));
        body.put("brandSlug", CatalogStore.slugOf(brand));
        body.put("headerSeo", model.get("headerSeo"));
        body.put("summary", model.get("summary"));
        body.put("brochureUrl", model.get("brochureUrl"));
        body.put("seating", FrontendShapes.seating(model.get("seating")));
        body.put("price", s == null ? null : FrontendShapes.lakh(s.minPrice()));
        body.put("seatingCapacity", FrontendShapes.seatingCapacity(model.get("seating")));
        body.put("startingPrice", s == null ? null : s.minPrice());
        body.put("maxPrice", s == null ? null : s.maxPrice());
        body.put("variants", s == null ? 0 : s.variantCount());
        return rendered(body, new SurrogateKeys(Tags.PAGES).document("model", model));
    }

    /** GET /api/pages/brand/{slug}: everything a brand page shows, in one response. */
    public Rendered brandPage(String slug) {
        Document brand = brandOrThrow(slug);
        // the brand's own fields (brand-own:<id>) and its models' cards (model-card:<id>, as items), which the price
        // stats and the order are computed from: which models it shows changes only with a model's write or
        // visibility, which names the pages list (past the tag budget the items fall back to brand:<id>)
        SurrogateKeys keys = new SurrogateKeys(Tags.PAGES).keep(Tags.brandOwn(brand.getString("id")));
        List<Map<String, Object>> cards = brandModelCards(brand, keys);
        brand.put("formattedSummary", formattedSummary(brand, keys));
        List<Document> others = store.find(CatalogStore.BRANDS, empty(), Sorts.ascending("ranking", "id"), 13,
                List.of("name", "slug", "logo", "ranking"));
        others.removeIf(b -> b.getString("id").equals(brand.getString("id")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brand", brand);
        body.put("models", cards);
        body.put("stats", priceStats(cards));
        body.put("otherBrands", others.size() > 12 ? others.subList(0, 12) : others);
        return rendered(body, keys);
    }

    /** GET /api/pages/model/{brandSlug}/{modelSlug}: everything a model page shows, in one response. */
    public Rendered modelPage(String brandSlug, String modelSlug) {
        Document brand = brandOrThrow(brandSlug);
        Document model = store.byIdOrSlug(CatalogStore.MODELS, modelSlug, brand.getString("id"), List.of());
        if (model == null || !brand.getString("id").equals(model.getString("brandId"))) {
            throw ProblemException.notFound("Model", brandSlug + "/" + modelSlug);
        }
        String modelId = model.getString("id");
        // the model, its variants and prices (model:<id>) and its brand's name, slug and logo (brand-own:<id>); the
        // brand's other models and their variants are not on the page
        SurrogateKeys keys = new SurrogateKeys(Tags.PAGES).keep(Tags.model(modelId)).keep(Tags.brandOwn(brand.getString("id")));
        List<Document> variants = store.find(CatalogStore.VARIANTS, eq("modelId", modelId), Sorts.ascending("price", "id"), 0,
                List.of("name", "price", "fuelType", "transmission", "engineName", "displacement", "power", "torque",
                        "mileageCompanyClaimed", "evRange", "isValueForMoney", "keyFeatures", "airbags", "globalNCAPRating"));
        ModelSummaries.Summary summary = summaries.of(modelId);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brand", Map.of("id", brand.getString("id"), "name", brand.getString("name"), "slug", CatalogStore.slugOf(brand),
                "logo", String.valueOf(brand.get("logo"))));
        body.put("model", model);
        body.put("variants", variants);
        Map<String, Object> prices = new LinkedHashMap<>();
        putPrices(prices, summary);
        body.put("pricing", prices);
        // the similar models and the compared ones are both cards: read in one query, their brands' names in one more
        List<String> similar = similarModelIds(model, summary);
        List<Document> comparisonRows = comparisonRows(modelId);
        List<String> compared = comparisonRows.stream()
                .map(r -> modelId.equals(r.getString("model1Id")) ? r.getString("model2Id") : r.getString("model1Id"))
                .toList();
        Map<String, Document> cardModels = cardModels(similar, compared);
        Map<String, String> brandNames = brandNames(cardModels.values().stream().map(m -> m.getString("brandId")).distinct().toList());
        body.put("similarModels", similarModels(similar, cardModels, brandNames, keys));
        body.put("comparisons", comparisons(comparisonRows, compared, cardModels, brandNames, keys));
        return rendered(body, keys);
    }

    // ---------------------------------------------------------------------------------------------

    private Rendered envelope(Listing listing, ListQuery query, PageResult result, String... keep) {
        String next = result.next() == null ? null : cursors.encode(result.next(), query.fingerprint());
        SurrogateKeys keys = new SurrogateKeys(listing.collection());
        for (String tag : keep) {
            keys.keep(tag);
        }
        Aggregates.add(result.items(), Aggregates.named(listing, query.fields(), true), summaries, brandNames);
        for (Document d : result.items()) {
            keys.item(listing.entity(), d);
            shown(d, query.fields());
        }
        Page<Document> page = new Page<>(result.items(),
                Page.Pagination.of(query.pageNumber(), query.limit(), result.total(), next));
        return rendered(page, keys);
    }

    private Rendered rendered(Object body, SurrogateKeys keys) {
        return new Rendered(json.bytes(body), keys.header(surrogateKeyBudget));
    }

    /**
     * The stored fields to read for what is shown: the aggregates out, the parent ids its items are tagged by (see
     * {@link SurrogateKeys}) and which the brand aggregates need in; empty stays "everything".
     */
    private static List<String> stored(List<String> shown) {
        List<String> fields = Aggregates.stored(shown);
        if (fields.isEmpty()) {
            return fields;
        }
        List<String> with = new ArrayList<>(fields);
        SurrogateKeys.PARENT_FIELDS.stream().filter(f -> !with.contains(f)).forEach(with::add);
        return with;
    }

    /** Drops the parent ids fetched only for tagging when the client projected them away. */
    private static Document shown(Document doc, List<String> fields) {
        if (!fields.isEmpty()) {
            SurrogateKeys.PARENT_FIELDS.stream().filter(f -> !fields.contains(f)).forEach(doc::remove);
        }
        return doc;
    }

    private Document brandOrThrow(String idOrSlug) {
        Document brand = store.byIdOrSlug(CatalogStore.BRANDS, idOrSlug, null, List.of());
        if (brand == null) {
            throw ProblemException.notFound("Brand", idOrSlug);
        }
        return brand;
    }

    private List<Map<String, Object>> brandModelCards(Document brand, SurrogateKeys keys) {
        List<Document> models = store.find(CatalogStore.MODELS, eq("brandId", brand.getString("id")),
                Sorts.ascending("name", "id"), 0, CARD_FIELDS);
        List<Map<String, Object>> cards = new ArrayList<>(models.size());
        for (Document m : models) {
            keys.item("model", m);
            cards.add(card(m, brand.getString("name")));
        }
        cards.sort(Comparator.comparing((Map<String, Object> c) -> !Boolean.TRUE.equals(c.get("isPopular")))
                .thenComparing(c -> c.get("startingPrice") == null ? Long.MAX_VALUE : (Long) c.get("startingPrice")));
        cards.forEach(c -> c.remove("isPopular"));
        return cards;
    }

    /**
     * The previous card shape (previous-system.md §3), its placeholders replaced by values from the active variants in
     * the same JSON types: {@code price} the lakh string "₹7.71", {@code seating} "5 seater", {@code power} and
     * {@code mileage} strings, {@code rating}/{@code reviews}/{@code variants} numbers. Numeric twins sit beside the
     * strings: {@code startingPrice}/{@code maxPrice} (rupees), {@code seatingCapacity}, {@code powerValue},
     * {@code mileageValue}.
     */
    private Map<String, Object> card(Document model, String brandName) {
        ModelSummaries.Summary s = summaries.of(model.getString("id"));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", model.getString("id"));
        card.put("name", model.getString("name"));
        card.put("price", s == null ? null : FrontendShapes.lakh(s.minPrice()));
        card.put("rating", 0); // no reviews are kept; the previous system also answered 0 without reviews
        card.put("reviews", 0);
        card.put("power", s == null ? null : s.power());
        card.put("image", model.getString("heroImage") != null ? model.getString("heroImage") : FrontendShapes.DEFAULT_IMAGE);
        card.put("isNew", Boolean.TRUE.equals(model.getBoolean("isNew")));
        card.put("seating", FrontendShapes.seating(model.get("seating")));
        card.put("fuelType", joined(model.get("fuelTypes")));
        card.put("transmission", joined(model.get("transmissions")));
        card.put("mileage", s == null ? null : s.mileage());
        card.put("variants", s == null ? 0 : s.variantCount());
        card.put("slug", CatalogStore.slugOf(model));
        card.put("brandName", brandName);
        card.put("seatingCapacity", FrontendShapes.seatingCapacity(model.get("seating")));
        card.put("startingPrice", s == null ? null : s.minPrice());
        card.put("maxPrice", s == null ? null : s.maxPrice());
        card.put("powerValue", s == null ? null : FrontendShapes.leadingNumber(s.power()));
        card.put("mileageValue", s == null ? null : FrontendShapes.leadingNumber(s.mileage()));
        card.put("bodyType", model.getString("bodyType"));
        card.put("isPopular", Boolean.TRUE.equals(model.getBoolean("isPopular")));
        return card;
    }

    /**
     * The six models of the body type nearest in starting price: the candidates from memory ({@link ModelBodyTypes}),
     * chosen by the in-memory price summaries; a model page is re-rendered after every write of its variants.
     */
    private List<String> similarModelIds(Document model, ModelSummaries.Summary summary) {
        String modelId = model.getString("id");
        long price = summary == null ? 0 : summary.minPrice();
        Map<String, ModelSummaries.Summary> all = summaries.all();
        return bodyTypes.withBodyType(model.getString("bodyType")).stream()
                .filter(id -> !id.equals(modelId) && all.containsKey(id))
                .sorted(Comparator.comparingLong((String id) -> Math.abs(all.get(id).minPrice() - price))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(6).toList();
    }

    /** The active comparisons a model is in, first ten by their order. */
    private List<Document> comparisonRows(String modelId) {
        return store.collection(CatalogStore.COMPARISONS)
                .find(and(eq("isActive", true), or(eq("model1Id", modelId), eq("model2Id", modelId))))
                .sort(Sorts.ascending("order", "id")).limit(10)
                .projection(com.mongodb.client.model.Projections.excludeId())
                .into(new ArrayList<>());
    }

    /** The visible ones of these models, with the fields a card shows, by id (one query for both lists). */
    private Map<String, Document> cardModels(List<String> similar, List<String> compared) {
        List<String> ids = Stream.concat(similar.stream(), compared.stream()).distinct().toList();
        Map<String, Document> read = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document m : store.byIds(CatalogStore.MODELS, ids, CARD_FIELDS)) {
                read.put(m.getString("id"), m);
            }
        }
        return read;
    }

    private List<Map<String, Object>> similarModels(List<String> similar, Map<String, Document> cardModels,
                                                    Map<String, String> brandNames, SurrogateKeys keys) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (String id : similar) {
            Document m = cardModels.get(id);
            if (m == null) {
                continue; // hidden since the body types were read: a model write is on its way
            }
            keys.item("model", m);
            Map<String, Object> card = card(m, brandNames.get(m.getString("brandId")));
            card.remove("isPopular");
            cards.add(card);
        }
        return cards;
    }

    private List<Map<String, Object>> comparisons(List<Document> rows, List<String> compared, Map<String, Document> cardModels,
                                                  Map<String, String> brandNames, SurrogateKeys keys) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Document other = cardModels.get(compared.get(i));
            if (other == null) {
                continue; // the other side is inactive or gone: never show a dangling comparison
            }
            keys.item("model", other);
            Map<String, Object> card = card(other, brandNames.get(other.getString("brandId")));
            card.remove("isPopular");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", rows.get(i).getString("id"));
            row.put("order", rows.get(i).get("order"));
            row.put("model", card);
            out.add(row);
        }
        return out;
    }

    private Map<String, String> brandNames(List<String> brandIds) {
        Map<String, String> names = new HashMap<>();
        for (String id : brandIds) {
            BrandNames.Brand brand = brandNames.of(id);
            if (brand != null) {
                names.put(id, brand.name());
            }
        }
        return names;
    }

    /** The brand's summary in sections, and the price info of its models, each tagged into {@code keys}. */
    private Map<String, Object> formattedSummary(Document brand, SurrogateKeys keys) {
        String summary = brand.getString("summary");
        List<Map<String, String>> sections = new ArrayList<>();
        if (summary != null && !summary.isBlank()) {
            List<int[]> marks = new ArrayList<>();
            for (String marker : SUMMARY_SECTIONS) {
                int at = summary.indexOf(marker);
                if (at >= 0) {
                    marks.add(new int[] {at, marker.length()});
                }
            }
            marks.sort(Comparator.comparingInt(m -> m[0]));
            int firstMark = marks.isEmpty() ? summary.length() : marks.get(0)[0];
            String overview = summary.substring(0, firstMark).trim();
            if (!overview.isEmpty()) {
                sections.add(Map.of("title", "Overview", "content", overview));
            }
            for (int i = 0; i < marks.size(); i++) {
                int[] m = marks.get(i);
                int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : summary.length();
                String title = summary.substring(m[0], m[0] + m[1] - 1).trim();
                sections.add(Map.of("title", title, "content", summary.substring(m[0] + m[1], end).trim()));
            }
        }
        List<Document> models = store.find(CatalogStore.MODELS, eq("brandId", brand.getString("id")), null, 0, List.of("id"));
        List<Map<String, Object>> cards = new ArrayList<>();
        for (Document m : models) {
            keys.item(Tags.MODEL, brand.getString("id"), m.getString("id"));
            ModelSummaries.Summary s = summaries.of(m.getString("id"));
            if (s != null) {
                cards.add(Map.of("startingPrice", s.minPrice(), "maxPrice", s.maxPrice()));
            }
        }
        Map<String, Object> formatted = new LinkedHashMap<>();
        formatted.put("sections", sections);
        formatted.put("priceInfo", priceStats(cards));
        return formatted;
    }

    private static Map<String, Object> priceStats(List<Map<String, Object>> cards) {
        Long min = null;
        Long max = null;
        int priced = 0;
        for (Map<String, Object> c : cards) {
            if (c.get("startingPrice") instanceof Long p) {
                min = min == null ? p : Math.min(min, p);
                priced++;
            }
            if (c.get("maxPrice") instanceof Long p) {
                max = max == null ? p : Math.max(max, p);
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("models", cards.size());
        stats.put("pricedModels", priced);
        stats.put("minPrice", min);
        stats.put("maxPrice", max);
        return stats;
    }

    private static void putPrices(Map<String, Object> body, ModelSummaries.Summary s) {
        body.put("price", s == null ? null : s.minPrice());
        body.put("maxPrice", s == null ? null : s.maxPrice());
        body.put("variants", s == null ? 0 : s.variantCount());
    }

    private static Object joined(Object values) {
        return values instanceof List<?> list ? String.join("/", list.stream().map(String::valueOf).toList()) : values;
    }

    private static String capitalized(String entity) {
        return Character.toUpperCase(entity.charAt(0)) + entity.substring(1);
    }
}
