package com.motoroctane.devstack.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.motoroctane.common.catalog.CatalogFields;

/** Renders a brand document with every field of {@link CatalogFields#BRAND}. */
final class BrandDocuments {

    /** The API splits the summary on exactly these markers (previous-system.md §3, /api/brands/:id/formatted). */
    static final List<String> SUMMARY_MARKERS = List.of(
            "Start of operations in India:", "Market Share:", "Key Aspects:", "Competitors:");

    private BrandDocuments() {
    }

    static Document render(int index, List<BrandSpec> brands, List<ModelPlan> brandModels, long seed, Instant epoch) {
        BrandSpec brand = brands.get(index);
        Rng rng = Rng.of(seed, Rng.BRAND, index);
        String slug = CatalogFields.slug(brand.name());
        Map<String, Object> b = new HashMap<>();
        b.put("id", "brand-" + slug);
        b.put("name", brand.name());
        b.put("slug", slug);
        b.put("logo", "/uploads/brands/" + slug + ".webp");
        b.put("ranking", index + 1);
        b.put("status", brand.active() ? CatalogFields.ACTIVE : "inactive");
        b.put("summary", summary(brand, brands, brandModels));
        b.put("faqs", faqs(brand, brandModels, rng));
        b.put("createdAt", Date.from(epoch.plusSeconds(60L * index)));
        b.put("version", 1L);
        return Docs.ordered("brand", CatalogFields.BRAND, b);
    }

    private static String summary(BrandSpec brand, List<BrandSpec> brands, List<ModelPlan> models) {
        String name = brand.name();
        List<String> known = models.stream().limit(4).map(ModelPlan::name).toList();
        Set<String> bodies = new LinkedHashSet<>();
        Set<String> fuels = new LinkedHashSet<>();
        models.forEach(m -> {
            bodies.add(m.body().name());
            fuels.addAll(m.fuelTypes());
        });
        String lineup = models.isEmpty() ? "" : " Its Indian line-up of " + models.size() + " models includes the "
                + Docs.join(known) + ".";
        String exit = brand.active() ? ""
                : " It has since stopped selling new cars in India but still supports existing owners through its service network.";
        return name + " is a " + brand.origin() + " carmaker positioned in the " + tierLabel(brand.tier())
                + " segment of the Indian market." + lineup
                + "\n\nStart of operations in India: " + name + " began selling cars in India in " + brand.indiaSince()
                + "." + exit
                + "\n\nMarket Share: " + name + " holds roughly " + share(brand.marketShare())
                + " of India's passenger-vehicle market."
                + "\n\nKey Aspects: " + (bodies.isEmpty() ? "" : "It sells " + Docs.join(List.copyOf(bodies))
                + " models with " + Docs.join(List.copyOf(fuels)) + " powertrains. ")
                + keyAspect(brand)
                + "\n\nCompetitors: " + name + " competes mainly with " + Docs.join(competitors(brand, brands)) + ".";
    }

    private static String tierLabel(Tier tier) {
        return switch (tier) {
            case BUDGET -> "budget";
            case MID -> "mass-market";
            case PREMIUM -> "premium";
            case LUXURY -> "luxury";
            case ULTRA -> "ultra-luxury and performance";
        };
    }

    private static String share(double percent) {
        return percent < 0.01 ? "less than 0.01%" : String.format(Locale.ROOT, "%.2f%%", percent);
    }

    private static String keyAspect(BrandSpec brand) {
        return switch (brand.tier()) {
            case BUDGET -> "Buyers value its low running costs, affordable spares and wide service reach.";
            case MID -> "It is known for feature-rich cars, strong safety kit and a broad dealer network.";
            case PREMIUM -> "It focuses on design, technology and a premium ownership experience.";
            case LUXURY -> "Its cars are locally assembled where possible, which keeps prices competitive for the segment.";
            case ULTRA -> "Cars are largely imported as completely built units and heavily personalised to order.";
        };
    }

    /** The nearest brands of the same tier in ranking order. */
    private static List<String> competitors(BrandSpec brand, List<BrandSpec> brands) {
        List<String> out = new ArrayList<>();
        for (BrandSpec other : brands) {
            if (other != brand && other.tier() == brand.tier() && other.active() && out.size() < 3) {
                out.add(other.name());
            }
        }
        if (out.isEmpty()) {
            brands.stream().filter(o -> o != brand && o.active()).limit(3).forEach(o -> out.add(o.name()));
        }
        return out;
    }

    private static List<Document> faqs(BrandSpec brand, List<ModelPlan> models, Rng rng) {
        String name = brand.name();
        long cheapest = models.stream().mapToLong(ModelPlan::entryPrice).min().orElse(brand.tier().entryFloor);
        String popular = models.stream().filter(m -> m.popularRank() != null).map(ModelPlan::name).findFirst()
                .orElse(models.isEmpty() ? name : models.get(0).name());
        boolean electric = models.stream().anyMatch(ModelPlan::electric);
        List<Document> all = List.of(
                Docs.faq("What is the starting price of " + name + " cars in India?",
                        name + " cars start at around " + Docs.rupees(cheapest) + " (ex-showroom)."),
                Docs.faq("Which is the most popular " + name + " car?",
                        "The " + popular + " is currently the most popular " + name + " model."),
                Docs.faq("How many models does " + name + " sell in India?",
                        name + " currently lists " + models.size() + " models in India."),
                Docs.faq("Does " + name + " sell electric cars in India?", electric
                        ? "Yes, " + name + " sells electric models in India."
                        : "Not yet; " + name + " sells combustion-engined models in India."),
                Docs.faq("When did " + name + " start operations in India?",
                        name + " started operations in India in " + brand.indiaSince() + "."));
        return rng.shuffled(all).subList(0, rng.between(3, 5));
    }
}
