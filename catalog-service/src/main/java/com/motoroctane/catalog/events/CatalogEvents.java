package com.motoroctane.catalog.events;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.cache.InvalidationConsumer;
import com.motoroctane.cache.InvalidationHook;
import com.motoroctane.catalog.store.BrandNames;
import com.motoroctane.catalog.store.ModelBodyTypes;
import com.motoroctane.catalog.store.ModelSummaries;
import com.motoroctane.catalog.store.SearchIndex;
import com.motoroctane.catalog.store.Visibility;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.common.news.NewsFields;

/**
 * catalog-service's part of applying admin-service's invalidation events (the stream itself is read by
 * response-cache's {@link InvalidationConsumer}): before the cache is evicted, the visibility sets, price
 * summaries, body types and search index are refreshed, so a reload the eviction triggers already sees the change.
 */
@ApplicationScoped
public class CatalogEvents implements InvalidationHook {

    /** The lists a brand's or model's children appear in, and the counts of them. */
    static final List<String> VISIBILITY_CHANGED = List.of(Tags.MODELS, Tags.VARIANTS, Tags.SEARCH, Tags.PAGES, Tags.STATS);

    private final ModelSummaries summaries;
    private final ModelBodyTypes bodyTypes;
    private final BrandNames brands;
    private final SearchIndex search;
    private final Visibility visibility;

    public CatalogEvents(ModelSummaries summaries, ModelBodyTypes bodyTypes, BrandNames brands, SearchIndex search,
                         Visibility visibility) {
        this.summaries = summaries;
        this.bodyTypes = bodyTypes;
        this.brands = brands;
        this.search = search;
        this.visibility = visibility;
    }

    /** A variant event naming more variants than this (a bulk write, an import) rebuilds the views whole. */
    static final int PATCH_LIMIT = 500;

    @Override
    public Set<String> beforeEvict(InvalidationEvent event, Set<String> tags) {
        if ((Tags.BRAND.equals(event.entity()) || Tags.MODEL.equals(event.entity())) && visibility.refresh()) {
            // a parent was hidden or shown: its children join or leave lists that never carried its tag
            tags.addAll(VISIBILITY_CHANGED);
        }
        Set<String> models = modelsOf(event);
        if (Tags.VARIANT.equals(event.entity()) && event.ids() != null && !models.isEmpty()
                && event.ids().size() <= PATCH_LIMIT) {
            // only what the written variants (and the models they left or joined) show changes: patched here, on
            // the event's thread, so readers never wait for a rebuild after the frequent writes
            summaries.refreshModels(models);
            search.refreshVariants(event.ids());
        } else if (touchesCatalogue(event)) {
            // rare (a brand or model write, a bulk write): the next reader rebuilds them with what is now visible
            summaries.invalidate();
            bodyTypes.invalidate();
            brands.invalidate();
            search.invalidate();
        }
        return tags;
    }

    @Override
    public void beforeFlush() {
        visibility.refresh();
        summaries.invalidate();
        bodyTypes.invalidate();
        brands.invalidate();
        search.invalidate();
    }

    /** The models an event names, in its {@code modelIds} or as {@code model:<id>} tags. */
    private static Set<String> modelsOf(InvalidationEvent event) {
        Set<String> models = new java.util.LinkedHashSet<>();
        if (event.modelIds() != null) {
            models.addAll(event.modelIds());
        }
        String prefix = Tags.model("");
        if (event.surrogateKeys() != null) {
            event.surrogateKeys().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                    .forEach(models::add);
        }
        return models;
    }

    /** Comparison, news and media events change nothing the summaries or the search index hold. */
    private static boolean touchesCatalogue(InvalidationEvent event) {
        return !UNRELATED.contains(String.valueOf(event.entity()));
    }

    private static final Set<String> UNRELATED = Set.of(Tags.COMPARISON, Tags.MEDIA, Tags.ARTICLE,
            NewsFields.CATEGORY_ENTITY, NewsFields.TAG_ENTITY, NewsFields.AUTHOR_ENTITY);
}
