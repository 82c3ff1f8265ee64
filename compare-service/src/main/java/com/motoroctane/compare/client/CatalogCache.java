package com.motoroctane.compare.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.motoroctane.cache.InvalidationHook;
import com.motoroctane.common.cache.TagIndex;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.compare.config.CompareConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * compare-service's copy of what it reads most from catalog-service: models' and brands' own fields, each
 * model's cheapest active variant, and whole variant documents by id (a comparison's items). Every models-form comparison resolves its models through them and every build
 * reads its items' models and brands; without the copy that was ~4 calls to catalog-service per comparison
 * refreshed after a write (about 8,000 per 20 s of the bench mix, most answering what had not changed).
 *
 * <p>Each copy is tagged by what can change it, with the tags admin-service's events name (common {@link Tags}):
 * a model's or brand's own fields by {@code model-own:}/{@code brand-own:} (written only by that model's or brand's
 * own writes, which also hide or show it; a model also by its brand's), a cheapest variant by
 * {@code model-cheapest:<id>} (a write that may make another variant the cheapest), its own {@code variant:<id>}
 * and {@code brand-own:<brandId>} (the brand hidden), a whole variant by {@code variant:<id>} and its model's and
 * brand's own-fields tags. An event evicts what it names
 * before compare-service's response cache is evicted (the consumer runs hooks first), a full flush everything.
 * catalog-service applies the same event a moment earlier or later: a copy read in between may hold the old
 * answer, so {@link com.motoroctane.compare.events.ReEvict} evicts the event's tags here again, before the
 * comparisons, after the same delay. Only positive answers read by id are kept (a slug or a not-found is read
 * every time); a failed read is never kept.
 */
@ApplicationScoped
public class CatalogCache implements InvalidationHook {

    private record Held(JsonNode value, Set<String> tags) {
    }

    private final Cache<String, Held> held;
    /** Which copies carry each tag: an event visits those, not every copy held (up to max-entries, per event). */
    private final TagIndex index = new TagIndex();
    private final boolean enabled;
    private final Counter hits;
    private final Counter misses;

    public CatalogCache(CompareConfig config, MeterRegistry registry) {
        this.enabled = config.catalogCache().maxEntries() > 0;
        this.held = Caffeine.newBuilder().maximumSize(Math.max(1, config.catalogCache().maxEntries()))
                .expireAfterWrite(config.catalogCache().ttl())
                .removalListener((String key, Held copy, RemovalCause cause) -> {
                    if (key != null && copy != null) {
                        forget(key, copy);
                    }
                })
                .build();
        this.hits = registry.counter("compare.catalog.cache.requests", "result", "hit");
        this.misses = registry.counter("compare.catalog.cache.requests", "result", "miss");
    }

    /**
     * A model's own fields by id: {@code read} once, then the copy until {@code model-own:<id>} or its brand's
     * {@code brand-own:} is named (catalog-service shows a model only while its brand is shown).
     */
    JsonNode model(String id, Supplier<JsonNode> read) {
        return get("model/" + id, id, read, m -> Set.of(Tags.modelOwn(id), Tags.brandOwn(m.path("brandId").asText())));
    }

    /** A brand's own fields by id: {@code read} once, then the copy until {@code brand-own:<id>} is named. */
    JsonNode brand(String id, Supplier<JsonNode> read) {
        return get("brand/" + id, id, read, b -> Set.of(Tags.brandOwn(id)));
    }

    /** The copy of a model's own fields held for {@code id}, or null: nothing is read (counted as a hit when held). */
    JsonNode heldModel(String id) {
        return peek("model/" + id);
    }

    /** The copy of a brand's own fields held for {@code id}, or null: nothing is read (counted as a hit when held). */
    JsonNode heldBrand(String id) {
        return peek("brand/" + id);
    }

    /** The copy held under {@code key} (counted as a hit), or null; a miss is counted by whoever reads instead. */
    private JsonNode peek(String key) {
        Held copy = enabled ? held.getIfPresent(key) : null;
        if (copy == null) {
            return null;
        }
        hits.increment();
        return copy.value();
    }

    /**
     * A model's cheapest active variant (null: none, not kept), until a write may make another variant the
     * cheapest ({@code model-cheapest:<id>}) or this one is written ({@code variant:<id>}: its price, or hidden).
     */
    JsonNode cheapestVariant(String modelId, Supplier<JsonNode> read) {
        return get("cheapest/" + modelId, null, read, v -> Set.of(Tags.cheapest(modelId),
                Tags.variant(v.path("id").asText()), Tags.brandOwn(v.path("brandId").asText())));
    }

    /**
     * The whole variant documents held of {@code ids} (those not held are absent). Each is kept until it is written
     * ({@code variant:<id>}) or its model's or brand's own fields are ({@code model-own:}, {@code brand-own:}: hidden,
     * renamed): the tags of a comparison built from it.
     */
    Map<String, JsonNode> variants(Collection<String> ids) {
        Map<String, JsonNode> copies = new HashMap<>();
        if (!enabled) {
            return copies;
        }
        for (String id : ids) {
            JsonNode copy = peek("variant/" + id);
            if (copy != null) {
                copies.put(id, copy);
            } else {
                misses.increment();
            }
        }
        return copies;
    }

    /** Keeps a whole variant document read from catalog-service (see {@link #variants}). */
    void keepVariant(JsonNode variant) {
        String id = variant.path("id").asText();
        if (enabled && !id.isEmpty()) {
            keep("variant/" + id, new Held(variant, Set.of(Tags.variant(id), Tags.modelOwn(variant.path("modelId").asText()),
                    Tags.brandOwn(variant.path("brandId").asText()))));
        }
    }

    /**
     * The copy under {@code key}, else {@code read}'s answer, kept when it is not null and (with {@code id}) is the
     * document of that id (a slug read is not kept: its events name the id).
     */
    private JsonNode get(String key, String id, Supplier<JsonNode> read, java.util.function.Function<JsonNode, Set<String>> tags) {
        if (!enabled) {
            return read.get();
        }
        JsonNode copy = peek(key);
        if (copy != null) {
            return copy;
        }
        misses.increment();
        JsonNode value = read.get();
        if (value != null && (id == null || id.equals(value.path("id").asText()))) {
            keep(key, new Held(value, tags.apply(value)));
        }
        return value;
    }

    /**
     * Holds {@code copy} under {@code key}, its tags indexed first: an event evicting between the two finds the key
     * with nothing (or the copy before) held and leaves the index as it is, and one after it finds the copy; a copy
     * read before an event and kept after it is what {@link com.motoroctane.compare.events.ReEvict} evicts again.
     */
    private void keep(String key, Held copy) {
        index.add(key, copy.tags());
        held.put(key, copy);
    }

    /** The tags of a copy that left {@code key} leave the index, unless the copy now held carries them. */
    private void forget(String key, Held left) {
        index.remove(key, left.tags(), held.asMap(), Held::tags);
    }

    /** Drops every copy one of {@code tags} names (the index's keys only, not a pass over every copy). */
    public void evict(Collection<String> tags) {
        if (!tags.isEmpty() && held.estimatedSize() > 0) {
            index.evict(tags, held.asMap(), Held::tags);
        }
    }

    /** How many (tag, copy) pairs the index holds (for tests: it follows what is held). */
    long indexedPairs() {
        return index.pairs();
    }

    /** Runs the cache's pending maintenance (removals and their notifications) now (for tests). */
    void cleanUp() {
        held.cleanUp();
    }

    @Override
    public Set<String> beforeEvict(InvalidationEvent event, Set<String> tags) {
        evict(tags);
        return tags;
    }

    @Override
    public void beforeFlush() {
        held.invalidateAll();
    }
}
