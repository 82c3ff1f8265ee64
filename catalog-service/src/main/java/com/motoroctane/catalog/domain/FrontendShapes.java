package com.motoroctane.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The display values the previous /api/frontend/* routes answered (previous-system.md §3), in their JSON types:
 * {@code price} a lakh string "₹7.71", {@code seating} "5 seater". Clients parse these ({@code seating.split(' ')}),
 * so they stay strings; the numbers sit beside them as twins.
 */
final class FrontendShapes {

    /** What the previous card showed for a model without a hero image. */
    static final String DEFAULT_IMAGE = "/cars/default-car.jpg";

    /** The previous seating default (models.seating defaults to 5, previous-system.md §2). */
    static final int DEFAULT_SEATING = 5;

    /** String fields of the previous /api/frontend/models/{slug} subset, besides id, name and brandName. */
    static final List<String> MODEL_STRINGS = List.of("heroImage", "description", "pros", "cons", "exteriorDesign",
            "comfortConvenience", "bodyType", "subBodyType", "launchDate");

    /** Array fields of that subset; the previous route answered [] where the model had none. */
    static final List<String> MODEL_ARRAYS = List.of("galleryImages", "keyFeatureImages", "spaceComfortImages",
            "storageConvenienceImages", "colorImages", "engineSummaries", "mileageData", "faqs", "fuelTypes", "transmissions");

    private static final BigDecimal LAKH = BigDecimal.valueOf(100_000);
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)");

    private FrontendShapes() {
    }

    /** Rupees as the previous lakh string: 771000 → "₹7.71", 12500000 → "₹125.00" (lakh above a crore too). */
    static String lakh(long rupees) {
        return "₹" + BigDecimal.valueOf(rupees).divide(LAKH, 2, RoundingMode.HALF_UP).toPlainString();
    }

    static int seatingCapacity(Object seating) {
        return seating instanceof Number n && n.intValue() > 0 ? n.intValue() : DEFAULT_SEATING;
    }

    /** "5 seater", as the previous cards had it. */
    static String seating(Object seating) {
        return seatingCapacity(seating) + " seater";
    }

    /** The number a display string starts with ("118 bhp" → 118, "19.2 kmpl" → 19.2), null when it starts with none. */
    static Double leadingNumber(String display) {
        if (display == null) {
            return null;
        }
        Matcher m = LEADING_NUMBER.matcher(display);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
