package com.motoroctane.catalog.store;

import static com.mongodb.client.model.Filters.empty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.motoroctane.catalog.config.CatalogConfig;

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

    private final Snapshot<List<Entry>> snapshot;

    public SearchIndex(CatalogStore store, CatalogConfig config) {
        this.snapshot = new Snapshot<>(config.cache().snapshotRefresh(), () -> load(store));
    }

    public void invalidate() {
        snapshot.invalidate();
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
        Map<String, Document> models = new HashMap<>();
        Map<String, Integer> modelPopularity = new HashMap<>();
        for (Document m : store.find(CatalogStore.MODELS, empty(), null, 0,
                List.of("name", "slug", "brandId", "heroImage", "isPopular", "popularRank"))) {
            Document brand = brands.get(m.getString("brandId"));
            if (brand == null) {
                continue;
            }
            models.put(m.getString("id"), m);
            int popularity = Boolean.TRUE.equals(m.getBoolean("isPopular")) ? intOr(m.get("popularRank"), 900) : 1000;
            modelPopularity.put(m.getString("id"), popularity);
            String display = brand.getString("name") + " " + m.getString("name");
            entries.add(new Entry(new Hit("model", m.getString("id"), display, brand.getString("name"),
                    brand.getString("slug"), m.getString("slug"), m.getString("slug"), m.getString("heroImage"), null,
                    brand.getString("id"), m.getString("id")),
                    lower(m.getString("name")), lower(display), popularity, 1));
        }
        for (Document v : store.find(CatalogStore.VARIANTS, empty(), null, 0, List.of("name", "modelId", "brandId", "price"))) {
            Document model = models.get(v.getString("modelId"));
            if (model == null) {
                continue;
            }
            Document brand = brands.get(model.getString("brandId"));
            String display = brand.getString("name") + " " + model.getString("name") + " " + v.getString("name");
            Object price = v.get("price");
            entries.add(new Entry(new Hit("variant", v.getString("id"), display, brand.getString("name"),
                    brand.getString("slug"), model.getString("slug"), com.motoroctane.common.catalog.CatalogFields.slug(v.getString("name")),
                    model.getString("heroImage"), price instanceof Number n ? n.longValue() : null,
                    brand.getString("id"), model.getString("id")),
                    lower(v.getString("name")), lower(display), modelPopularity.getOrDefault(model.getString("id"), 1000), 2));
        }
        return List.copyOf(entries);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static int intOr(Object value, int fallback) {
        return value instanceof Number n ? n.intValue() : fallback;
    }
}
