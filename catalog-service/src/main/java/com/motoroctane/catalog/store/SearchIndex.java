package com.motoroctane.catalog.store;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.motoroctane.catalog.config.CatalogConfig;
import com.motoroctane.common.catalog.CatalogFields;

/**
 * Typeahead over brand, model and variant names, held in memory: a case-insensitive substring match on
 * MongoDB cannot use an index, and the stand-in has no text search. The query is matched as a literal
 * string, never as a pattern.
 *
 * <p>Ranking: a name that starts with the query, then a word that starts with it, then any substring;
 * within each, popular first (brand ranking, model popular rank), then brands before models before
 * variants, then the shorter name.
 */
@ApplicationScoped
public class SearchIndex {

    /**
     * One result, in the shape the previous system's /api/search returned, plus {@code type} and {@code price}.
     * {@code brandId}/{@code modelId} are not shown; the response is tagged by them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String type, String id, String name, String brandName, String brandSlug, String modelSlug,
                      String slug, String heroImage, Long price, @JsonIgnore String brandId, @JsonIgnore String modelId) {
    }

    record Entry(Hit hit, String own, String display, int popularity, int typeOrder) {
    }

    public record Result(List<Hit> hits, int matched) {
    }

    private static final List<String> VARIANT_FIELDS = List.of("name", "modelId", "brandId", "price");

    private final Snapshot<List<Entry>> snapshot;
    private final CatalogStore store;

    public SearchIndex(CatalogStore store, CatalogConfig config) {
        this.store = store;
        this.snapshot = new Snapshot<>(config.cache().snapshotRefresh(), () -> load(store));
    }

    public void invalidate() {
        snapshot.invalidate();
    }

    /**
     * Re-reads these variants only (a variant write names them) and swaps their entries in: gone or hidden ones
     * leave, the rest are built from their model's entry, as a whole load would build them.
     */
    public void refreshVariants(Collection<String> variantIds) {
        if (variantIds.isEmpty()) {
            return;
        }
        snapshot.patch(current -> {
            Set<String> ids = Set.copyOf(variantIds);
            Map<String, Entry> models = new HashMap<>();
            List<Entry> entries = new ArrayList<>(current.size());
            for (Entry e : current) {
                if (e.typeOrder() == 1) {
                    models.put(e.hit().id(), e);
                }
                if (e.typeOrder() != 2 || !ids.contains(e.hit().id())) {
                    entries.add(e);
                }
            }
            for (Document v : store.find(CatalogStore.VARIANTS, in("id", ids), null, 0, VARIANT_FIELDS)) {
                Entry model = models.get(v.getString("modelId"));
                if (model != null) {
                    entries.add(variant(v, model.hit().name(), model));
                }
            }
            return List.copyOf(entries);
        });
    }

    /** Warms the index so the first typeahead request does not pay for building it. */
    public int size() {
        return snapshot.get().size();
    }

    public Result search(String query, int limit) {
        String q = query.toLowerCase(Locale.ROOT).trim();
        Comparator<Scored> order = Comparator.comparingInt(Scored::tier)
                .thenComparingInt(s -> s.entry().popularity())
                .thenComparingInt(s -> s.entry().typeOrder())
                .thenComparingInt(s -> s.entry().display().length())
                .thenComparing(s -> s.entry().hit().id());
        PriorityQueue<Scored> best = new PriorityQueue<>(order.reversed());
        int matched = 0;
        for (Entry e : snapshot.get()) {
            int tier = tier(e, q);
            if (tier < 0) {
                continue;
            }
            matched++;
            Scored s = new Scored(e, tier);
            if (best.size() < limit) {
                best.add(s);
            } else if (order.compare(s, best.peek()) < 0) {
                best.poll();
                best.add(s);
            }
        }
        List<Scored> sorted = new ArrayList<>(best);
        sorted.sort(order);
        return new Result(sorted.stream().map(s -> s.entry().hit()).toList(), matched);
    }

    private record Scored(Entry entry, int tier) {
    }

    private static int tier(Entry e, String q) {
        // a variant's own name ("VXi") is only meaningful after its model's, so it never ranks as a prefix hit
        if (e.display().startsWith(q) || (e.typeOrder() < 2 && e.own().startsWith(q))) {
            return 0;
        }
        if (e.display().contains(" " + q) || e.own().contains(" " + q)) {
            return 1;
        }
        return e.display().contains(q) || e.own().contains(q) ? 2 : -1;
    }

    private static List<Entry> load(CatalogStore store) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Document> brands = new HashMap<>();
        for (Document b : store.find(CatalogStore.BRANDS, empty(), null, 0, List.of("name", "slug", "logo", "ranking"))) {
            brands.put(b.getString("id"), b);
            String name = b.getString("name");
            entries.add(new Entry(new Hit("brand", b.getString("id"), name, name, b.getString("slug"), null,
                    b.getString("slug"), b.getString("logo"), null, b.getString("id"), null), lower(name), lower(name), intOr(b.get("ranking"), 500), 0));
        }
        for (Document m : store.find(CatalogStore.MODELS, empty(), null, 0,
                List.of("name", "slug", "brandId", "heroImage", "isPopular", "popularRank"))) {
            Document brand = brands.get(m.getString("brandId"));
            if (brand == null) {
                continue;
            }
            int popularity = Boolean.TRUE.equals(m.getBoolean("isPopular")) ? intOr(m.get("popularRank"), 900) : 1000;
            String display = brand.getString("name") + " " + m.getString("name");
            entries.add(new Entry(new Hit("model", m.getString("id"), display, brand.getString("name"),
                    brand.getString("slug"), m.getString("slug"), m.getString("slug"), m.getString("heroImage"), null,
                    brand.getString("id"), m.getString("id")),
                    lower(m.getString("name")), lower(display), popularity, 1));
        }
        Map<String, Entry> modelEntries = new HashMap<>();
        entries.stream().filter(e -> e.typeOrder() == 1).forEach(e -> modelEntries.put(e.hit().id(), e));
        for (Document v : store.find(CatalogStore.VARIANTS, empty(), null, 0, VARIANT_FIELDS)) {
            Entry model = modelEntries.get(v.getString("modelId"));
            if (model != null) {
                entries.add(variant(v, model.hit().name(), model));
            }
        }
        return List.copyOf(entries);
    }

    /** A variant's entry, built from its model's ({@code modelDisplay}: "Brand Model" as shown). */
    private static Entry variant(Document v, String modelDisplay, Entry model) {
        Hit m = model.hit();
        String display = modelDisplay + " " + v.getString("name");
        Object price = v.get("price");
        return new Entry(new Hit("variant", v.getString("id"), display, m.brandName(), m.brandSlug(), m.modelSlug(),
                CatalogFields.slug(v.getString("name")), m.heroImage(), price instanceof Number n ? n.longValue() : null,
                m.brandId(), m.modelId()),
                lower(v.getString("name")), lower(display), model.popularity(), 2);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static int intOr(Object value, int fallback) {
        return value instanceof Number n ? n.intValue() : fallback;
    }
}
