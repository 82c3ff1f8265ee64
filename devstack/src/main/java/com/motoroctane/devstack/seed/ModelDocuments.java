package com.motoroctane.devstack.seed;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.devstack.seed.ModelPlan.Dimensions;
import com.motoroctane.devstack.seed.ModelPlan.Engine;
import com.motoroctane.devstack.seed.ModelPlan.Powertrain;

/** Renders a model document with every field of {@link CatalogFields#MODEL}. */
final class ModelDocuments {

    private ModelDocuments() {
    }

    static Document render(ModelPlan plan, long seed) {
        // A different stream from the planner's, so adding a text field never reshuffles prices or engines.
        Rng rng = Rng.of(seed ^ 0x5EEDL, Rng.MODEL, plan.index());
        Map<String, Object> m = new HashMap<>(64);
        m.put("id", plan.id());
        m.put("name", plan.name());
        m.put("slug", plan.slug());
        m.put("brandId", plan.brandId());
        m.put("status", plan.active() ? CatalogFields.ACTIVE : "inactive");
        m.put("isPopular", plan.popularRank() != null);
        m.put("isNew", plan.newRank() != null);
        m.put("popularRank", plan.popularRank());
        m.put("newRank", plan.newRank());
        m.put("topRank", plan.topRank());
        m.put("bodyType", plan.body().name());
        m.put("subBodyType", plan.subBodyType());
        m.put("launchDate", plan.launchDate().toString());
        m.put("seating", plan.seating());
        m.put("fuelTypes", plan.fuelTypes());
        m.put("transmissions", plan.transmissions());
        m.put("brochureUrl", "/uploads/brochures/" + plan.brandSlug() + "-" + plan.slug() + ".pdf");
        m.put("headerSeo", plan.fullName() + " " + plan.launchDate().getYear()
                + ": Price, Variants, Mileage, Colours, Images & Reviews");
        m.put("pros", lines(rng.shuffled(Names.PROS).subList(0, rng.between(3, 4))));
        m.put("cons", lines(rng.shuffled(Names.CONS).subList(0, rng.between(2, 3))));
        m.put("description", description(plan));
        m.put("exteriorDesign", exteriorDesign(plan));
        m.put("comfortConvenience", comfortConvenience(plan));
        m.put("summary", plan.fullName() + " is a " + plan.seating() + "-seater " + plan.subBodyType()
                + " offered with " + Docs.join(plan.fuelTypes()) + " power and " + Docs.join(plan.transmissions())
                + " gearboxes.");
        m.put("engineSummaries", engineSummaries(plan));
        m.put("mileageData", mileageData(plan));
        m.put("faqs", faqs(plan, rng));
        m.put("heroImage", plan.imageBase() + "/hero.webp");
        m.put("galleryImages", images(plan, "gallery", Names.GALLERY_CAPTIONS, rng.between(6, 10), rng));
        m.put("keyFeatureImages", images(plan, "feature", Names.KEY_FEATURE_CAPTIONS, rng.between(3, 5), rng));
        m.put("spaceComfortImages", images(plan, "space", Names.SPACE_COMFORT_CAPTIONS, rng.between(3, 4), rng));
        m.put("storageConvenienceImages", images(plan, "storage", Names.STORAGE_CAPTIONS, rng.between(2, 3), rng));
        m.put("colorImages", images(plan, "colour", Names.COLOURS, rng.between(4, 7), rng));
        m.put("createdAt", Date.from(plan.createdAt()));
        m.put("version", 1L);
        return Docs.ordered("model", CatalogFields.MODEL, m);
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }

    private static String description(ModelPlan plan) {
        Engine main = plan.engines().get(0);
        return "The " + plan.fullName() + " is a " + plan.seating() + "-seater " + plan.subBodyType()
                + " launched in " + plan.launchMonth() + ". It comes with " + Docs.join(plan.fuelTypes())
                + " powertrains and " + Docs.join(plan.transmissions()) + " gearboxes across " + plan.variantCount()
                + " variants. The " + main.name() + " produces " + main.bhp() + " bhp and " + main.torqueNm() + " Nm. "
                + ncapSentence(plan);
    }

    private static String ncapSentence(ModelPlan plan) {
        return plan.ncapRating().equals("Not Tested")
                ? "It has not been crash-tested by Global NCAP yet."
                : "It carries a " + plan.ncapRating() + " Global NCAP safety rating.";
    }

    private static String exteriorDesign(ModelPlan plan) {
        Dimensions d = plan.dims();
        return "The " + plan.name() + " is " + d.length() + " mm long, " + d.width() + " mm wide and " + d.height()
                + " mm tall, on a " + d.wheelbase() + " mm wheelbase with " + d.groundClearance()
                + " mm of ground clearance. Lower trims ride on " + d.wheelInch() + "-inch wheels; top trims get larger alloys"
                + " and LED lighting all round.";
    }

    private static String comfortConvenience(ModelPlan plan) {
        Dimensions d = plan.dims();
        return "The cabin seats " + plan.seating() + " and the boot holds " + d.boot() + " litres"
                + (d.bootFolded() == null ? "" : " (" + d.bootFolded() + " litres with the rear seats folded)")
                + ". Higher trims add automatic climate control, a larger touchscreen, wireless phone charging and"
                + " connected-car features.";
    }

    private static List<Document> engineSummaries(ModelPlan plan) {
        List<Document> out = new ArrayList<>();
        for (Engine e : plan.engines()) {
            List<String> speeds = plan.powertrains().stream().filter(p -> p.fuel().equals(e.fuel()))
                    .map(ModelDocuments::gearLabel).toList();
            Powertrain first = plan.powertrains().stream().filter(p -> p.fuel().equals(e.fuel())).findFirst().orElseThrow();
            out.add(new Document("title", e.name())
                    .append("summary", VariantDocuments.engineSummary(e, first))
                    .append("transmission", String.join(", ", plan.transmissions(e.fuel())))
                    .append("power", e.bhp() + " bhp")
                    .append("torque", e.torqueNm() + " Nm")
                    .append("speed", String.join(" / ", speeds)));
        }
        return out;
    }

    /** "6-Speed MT", "7-Speed DCT", "CVT": how spec sheets list a model's gearboxes. */
    private static String gearLabel(Powertrain p) {
        return switch (p.transmission()) {
            case "CVT" -> "CVT";
            case "Manual" -> p.speed() + " MT";
            case "Automatic" -> p.speed() + " AT";
            default -> p.speed() + " " + p.transmission();
        };
    }

    private static List<Document> mileageData(ModelPlan plan) {
        List<Document> out = new ArrayList<>();
        for (Powertrain p : plan.powertrains()) {
            Engine e = plan.engine(p.fuel());
            if (e.electric()) {
                out.add(new Document("engineName", e.name())
                        .append("companyClaimed", e.rangeKm() + " km/charge")
                        .append("cityRealWorld", Math.round(e.rangeKm() * 0.75) + " km/charge")
                        .append("highwayRealWorld", Math.round(e.rangeKm() * 0.68) + " km/charge"));
            } else {
                out.add(new Document("engineName", e.name() + " " + p.transmission())
                        .append("companyClaimed", p.claimed())
                        .append("cityRealWorld", p.city())
                        .append("highwayRealWorld", p.highway()));
            }
        }
        return out;
    }

    private static List<Document> faqs(ModelPlan plan, Rng rng) {
        Dimensions d = plan.dims();
        String name = plan.name();
        Powertrain best = plan.powertrains().get(0);
        Engine main = plan.engine(best.fuel());
        List<Document> all = List.of(
                Docs.faq("What is the mileage of the " + name + "?", main.electric()
                        ? "The " + name + " has a claimed range of " + main.range() + " on a full charge."
                        : "The " + name + " " + main.name() + " " + best.transmission() + " returns a claimed " + best.claimed()
                                + "; expect around " + best.city() + " in the city."),
                Docs.faq("What is the seating capacity of the " + name + "?",
                        "The " + name + " is a " + plan.seating() + "-seater."),
                Docs.faq("Which fuel and transmission options does the " + name + " offer?",
                        "It is sold with " + Docs.join(plan.fuelTypes()) + " power and " + Docs.join(plan.transmissions())
                                + " transmissions."),
                Docs.faq("How much boot space does the " + name + " have?",
                        "The " + name + " offers " + d.boot() + " litres of boot space."),
                Docs.faq("What is the ground clearance of the " + name + "?",
                        "The " + name + " has " + d.groundClearance() + " mm of ground clearance."),
                Docs.faq("How safe is the " + name + "?", ncapSentence(plan)));
        return rng.shuffled(all).subList(0, rng.between(3, 5));
    }

    private static List<Document> images(ModelPlan plan, String kind, List<String> captions, int count, Rng rng) {
        List<String> chosen = rng.shuffled(captions).subList(0, Math.min(count, captions.size()));
        List<Document> images = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            String file = kind.equals("colour") ? "colour-" + CatalogFields.slug(chosen.get(i)) : kind + "-" + (i + 1);
            images.add(Docs.image(plan.imageBase() + "/" + file + ".webp", chosen.get(i)));
        }
        return images;
    }
}
