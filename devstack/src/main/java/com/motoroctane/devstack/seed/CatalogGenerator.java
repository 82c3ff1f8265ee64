package com.motoroctane.devstack.seed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;

/**
 * A deterministic, realistic Indian car catalogue in the previous system's document shapes
 * (previous-system.md §2). The same seed and size give byte-identical documents on every run:
 * nothing reads the clock, and every entity draws from its own seeded random source.
 *
 * <p>Models are planned up front as small records; model and variant documents are rendered on
 * demand, so even {@link Size#SCALE} (200,000 variants of ~200 fields) streams in constant memory.
 */
public final class CatalogGenerator {

    /** Requested catalogue size; the brand list is fixed (43 real brands) whatever the size. */
    public record Size(int models, int variantsPerModel) {
        public static final Size STANDARD = new Size(400, 20);
        public static final Size SCALE = new Size(10_000, 20);

        public Size {
            if (models < 1 || variantsPerModel < 1) {
                throw new IllegalArgumentException("Size needs at least one model and one variant per model");
            }
        }

        public long variants() {
            return (long) models * variantsPerModel;
        }
    }

    public static final long DEFAULT_SEED = 20251125L;
    /** ₹4 lakh to ₹3 crore, the range every variant price falls in. */
    public static final long MIN_PRICE = 400_000L;
    public static final long MAX_PRICE = 30_000_000L;

    /** The well-known rivalries go first among the curated comparisons. */
    private static final List<String[]> CLASSIC_RIVALS = List.of(
            new String[] {"Hyundai", "Creta", "Kia", "Seltos"},
            new String[] {"Tata", "Nexon", "Maruti Suzuki", "Brezza"},
            new String[] {"Maruti Suzuki", "Swift", "Hyundai", "Grand i10 Nios"},
            new String[] {"Maruti Suzuki", "Baleno", "Hyundai", "i20"},
            new String[] {"Mahindra", "XUV700", "Tata", "Safari"},
            new String[] {"Honda", "City", "Hyundai", "Verna"},
            new String[] {"Skoda", "Slavia", "Volkswagen", "Virtus"},
            new String[] {"Tata", "Punch", "Hyundai", "Exter"},
            new String[] {"Mahindra", "Thar", "Maruti Suzuki", "Jimny"},
            new String[] {"Maruti Suzuki", "Ertiga", "Kia", "Carens"},
            new String[] {"Maruti Suzuki", "Grand Vitara", "Toyota", "Urban Cruiser Hyryder"},
            new String[] {"Tata", "Harrier", "Mahindra", "XUV700"},
            new String[] {"Kia", "Sonet", "Hyundai", "Venue"},
            new String[] {"Maruti Suzuki", "Dzire", "Honda", "Amaze"},
            new String[] {"Toyota", "Fortuner", "MG", "Gloster"},
            new String[] {"Mercedes-Benz", "C-Class", "BMW", "3 Series"},
            new String[] {"BMW", "X5", "Audi", "Q7"},
            new String[] {"Tata", "Nexon EV", "Mahindra", "XUV400"});
    private static final int COMPARISONS = 36;
    private static final int INACTIVE_COMPARISONS = 2;

    private final long seed;
    private final Size size;
    private final Instant epoch;
    private final List<BrandSpec> brandSpecs = BrandTable.BRANDS;
    private final List<ModelPlan> plans;

    public CatalogGenerator(long seed, Size size) {
        this.seed = seed;
        this.size = size;
        // "createdAt" derives from the seed, never from the clock, so reruns write identical bytes.
        this.epoch = Instant.parse("2024-01-01T00:00:00Z").plus(Math.floorMod(seed, 366L), ChronoUnit.DAYS);
        this.plans = new ModelPlanner(seed, size, epoch, brandSpecs).plan();
    }

    public static CatalogGenerator standard() {
        return new CatalogGenerator(DEFAULT_SEED, Size.STANDARD);
    }

    public static CatalogGenerator scale() {
        return new CatalogGenerator(DEFAULT_SEED, Size.SCALE);
    }

    public long seed() {
        return seed;
    }

    public Size size() {
        return size;
    }

    public int brandCount() {
        return brandSpecs.size();
    }

    public int modelCount() {
        return plans.size();
    }

    public long variantCount() {
        return size.variants();
    }

    public List<Document> brands() {
        List<Document> docs = new ArrayList<>(brandSpecs.size());
        for (int i = 0; i < brandSpecs.size(); i++) {
            int brandIndex = i;
            List<ModelPlan> own = plans.stream().filter(p -> p.brandRanking() == brandIndex + 1).toList();
            docs.add(BrandDocuments.render(i, brandSpecs, own, seed, epoch));
        }
        return docs;
    }

    public Stream<Document> models() {
        return plans.stream().map(p -> ModelDocuments.render(p, seed));
    }

    /** Lazy: each model's line-up is drawn only when the stream reaches it. */
    public Stream<Document> variants() {
        return plans.stream().flatMap(p -> Lineup.of(p, seed).stream().map(slot -> VariantDocuments.render(p, slot, seed)));
    }

    /**
     * A few dozen curated pairs: the classic rivalries that exist in this catalogue, then each popular
     * model against its closest-priced rival of the same body type from another brand.
     */
    public List<Document> popularComparisons() {
        List<ModelPlan[]> pairs = comparisonPairs();
        List<Document> docs = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            Instant created = epoch.plus(30, ChronoUnit.DAYS).plusSeconds(i);
            String m1 = pairs.get(i)[0].id();
            String m2 = pairs.get(i)[1].id();
            docs.add(new Document("id", "comparison-" + m1 + "-" + m2 + "-" + created.toEpochMilli())
                    .append("model1Id", m1)
                    .append("model2Id", m2)
                    .append("order", i + 1)
                    .append("isActive", i < pairs.size() - INACTIVE_COMPARISONS)
                    .append("createdAt", Date.from(created))
                    .append("version", 1L));
        }
        return docs;
    }

    List<ModelPlan> plans() {
        return plans;
    }

    /** The demo news section; its articles link to this catalogue's models ({@link NewsDesk}). */
    public NewsDesk.News news() {
        return new NewsDesk(plans).build();
    }

    private List<ModelPlan[]> comparisonPairs() {
        Map<String, ModelPlan> byName = new LinkedHashMap<>();
        plans.stream().filter(ModelPlan::active).forEach(p -> byName.put(p.brand().name() + "|" + p.name(), p));
        Set<String> seen = new LinkedHashSet<>();
        List<ModelPlan[]> pairs = new ArrayList<>();
        for (String[] rival : CLASSIC_RIVALS) {
            ModelPlan a = byName.get(rival[0] + "|" + rival[1]);
            ModelPlan b = byName.get(rival[2] + "|" + rival[3]);
            if (a != null && b != null) {
                addPair(pairs, seen, a, b);
            }
        }
        List<ModelPlan> popular = plans.stream().filter(p -> p.popularRank() != null)
                .sorted(Comparator.comparing(ModelPlan::popularRank)).toList();
        for (ModelPlan p : popular) {
            if (pairs.size() >= COMPARISONS) {
                break;
            }
            closestRival(p).ifPresent(r -> addPair(pairs, seen, p, r));
        }
        return pairs.subList(0, Math.min(COMPARISONS, pairs.size()));
    }

    private Optional<ModelPlan> closestRival(ModelPlan p) {
        return plans.stream()
                .filter(o -> o.active() && o.brand().active() && o.brandRanking() != p.brandRanking()
                        && o.body().equals(p.body()))
                .min(Comparator.<ModelPlan>comparingLong(o -> Math.abs(o.entryPrice() - p.entryPrice()))
                        .thenComparingInt(ModelPlan::index));
    }

    private static void addPair(List<ModelPlan[]> pairs, Set<String> seen, ModelPlan a, ModelPlan b) {
        String key = a.index() < b.index() ? a.id() + "|" + b.id() : b.id() + "|" + a.id();
        if (seen.add(key)) {
            pairs.add(new ModelPlan[] {a, b});
        }
    }
}
