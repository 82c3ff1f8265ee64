package com.motoroctane.common.cache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.common.events.InvalidationEvent;

/**
 * The cache-tag (surrogate-key) vocabulary admin-service's invalidation events and every reader's cached
 * responses must share: an event evicts exactly the entries whose tags it names, so a tag spelt differently
 * on one side is an eviction that silently never happens.
 *
 * <p>An entity is tagged {@code <entity>:<id>} ({@code brand:b1}); a list or bundle additionally by its list
 * name ({@link #BRANDS} ... {@link #COMPARISONS}), which an event names when a write can change a list's
 * membership or order.
 *
 * <p>Two refinements keep a frequent write from emptying every cache of a kind (a price edit used to evict
 * every variant list, every model list and every search):
 * <ul>
 *   <li>{@link #own(String, String) own(entity, id)}, e.g. {@code model-own:m1}: on an answer that shows a brand's or
 *       model's own fields (name, slug, logo, image, status) and nothing its children decide (prices, variant
 *       lists). Named by writes of that brand or model itself ({@link #written}), never by its variants' writes,
 *       which name {@code model:<id>} and {@code brand:<id>}: a comparison of two variants keeps its entry when a
 *       sibling variant's price changes.</li>
 *   <li>{@link #byPrice(String) byPrice(list)}, e.g. {@code variants:price}: on every list of that kind whose
 *       order or membership depends on prices of items it may not show (sorted by price, or a price band).
 *       A variant update that changes the price and nothing else that shapes lists names these instead of
 *       the list names ({@link #variantUpdateLists}; admin-service leaves the models' ones out when, read after the
 *       write, the model's starting price cannot have changed); the first page of a cheapest-first list carries
 *       {@link #byPriceFalls(String) byPriceFalls(list)} instead, named only when a price may have come down.</li>
 *   <li>{@link #cheapest(String) cheapest(model)}, e.g. {@code model-cheapest:m1}: on an answer that shows which
 *       variant is a model's cheapest (a comparison by models), named only by a variant write that may make
 *       another variant the cheapest ({@link #mayBecomeCheapest}), unless read after the write a shown sibling is
 *       still strictly cheaper; a price going up names it no more.</li>
 *   <li>{@link #card(String) card(model)}, e.g. {@code model-card:m1}: on a model shown as a card (its own fields and
 *       its variants' summary), named by a variant write only when it may change that summary
 *       ({@link #mayChangeCard}), unless read after the write the variant's prices lie strictly inside its model's
 *       price range; a spec or a price edit inside the range leaves every list and page showing the card alone.</li>
 *   <li>{@link #untracked(String) untracked(list)}, e.g. {@code models:items}: on a list whose item tags did
 *       not fit the header budget, so it shows items without their tags; every event about such an item names
 *       it.</li>
 * </ul>
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

    /**
     * The variant fields whose change can move a variant into, out of, or within a list other than by its
     * price: visibility, parents, the fields lists filter by (fuelType, transmission) and sort by (name, which
     * also ranks search). catalog-service filters and sorts variant lists by these and by price only
     * (its {@code VariantResource}; compare-service's {@code PriceEditContractTests} checks, on both sides' real
     * code, that the lists a price edit can reshape follow it).
     */
    public static final Set<String> VARIANT_LIST_FIELDS = Set.of("status", "brandId", "modelId", "name", "fuelType",
            "transmission");
    /**
     * What a variant created, deleted, or updated in a {@link #VARIANT_LIST_FIELDS} field names: every variant and
     * model list (model cards show their variants' prices and counts), search, and pages that lost their item tags.
     */
    public static final List<String> VARIANT_WRITE_LISTS = List.of(VARIANTS, MODELS, SEARCH, untracked(PAGES));
    /** Fields every write sets, which no list shows or orders by. */
    private static final Set<String> BOOKKEEPING = Set.of("_id", "version", "createdAt", "updatedAt");

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

    /**
     * {@code <entity>-own:<id>}: the tag of an answer that depends on a brand's or model's own fields only (see the
     * class comment); {@code entity} is {@link #BRAND} or {@link #MODEL}.
     */
    public static String own(String entity, String id) {
        if (!BRAND.equals(entity) && !MODEL.equals(entity)) {
            throw new IllegalArgumentException("only a brand or a model has an own-fields tag, not " + entity);
        }
        return entity + "-own:" + id;
    }

    public static String brandOwn(String id) {
        return own(BRAND, id);
    }

    public static String modelOwn(String id) {
        return own(MODEL, id);
    }

    /**
     * {@code model-cheapest:<id>}: on an answer that shows which variant is the model's cheapest shown one (a
     * comparison by models), besides that variant's own tag. Named only by a variant write that may make a
     * variant the cheapest where it was not ({@link #mayBecomeCheapest}); every other write changes the cheapest
     * only by changing or hiding the variant that was it, whose own tag such an answer carries.
     */
    public static String cheapest(String modelId) {
        return MODEL + "-cheapest:" + modelId;
    }

    /**
     * Whether a write of a variant ({@code before}/{@code after}: its stored document before and after, null
     * when created or deleted) may make it its model's cheapest shown variant where it was not: it is shown
     * afterwards ({@code status} active) and it was created, shown again, moved to another model, or its price
     * came down (or a price is unreadable). Raising a price, hiding or deleting a variant, or changing any other
     * field cannot: if that variant was not the cheapest, the cheapest is unchanged; if it was, what shows it is
     * tagged by it. The rule reads the written document only, so concurrent writes of siblings cannot make it miss
     * a change; admin-service then leaves the tag out when, read after the write, a shown sibling is still strictly
     * cheaper (its {@code CatalogWriter}, which says why that is safe too).
     */
    public static boolean mayBecomeCheapest(Map<String, ?> before, Map<String, ?> after) {
        if (after == null || !CatalogFields.ACTIVE.equals(after.get("status"))) {
            return false;
        }
        if (before == null || !CatalogFields.ACTIVE.equals(before.get("status"))
                || !java.util.Objects.equals(before.get("modelId"), after.get("modelId"))) {
            return true;
        }
        return !(before.get("price") instanceof Number was && after.get("price") instanceof Number now)
                || Double.compare(now.doubleValue(), was.doubleValue()) < 0;
    }

    /**
     * The tags a write of the document {@code entity}/{@code id} itself names (created, updated, deleted, also by
     * a cascade): its own tag and, for a brand or a model, its {@link #own own-fields tag}; a model also its
     * {@link #card card tag}.
     */
    public static List<String> written(String entity, String id) {
        if (MODEL.equals(entity)) {
            return List.of(of(entity, id), own(entity, id), card(id));
        }
        return BRAND.equals(entity) ? List.of(of(entity, id), own(entity, id)) : List.of(of(entity, id));
    }

    /**
     * {@code model-card:<id>}: on an answer that shows a model as a card, its own fields and what its shown variants
     * add up to ({@code catalog-service}'s model summary: starting and top price, how many, the power and mileage of
     * the cheapest), and nothing else of theirs: model lists, a model's search hit, the similar models and
     * comparisons on another model's page, a model detail with its aggregates. Named by every write of the model
     * ({@link #written}) and by a variant write that may change the summary ({@link #mayChangeCard}), unless read
     * after the write the variant was and stays strictly inside its model's price range (admin-service's
     * {@code CatalogWriter}), instead of {@code model:<id>}, which every write of any of its variants names: in the
     * bench's mix a price edit purged the page of its model and of ~5 models that show it as a similar model.
     */
    public static String card(String modelId) {
        return MODEL + "-card:" + modelId;
    }

    /**
     * The variant fields a model card shows something of ({@link #card}): its price (starting and top price, and
     * which variant is the cheapest), the cheapest's power, claimed mileage and EV range, and what decides whether
     * and where it is counted ({@link #VARIANT_LIST_FIELDS}). catalog-service's model summary reads no other field
     * (its {@code ModelCardContractTests} checks it against every field of seeded variants).
     */
    public static final Set<String> CARD_FIELDS;

    static {
        Set<String> fields = new LinkedHashSet<>(List.of("price", "power", "mileageCompanyClaimed", "evRange"));
        fields.addAll(VARIANT_LIST_FIELDS);
        CARD_FIELDS = Set.copyOf(fields);
    }

    /**
     * Whether a write of a variant ({@code before}/{@code after}: its stored document before and after, null when
     * created or deleted) may change a card of its model ({@link #card}): created or deleted, or shown before or
     * after and a {@link #CARD_FIELDS card field} changed. A variant hidden before and after is in no summary.
     */
    public static boolean mayChangeCard(Map<String, ?> before, Map<String, ?> after) {
        if (before == null || after == null) {
            return true;
        }
        if (!CatalogFields.ACTIVE.equals(before.get("status")) && !CatalogFields.ACTIVE.equals(after.get("status"))) {
            return false;
        }
        return changedFields(before, after).stream().anyMatch(CARD_FIELDS::contains);
    }

    /** Lists of {@code list} ordered or filtered by price (a model's: its starting price): {@code <list>:price}. */
    public static String byPrice(String list) {
        return list + ":price";
    }

    /**
     * The first page of a list of {@code list} ordered by price cheapest first, without a price band:
     * {@code <list>:price-falls}, which such a page carries instead of {@link #byPrice}. An item it does not show
     * is at least as dear as its last; dearer still, it stays out: only a price that falls (a model's starting
     * price: one of its variants' prices) can bring it in, and what the page shows carries its own item tags. A
     * later page or a band can also take in an item whose price rose, and a dearest-first order one whose price
     * rose, so they keep {@link #byPrice}. Named, besides {@code byPrice}, by a price edit that may lower a price
     * ({@link #variantUpdateLists}); in the bench's mix every price edit named ~8 price-ordered model lists.
     */
    public static String byPriceFalls(String list) {
        return list + ":price-falls";
    }

    /** Lists of {@code list} that carry no item tags (they did not fit the budget): {@code <list>:items}. */
    public static String untracked(String list) {
        return list + ":items";
    }

    /**
     * The list tags a variant update names, by the fields it changed ({@code changed}: the top-level fields
     * whose values differ before and after). Any field in {@link #VARIANT_LIST_FIELDS}: every variant list,
     * model list (their aggregates and fuel/transmission sets) and search. Otherwise every list that shows the
     * variant or its model carries the model's tag, which the event names anyway, so only the lists that may
     * not show it are named: those ordered or filtered by price when the price changed (the cheapest-first first
     * pages, {@link #byPriceFalls}, only when {@code priceMayFall}: the variant is shown and its price came down,
     * {@link #mayBecomeCheapest}, which also covers its model's starting price), and those without item tags
     * always.
     */
    public static List<String> variantUpdateLists(Collection<String> changed, boolean priceMayFall) {
        Set<String> lists = new LinkedHashSet<>();
        if (changed.stream().anyMatch(VARIANT_LIST_FIELDS::contains)) {
            return VARIANT_WRITE_LISTS;
        }
        if (changed.contains("price")) {
            lists.add(byPrice(VARIANTS));
            lists.add(byPrice(MODELS));
            if (priceMayFall) {
                lists.add(byPriceFalls(VARIANTS));
                lists.add(byPriceFalls(MODELS));
            }
        }
        if (changed.stream().anyMatch(field -> !BOOKKEEPING.contains(field))) {
            lists.addAll(List.of(untracked(VARIANTS), untracked(MODELS), untracked(SEARCH), untracked(PAGES)));
        }
        return List.copyOf(lists);
    }

    /** The top-level fields whose values differ between two versions of a document (bookkeeping included). */
    public static Set<String> changedFields(Map<String, ?> before, Map<String, ?> after) {
        Set<String> changed = new LinkedHashSet<>();
        for (String field : before.keySet()) {
            if (!after.containsKey(field) || !java.util.Objects.equals(before.get(field), after.get(field))) {
                changed.add(field);
            }
        }
        for (String field : after.keySet()) {
            if (!before.containsKey(field)) {
                changed.add(field);
            }
        }
        return changed;
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
