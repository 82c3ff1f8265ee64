package com.motoroctane.devstack.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.devstack.seed.ModelPlan.Powertrain;

/**
 * A model's variant line-up: which trim, powertrain and edition each variant is, and its name.
 * Drawn from the model's own random source, so it is the same whenever the model's variants are
 * rendered, and names (slugs, in fact) are unique within the model by construction.
 */
final class Lineup {

    /** One variant's place in the line-up; {@code edition} is null for the regular trims. */
    record Slot(int position, String name, String slug, int trimIndex, int trimCount, int powertrainIndex,
                Powertrain powertrain, String edition) {

        /** 0 for the base trim, 1 for the top one. */
        double trimPosition() {
            return trimCount == 1 ? 1.0 : trimIndex / (trimCount - 1.0);
        }
    }

    private record Candidate(int trim, int powertrain, int editionOrder, String edition) {
    }

    private Lineup() {
    }

    static List<Slot> of(ModelPlan plan, long seed) {
        Rng rng = Rng.of(seed, Rng.LINEUP, plan.index());
        List<String> trims = trims(plan.brand().trims(), rng);
        List<Powertrain> powertrains = plan.powertrains();
        Map<String, Candidate> picked = new LinkedHashMap<>();
        int want = plan.variantCount();

        // Each powertrain first, so the model's fuelTypes/transmissions are exactly its variants'.
        for (int p = 0; p < powertrains.size(); p++) {
            int half = trims.size() / 2;
            int trim = p == 0 || powertrains.get(p).transmission().equals("Manual")
                    ? rng.between(0, Math.max(0, half - 1)) : rng.between(half, trims.size() - 1);
            offer(picked, plan, trims, new Candidate(trim, p, -1, null), want);
        }
        List<Candidate> core = new ArrayList<>();
        for (int t = 0; t < trims.size(); t++) {
            for (int p = 0; p < powertrains.size(); p++) {
                core.add(new Candidate(t, p, -1, null));
            }
        }
        rng.shuffled(core).forEach(c -> offer(picked, plan, trims, c, want));

        // Special editions mostly dress up the upper half of the range.
        List<Candidate> editions = new ArrayList<>();
        List<String> editionNames = rng.shuffled(Names.EDITIONS);
        for (int e = 0; e < editionNames.size(); e++) {
            for (int t = 0; t < trims.size(); t++) {
                for (int p = 0; p < powertrains.size(); p++) {
                    editions.add(new Candidate(t, p, e, editionNames.get(e)));
                }
            }
        }
        List<Candidate> shuffled = new ArrayList<>(rng.shuffled(editions));
        shuffled.sort(Comparator.comparingInt(c -> 2 * c.trim < trims.size() - 1 ? 1 : 0));
        shuffled.forEach(c -> offer(picked, plan, trims, c, want));

        // Only tiny ladders with huge requested line-ups get here.
        for (int n = 2; picked.size() < want; n++) {
            for (int t = 0; t < trims.size(); t++) {
                for (int p = 0; p < powertrains.size(); p++) {
                    offer(picked, plan, trims, new Candidate(t, p, 1000 + n, "Edition " + n), want);
                }
            }
        }

        List<Map.Entry<String, Candidate>> ordered = new ArrayList<>(picked.entrySet());
        ordered.sort(Comparator.<Map.Entry<String, Candidate>>comparingInt(e -> e.getValue().trim)
                .thenComparingInt(e -> e.getValue().powertrain)
                .thenComparingInt(e -> e.getValue().editionOrder));
        List<Slot> slots = new ArrayList<>(ordered.size());
        for (Map.Entry<String, Candidate> e : ordered) {
            Candidate c = e.getValue();
            slots.add(new Slot(slots.size(), name(plan, trims, c), e.getKey(), c.trim, trims.size(), c.powertrain,
                    powertrains.get(c.powertrain), c.edition));
        }
        return slots;
    }

    /** A model rarely sells the brand's whole ladder: long ladders lose a trim at either end now and then. */
    private static List<String> trims(List<String> ladder, Rng rng) {
        int lo = 0;
        int hi = ladder.size();
        if (hi - lo >= 5 && rng.chance(0.5)) {
            lo++;
        }
        if (hi - lo >= 5 && rng.chance(0.3)) {
            hi--;
        }
        return ladder.subList(lo, hi);
    }

    private static void offer(Map<String, Candidate> picked, ModelPlan plan, List<String> trims, Candidate c, int want) {
        if (picked.size() < want) {
            picked.putIfAbsent(CatalogFields.slug(name(plan, trims, c)), c);
        }
    }

    /** "VXi AMT", "ZXi Plus Dual Tone", "XZ Plus Diesel AT": fuel only when not the model's main one. */
    private static String name(ModelPlan plan, List<String> trims, Candidate c) {
        Powertrain p = plan.powertrains().get(c.powertrain);
        StringBuilder name = new StringBuilder(trims.get(c.trim));
        if (!p.fuel().equals(plan.primaryFuel())) {
            name.append(' ').append(p.fuel());
        }
        if (plan.transmissions(p.fuel()).size() > 1 && !p.nameToken().isEmpty()) {
            name.append(' ').append(p.nameToken());
        }
        if (c.edition != null) {
            name.append(' ').append(c.edition);
        }
        return name.toString();
    }
}
