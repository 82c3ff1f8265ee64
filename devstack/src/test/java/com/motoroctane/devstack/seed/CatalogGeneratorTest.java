package com.motoroctane.devstack.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.devstack.MongoStandIn;

class CatalogGeneratorTest {

    private static final List<String> FUELS = List.of("Petrol", "Diesel", "CNG", "Electric", "Hybrid");
    private static final List<String> TRANSMISSIONS = List.of("Manual", "Automatic", "AMT", "CVT", "DCT");
    private static final List<String> BODY_TYPES = List.of(
            "Hatchback", "Sedan", "SUV", "Compact SUV", "MUV", "Coupe", "Convertible", "Pickup");

    private static CatalogGenerator generator;
    private static List<Document> brands;
    private static List<Document> models;
    private static List<Document> variants;

    @BeforeAll
    static void generate() {
        generator = CatalogGenerator.standard();
        brands = generator.brands();
        models = generator.models().toList();
        variants = generator.variants().toList();
    }

    @Test
    void sameSeedGivesByteIdenticalDocumentsWhateverTheConsumptionOrder() {
        CatalogGenerator again = CatalogGenerator.standard();
        assertEquals(json(brands), json(again.brands()));
        assertEquals(json(models), json(again.models().toList()));
        assertEquals(json(generator.popularComparisons()), json(again.popularComparisons()));
        // Parallel consumption renders variants in an arbitrary order; per-entity seeding must not care.
        List<Document> second = again.variants().parallel().toList();
        assertEquals(variants.size(), second.size());
        for (int i = 0; i < variants.size(); i += 97) {
            assertEquals(variants.get(i).toJson(), second.get(i).toJson(), "variant " + i);
        }
        assertEquals(variants.get(0).toJson(), second.get(0).toJson());
        assertEquals(variants.get(variants.size() - 1).toJson(), second.get(second.size() - 1).toJson());
    }

    @Test
    void differentSeedGivesADifferentCatalogue() {
        CatalogGenerator other = new CatalogGenerator(7L, CatalogGenerator.Size.STANDARD);
        assertFalse(json(models).equals(json(other.models().toList())));
    }

    @Test
    void standardSizeCounts() {
        assertTrue(brands.size() >= 40, "brands: " + brands.size());
        assertEquals(400, models.size());
        assertEquals(8000, variants.size());
        assertEquals(8000, generator.variantCount());
        assertEquals(2, brands.stream().filter(b -> "inactive".equals(b.get("status"))).count());
        int comparisons = generator.popularComparisons().size();
        assertTrue(comparisons >= 24 && comparisons <= 48, "comparisons: " + comparisons);
    }

    @Test
    void everyDocumentHasExactlyTheSchemaFields() {
        brands.forEach(b -> assertEquals(new LinkedHashSet<>(CatalogFields.BRAND), b.keySet(), b.getString("id")));
        models.forEach(m -> assertEquals(new LinkedHashSet<>(CatalogFields.MODEL), m.keySet(), m.getString("id")));
        variants.forEach(v -> assertEquals(new LinkedHashSet<>(CatalogFields.VARIANT), v.keySet(), v.getString("id")));
    }

    @Test
    void everyVariantFieldIsFilledSomewhere() {
        // A field null in all 8,000 variants would mean the renderer forgot it.
        for (String field : CatalogFields.VARIANT) {
            assertTrue(variants.stream().anyMatch(v -> v.get(field) != null), field + " is never set");
        }
        for (String field : CatalogFields.MODEL) {
            if (!List.of("popularRank", "newRank", "topRank").contains(field)) {
                models.forEach(m -> assertNotNull(m.get(field), m.getString("id") + "." + field));
            }
        }
    }

    @Test
    void idsAreUniqueAndFollowThePreviousScheme() {
        assertUnique(brands);
        assertUnique(models);
        assertUnique(variants);
        assertUnique(generator.popularComparisons());
        brands.forEach(b -> assertEquals("brand-" + CatalogFields.slug(b.getString("name")), b.getString("id")));
        models.forEach(m -> assertEquals("model-" + m.getString("brandId") + "-" + CatalogFields.slug(m.getString("name")),
                m.getString("id")));
        variants.forEach(v -> assertEquals("variant-" + v.getString("brandId") + "-" + v.getString("modelId") + "-"
                + CatalogFields.slug(v.getString("name")), v.getString("id")));
        assertTrue(variants.stream().anyMatch(v -> v.getString("id").startsWith("variant-brand-tata-model-brand-tata-nexon-")));
    }

    @Test
    void namesAreUniqueWhereTheyMustBe() {
        Map<String, Set<String>> slugsByBrand = new HashMap<>();
        for (Document m : models) {
            assertEquals(CatalogFields.slug(m.getString("name")), m.getString("slug"));
            assertTrue(slugsByBrand.computeIfAbsent(m.getString("brandId"), k -> new HashSet<>()).add(m.getString("slug")),
                    "duplicate model slug " + m.getString("id"));
        }
        Map<String, Set<String>> namesByModel = new HashMap<>();
        for (Document v : variants) {
            assertTrue(namesByModel.computeIfAbsent(v.getString("modelId"), k -> new HashSet<>()).add(v.getString("name")),
                    "duplicate variant name " + v.getString("id"));
        }
    }

    @Test
    void referencesAreConsistent() {
        Map<String, Document> brandById = index(brands);
        Map<String, Document> modelById = index(models);
        for (Document m : models) {
            assertTrue(brandById.containsKey(m.getString("brandId")), m.getString("id"));
        }
        for (Document v : variants) {
            Document model = modelById.get(v.getString("modelId"));
            assertNotNull(model, "orphan variant " + v.getString("id"));
            assertEquals(model.getString("brandId"), v.getString("brandId"), v.getString("id"));
        }
        for (Document c : generator.popularComparisons()) {
            assertTrue(modelById.containsKey(c.getString("model1Id")), c.getString("id"));
            assertTrue(modelById.containsKey(c.getString("model2Id")), c.getString("id"));
            assertFalse(c.getString("model1Id").equals(c.getString("model2Id")), c.getString("id"));
        }
    }

    @Test
    void pricesAreRupeesInRangeAndRiseWithTheTrim() {
        for (Document v : variants) {
            Object price = v.get("price");
            assertTrue(price instanceof Long || price instanceof Integer, "price type " + price);
            long rupees = ((Number) price).longValue();
            assertTrue(rupees >= 400_000 && rupees <= 30_000_000, v.getString("id") + " " + rupees);
        }
        // Within a model, the variant list runs from base to top trim, so the last is dearer than the first.
        Map<String, List<Document>> byModel = variants.stream()
                .collect(Collectors.groupingBy(v -> v.getString("modelId")));
        byModel.forEach((model, list) -> assertTrue(
                ((Number) list.get(list.size() - 1).get("price")).longValue() > ((Number) list.get(0).get("price")).longValue(),
                model));
    }

    @Test
    void variantValuesAreRealistic() {
        for (Document v : variants) {
            String id = v.getString("id");
            assertTrue(FUELS.contains(v.getString("fuelType")), id);
            assertTrue(TRANSMISSIONS.contains(v.getString("transmission")), id);
            assertTrue(v.get("isValueForMoney") instanceof Boolean, id);
            assertTrue(List.of("active", "inactive").contains(v.getString("status")), id);
            assertTrue(v.getString("power").matches("\\d+ bhp( @ \\d+ rpm)?"), id + " " + v.get("power"));
            assertTrue(v.getString("torque").matches("\\d+ Nm( @ [\\d-]+ rpm)?"), id + " " + v.get("torque"));
            assertTrue(v.getString("airbags").matches("\\d+"), id);
            assertTrue(v.get("createdAt") instanceof Date, id);
            assertEquals(1L, v.get("version"), id);
            assertFalse(v.getList("highlightImages", Document.class).isEmpty(), id);
            if (v.getString("fuelType").equals("Electric")) {
                assertNull(v.get("displacement"), id);
                assertTrue(v.getString("evRange").matches("\\d+ km"), id);
                assertTrue(v.getString("evBatteryCapacity").matches("\\d+\\.\\d kWh"), id);
            } else {
                assertTrue(v.getString("displacement").matches("\\d{3,4} cc"), id);
                assertTrue(v.getString("mileageCompanyClaimed").matches("\\d+\\.\\d (kmpl|km/kg)"), id);
                assertNull(v.get("evRange"), id);
            }
        }
        long inactive = variants.stream().filter(v -> "inactive".equals(v.get("status"))).count();
        assertTrue(inactive > 80 && inactive < 500, "inactive variants: " + inactive);
    }

    @Test
    void modelFuelsAndGearboxesMatchItsVariants() {
        Map<String, List<Document>> byModel = variants.stream()
                .collect(Collectors.groupingBy(v -> v.getString("modelId")));
        for (Document m : models) {
            List<Document> own = byModel.get(m.getString("id"));
            assertNotNull(own, "model without variants " + m.getString("id"));
            assertEquals(Set.copyOf(m.getList("fuelTypes", String.class)),
                    own.stream().map(v -> v.getString("fuelType")).collect(Collectors.toSet()), m.getString("id"));
            assertEquals(Set.copyOf(m.getList("transmissions", String.class)),
                    own.stream().map(v -> v.getString("transmission")).collect(Collectors.toSet()), m.getString("id"));
        }
    }

    @Test
    void modelValuesAreRealistic() {
        for (Document m : models) {
            String id = m.getString("id");
            assertTrue(BODY_TYPES.contains(m.getString("bodyType")), id);
            assertTrue(List.of(2, 4, 5, 6, 7, 8).contains(m.getInteger("seating")), id);
            String launch = m.getString("launchDate");
            assertTrue(launch.matches("20(1[5-9]|2[0-6])-\\d{2}-\\d{2}"), id + " " + launch);
            assertTrue(m.getString("heroImage").startsWith("/uploads/"), id);
            for (String images : List.of("galleryImages", "keyFeatureImages", "spaceComfortImages",
                    "storageConvenienceImages", "colorImages")) {
                List<Document> list = m.getList(images, Document.class);
                assertFalse(list.isEmpty(), id + "." + images);
                list.forEach(img -> assertEquals(Set.of("url", "caption"), img.keySet(), id + "." + images));
            }
            m.getList("engineSummaries", Document.class).forEach(e -> assertEquals(
                    Set.of("title", "summary", "transmission", "power", "torque", "speed"), e.keySet(), id));
            m.getList("mileageData", Document.class).forEach(e -> assertEquals(
                    Set.of("engineName", "companyClaimed", "cityRealWorld", "highwayRealWorld"), e.keySet(), id));
            int faqs = m.getList("faqs", Document.class).size();
            assertTrue(faqs >= 3 && faqs <= 5, id);
            assertEquals(m.getBoolean("isPopular"), m.get("popularRank") != null, id);
            assertEquals(m.getBoolean("isNew"), m.get("newRank") != null, id);
        }
        assertRanks("popularRank", 0.12, 0.18);
        assertRanks("newRank", 0.08, 0.12);
        long inactive = models.stream().filter(m -> "inactive".equals(m.get("status"))).count();
        assertTrue(inactive >= 4 && inactive <= 24, "inactive models: " + inactive);
        List<String> names = models.stream().map(m -> m.getString("name")).toList();
        assertTrue(names.containsAll(List.of("Swift", "Baleno", "Creta", "Nexon", "XUV700", "Seltos", "Fortuner", "City")));
    }

    @Test
    void brandsCarryWhatTheApiNeeds() {
        Set<Integer> rankings = new HashSet<>();
        for (Document b : brands) {
            String id = b.getString("id");
            assertTrue(rankings.add(b.getInteger("ranking")), id);
            assertEquals("/uploads/brands/" + b.getString("slug") + ".webp", b.getString("logo"));
            for (String marker : BrandDocuments.SUMMARY_MARKERS) {
                assertTrue(b.getString("summary").contains(marker), id + " lacks " + marker);
            }
            int faqs = b.getList("faqs", Document.class).size();
            assertTrue(faqs >= 3 && faqs <= 5, id);
            b.getList("faqs", Document.class).forEach(f -> assertEquals(Set.of("question", "answer"), f.keySet()));
            assertTrue(b.get("createdAt") instanceof Date, id);
        }
        assertEquals(brands.size(), rankings.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    @Test
    void scaleSizePlansUniqueModelNamesWithoutRenderingVariants() {
        CatalogGenerator scale = CatalogGenerator.scale();
        assertEquals(10_000, scale.modelCount());
        assertEquals(200_000, scale.variantCount());
        List<Document> scaleModels = scale.models().toList();
        assertUnique(scaleModels);
        assertEquals(scaleModels.size(), scaleModels.stream().map(m -> m.getString("brandId") + "/" + m.getString("slug"))
                .distinct().count());
    }

    /**
     * Idempotency does not depend on size, and the in-memory server takes ~10 s per STANDARD pass on a
     * small machine, so this seeds a smaller catalogue from the same seed twice.
     */
    @Test
    void seedingTwiceNeverDuplicates() {
        CatalogGenerator small = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED, new CatalogGenerator.Size(120, 10));
        long comparisons = small.popularComparisons().size();
        try (MongoStandIn mongo = MongoStandIn.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("seedtest");
            List<String> log = new ArrayList<>();
            CatalogSeeder seeder = new CatalogSeeder(db, log::add);

            CatalogSeeder.SeedReport first = seeder.seed(small);
            assertCounts(db, first, small.brandCount(), 120, 1200, comparisons);
            assertTrue(log.contains("variants: inserting 1200"), String.join("\n", log));
            assertTrue(log.stream().anyMatch(l -> l.startsWith("variants: 1200/1200 (")), String.join("\n", log));

            CatalogSeeder.SeedReport second = seeder.seed(
                    new CatalogGenerator(CatalogGenerator.DEFAULT_SEED, new CatalogGenerator.Size(120, 10)));
            assertCounts(db, second, small.brandCount(), 120, 1200, comparisons);
            assertTrue(log.contains("variants: upserting 1200"), String.join("\n", log));

            Document generated = small.variants().skip(123).findFirst().orElseThrow();
            Document stored = db.getCollection("variants").find(new Document("id", generated.getString("id"))).first();
            assertNotNull(stored);
            stored.remove("_id");
            assertEquals(generated.toJson(), stored.toJson());
            for (String name : List.of("brands", "models", "variants", "popularcomparisons")) {
                assertTrue(db.getCollection(name).listIndexes().into(new ArrayList<>()).stream()
                        .anyMatch(i -> Boolean.TRUE.equals(i.get("unique")) && ((Document) i.get("key")).containsKey("id")),
                        name + " lacks the unique id index");
            }
        }
    }

    private static void assertCounts(MongoDatabase db, CatalogSeeder.SeedReport report, long brandCount, long modelCount,
                                     long variantCount, long comparisonCount) {
        assertEquals(List.of(brandCount, modelCount, variantCount, comparisonCount),
                List.of(report.brands(), report.models(), report.variants(), report.popularComparisons()));
        assertEquals(List.of(brandCount, modelCount, variantCount, comparisonCount), List.of(
                db.getCollection("brands").countDocuments(), db.getCollection("models").countDocuments(),
                db.getCollection("variants").countDocuments(), db.getCollection("popularcomparisons").countDocuments()));
    }

    private static void assertRanks(String field, double minShare, double maxShare) {
        List<Integer> ranks = models.stream().map(m -> m.getInteger(field)).filter(r -> r != null).sorted().toList();
        double share = ranks.size() / (double) models.size();
        assertTrue(share >= minShare && share <= maxShare, field + " share " + share);
        for (int i = 0; i < ranks.size(); i++) {
            assertEquals(i + 1, ranks.get(i), field + " must run 1..k without gaps or repeats");
        }
    }

    private static void assertUnique(List<Document> docs) {
        Set<String> seen = new HashSet<>();
        for (Document d : docs) {
            if (!seen.add(d.getString("id"))) {
                fail("duplicate id " + d.getString("id"));
            }
        }
    }

    private static Map<String, Document> index(List<Document> docs) {
        return docs.stream().collect(Collectors.toMap(d -> d.getString("id"), Function.identity()));
    }

    private static List<String> json(List<Document> docs) {
        return docs.stream().map(Document::toJson).toList();
    }
}
