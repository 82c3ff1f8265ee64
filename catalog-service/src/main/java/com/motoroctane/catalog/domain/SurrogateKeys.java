package com.motoroctane.catalog.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.motoroctane.common.cache.Tags;

/**
 * The surrogate keys (cache tags) of a response: the lists it belongs to, the document it shows, and the
 * brands and models of what it shows. The same keys index the entry in L1 and L2 and leave in the
 * {@code Surrogate-Key} header for the gateway and a CDN, so they must stay small: a list of 100 variants
 * tagged with every variant id was 10 KB, more than a proxy accepts for all headers together.
 *
 * <p>So lists, search results and bundles are tagged coarsely: their list name plus the brand and model
 * of each item, never each item. Every invalidation event for a variant or model names its model (and for a
 * brand, the brand), so such an event still reaches every page showing the item. A variant's item is tagged by its
 * model's {@code model:} tag, a model's item by its card tag {@code model-card:} ({@link Tags#card}: its own fields
 * and its variants' summary, which a variant write names only when it may change that summary), and both by their
 * brand's own-fields tag {@code brand-own:} (the card shows the brand's name, nothing its other models decide), so
 * a write of another model of the brand, or of one of its variants, which names {@code brand:<id>}, leaves the
 * list alone; a brand's item keeps {@code brand:<id>}. The
 * tag spelling and which parents an item is tagged by are {@link Tags}, shared with admin-service's events. If
 * the tags would pass the budget, model tags go first and every item's brand is tagged {@code brand:<id>}
 * instead (which every event about a model or variant of the brand names, so it still reaches every item), then
 * brand tags, and then the list is marked {@link Tags#untracked untracked} ({@code models:items}), which every
 * event about an item of that kind names. The list names and {@link #keep kept} tags (a list's price dimension,
 * the parent it is filtered by) always stay.
 */
final class SurrogateKeys {

    /** Fields a projected read must also fetch so its items can be tagged by their parents. */
    static final List<String> PARENT_FIELDS = List.of("brandId", "modelId");

    private final Set<String> lists = new LinkedHashSet<>();
    private final Set<String> kept = new LinkedHashSet<>();
    private final Set<String> own = new LinkedHashSet<>();
    /** {@code brand:} of brand items; {@code brand-own:} of the other items' brands, while their model tags fit. */
    private final Set<String> brands = new LinkedHashSet<>();
    private final Set<String> brandOwns = new LinkedHashSet<>();
    /** {@code brand:} of every item's brand: what stands for them all once the model tags are dropped. */
    private final Set<String> everyBrand = new LinkedHashSet<>();
    private final Set<String> models = new LinkedHashSet<>();
    /** {@code variant:} of the {@link #hit variants shown on their own}, and their models' {@code model:} standing in for them. */
    private final Set<String> variants = new LinkedHashSet<>();
    private final Set<String> variantModels = new LinkedHashSet<>();

    SurrogateKeys(String... lists) {
        this.lists.addAll(List.of(lists));
    }

    /** A tag the response keeps whatever the budget: {@link Tags#byPrice}, or the parent a list is filtered by. */
    SurrogateKeys keep(String tag) {
        if (tag != null) {
            kept.add(tag);
        }
        return this;
    }

    /** Tags an item of a list or bundle by its parents (a brand by itself, a model also by itself). */
    SurrogateKeys item(String entity, Document doc) {
        Tags.Parents parents = Tags.parents(entity, doc);
        return item(entity, parents.brandId(), parents.modelId());
    }

    /** Tags an item {@code entity} of brand {@code brandId} and model {@code modelId} (null: none). */
    SurrogateKeys item(String entity, String brandId, String modelId) {
        brand(brandId, Tags.BRAND.equals(entity) || modelId == null);
        if (modelId != null) {
            // a model is shown as a card (its own fields and its variants' summary), a variant within its model
            models.add(Tags.MODEL.equals(entity) ? Tags.card(modelId) : Tags.model(modelId));
        }
        return this;
    }

    /**
     * Tags a search hit: a variant by its own tag (the hit shows its own fields and its model's and brand's names, whose
     * writes name the {@code search} list anyway), so a write of a sibling, which names {@code model:<id>}, leaves the
     * results alone; if the tags would pass the budget, its model's {@code model:} tag stands for it, as on other
     * lists. A brand or model hit is tagged as a list item ({@link #item}).
     */
    SurrogateKeys hit(String entity, String id, String brandId, String modelId) {
        if (!Tags.VARIANT.equals(entity) || id == null || modelId == null) {
            return item(entity, brandId, modelId);
        }
        brand(brandId, false);
        variants.add(Tags.variant(id));
        variantModels.add(Tags.model(modelId));
        return this;
    }

    /** An item's brand: by its whole tag ({@code whole}: a brand's item, or one without a model) or its own fields'. */
    private void brand(String brandId, boolean whole) {
        if (brandId != null) {
            everyBrand.add(Tags.brand(brandId));
            if (whole) {
                brands.add(Tags.brand(brandId));
            } else {
                brandOwns.add(Tags.brandOwn(brandId));
            }
        }
    }

    /**
     * Tags the one document a response shows: its own key, which a detail response never loses (a model's: its card
     * tag, the model shown with its variants' summary), and its parents'.
     */
    SurrogateKeys document(String entity, Document doc) {
        String id = doc.getString("id");
        if (id != null) {
            own.add(Tags.MODEL.equals(entity) ? Tags.card(id) : Tags.of(entity, id));
        }
        return item(entity, doc);
    }

    /**
     * Tags a detail response that shows one document's stored fields (no lists, no bundle): a variant by its own
     * key, a brand or a model by its own-fields tag ({@link Tags#own}), and each by its parents' own-fields tags.
     * What such a response shows changes only with the document itself, and whether it is shown (a 404 once a
     * parent is hidden or gone) only with its parents' own writes, which name those tags; a sibling's write names
     * the parents' {@code model:}/{@code brand:} tags and leaves it alone. A model shown with aggregates of its
     * variants ({@code showsVariants}: its price range, count) is tagged by its card tag {@link Tags#card}, which a
     * variant write names when it may change them.
     */
    SurrogateKeys detail(String entity, Document doc, boolean showsVariants) {
        String id = doc.getString("id");
        if (id != null) {
            own.add(Tags.VARIANT.equals(entity) ? Tags.of(entity, id)
                    : Tags.MODEL.equals(entity) && showsVariants ? Tags.card(id) : Tags.own(entity, id));
        }
        Tags.Parents parents = Tags.parents(entity, doc);
        if (parents.brandId() != null && !Tags.BRAND.equals(entity)) {
            own.add(Tags.brandOwn(parents.brandId()));
        }
        if (parents.modelId() != null && Tags.VARIANT.equals(entity)) {
            own.add(Tags.modelOwn(parents.modelId()));
        }
        return this;
    }

    /** The keys, space-separated, at most {@code budget} bytes unless the list names and own key alone are longer. */
    String header(int budget) {
        String all = join(lists, kept, own, brands, brandOwns, models, variants);
        if (bytes(all) <= budget) {
            return all;
        }
        String byModel = join(lists, kept, own, brands, brandOwns, models, variantModels);
        if (!variants.isEmpty() && bytes(byModel) <= budget) {
            return byModel;
        }
        String brandsOnly = join(lists, kept, own, everyBrand);
        if (bytes(brandsOnly) <= budget) {
            return brandsOnly;
        }
        Set<String> untracked = new LinkedHashSet<>();
        lists.forEach(list -> untracked.add(Tags.untracked(list)));
        return join(lists, untracked, kept, own);
    }

    private static int bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @SafeVarargs
    private static String join(Set<String>... groups) {
        Set<String> keys = new LinkedHashSet<>();
        for (Set<String> group : groups) {
            keys.addAll(group);
        }
        return String.join(" ", keys);
    }
}
