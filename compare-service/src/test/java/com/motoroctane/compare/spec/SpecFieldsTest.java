package com.motoroctane.compare.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.devstack.seed.CatalogGenerator;

/** The field table against the schema, and the parser against what the seed catalogue really stores. */
class SpecFieldsTest {

    @Test
    void everyVariantFieldIsARowAnAliasOrDeliberatelyLeftOut() {
        List<String> placed = new ArrayList<>(SpecFields.NOT_COMPARED);
        SpecFields.FIELDS.forEach(f -> placed.addAll(f.sources()));
        Set<String> seen = new HashSet<>();
        placed.forEach(f -> assertTrue(seen.add(f), f + " is placed twice"));
        Set<String> missing = new TreeSet<>(CatalogFields.VARIANT);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing, "variant fields with no place in the spec table");
        Set<String> unknown = new TreeSet<>(seen);
        CatalogFields.VARIANT.forEach(unknown::remove);
        assertEquals(Set.of("onRoadPrice"), unknown, "only onRoadPrice is not a stored variant field");
    }

    @Test
    void groupsAreTheAgreedOnesAndNoneIsEmpty() {
        assertEquals(List.of("price", "engineTransmission", "fuelPerformance", "dimensionsCapacity",
                        "suspensionBrakesWheels", "safety", "comfort", "infotainment", "lighting", "exterior", "seating"),
                SpecFields.GROUPS.stream().map(SpecFields.Group::key).toList());
        for (SpecFields.Group g : SpecFields.GROUPS) {
            assertTrue(SpecFields.FIELDS.stream().anyMatch(f -> f.group().equals(g.key())), g.key());
        }
        List<String> groupOrder = SpecFields.FIELDS.stream().map(SpecField::group).distinct().toList();
        assertEquals(SpecFields.GROUPS.stream().map(SpecFields.Group::key).toList(), groupOrder,
                "rows of one group are contiguous and in group order");
        SpecFields.FIELDS.forEach(f -> {
            assertFalse(f.label().isBlank(), f.field());
            assertTrue(f.numeric() || f.better() == SpecField.Better.NONE, f.field() + ": a text row cannot have a best");
        });
    }

    /**
     * Every number-bearing value the demo catalogue stores reads as a number; what does not is one of
     * the stored words the parser must refuse ("Not Tested", "No") or a two-quantity tank.
     */
    @Test
    void seedCatalogueValuesParse() {
        Map<String, Set<String>> refused = new TreeMap<>();
        int parsed = 0;
        List<Document> variants = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED, new CatalogGenerator.Size(120, 20))
                .variants().toList();
        for (Document v : variants) {
            for (SpecField f : SpecFields.FIELDS) {
                if (!f.numeric()) {
                    continue;
                }
                for (String source : f.sources()) {
                    Object value = v.get(source);
                    if (SpecTable.absent(value)) {
                        continue;
                    }
                    if (SpecNumbers.parse(value, f.families()).isPresent()) {
                        parsed++;
                    } else {
                        refused.computeIfAbsent(source, k -> new TreeSet<>()).add(String.valueOf(value));
                    }
                }
            }
        }
        assertTrue(parsed > 10_000, "parsed " + parsed);
        assertEquals(Set.of("engineSpeed", "fuelTankCapacity", "globalNCAPRating", "infotainmentScreen"),
                refused.keySet(), "fields with refused values: " + refused);
        assertTrue(Set.of("CVT", "Single-Speed").containsAll(refused.get("engineSpeed")));
        assertTrue(refused.get("fuelTankCapacity").stream().allMatch(t -> t.contains(" + 60 litres CNG")));
        assertEquals(Set.of("Not Tested"), refused.get("globalNCAPRating"));
        assertEquals(Set.of("No"), refused.get("infotainmentScreen"));
    }

    /** Tables of real seed variants: a best is always a strict extreme of its row's numbers. */
    @Test
    void seedTablesKeepTheirPromises() {
        List<Map<String, Object>> variants = new ArrayList<>(new CatalogGenerator(CatalogGenerator.DEFAULT_SEED,
                new CatalogGenerator.Size(60, 8)).variants().toList());
        int bests = 0;
        for (int i = 0; i + 3 < variants.size(); i += 3) {
            // neighbours are trims of one model; i and the far end of the list are different models
            List<Map<String, Object>> items = List.of(variants.get(i), variants.get(i + 1), variants.get(i + 3),
                    variants.get(variants.size() - 1 - i));
            for (SpecGroup g : SpecTable.build(items, false)) {
                for (SpecRow r : g.rows()) {
                    if (r.best() == null) {
                        continue;
                    }
                    bests++;
                    assertTrue(r.different(), r.field());
                    double top = r.numbers().get(r.best());
                    SpecField f = SpecFields.FIELDS.stream().filter(x -> x.field().equals(r.field())).findFirst()
                            .orElseThrow();
                    for (int k = 0; k < items.size(); k++) {
                        Double other = r.numbers().get(k);
                        if (k != r.best() && other != null) {
                            assertTrue(f.better() == SpecField.Better.HIGHER ? top > other : top < other,
                                    r.field() + " " + r.values());
                        }
                    }
                }
            }
        }
        assertTrue(bests > 100, "bests " + bests);
    }
}
