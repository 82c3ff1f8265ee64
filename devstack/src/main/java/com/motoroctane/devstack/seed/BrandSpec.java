package com.motoroctane.devstack.seed;

import java.util.Arrays;
import java.util.List;

/**
 * One real brand of the Indian market as the generator needs it.
 *
 * @param fuels         letters of the fuels the brand sells: P petrol, D diesel, C CNG, E electric, H hybrid
 * @param weight        relative size of its line-up, used to share the requested model count between brands
 * @param connectedTech the brand's connected-car suite, or null when it has none
 * @param realModels    real model names first used for the brand, before invented ones
 */
record BrandSpec(String name, Tier tier, String origin, int indiaSince, double marketShare, int weight, String fuels,
                 String connectedTech, List<String> trims, List<RealModel> realModels, boolean active) {

    /** A real model name with the body style it actually has; {@code electric} marks an EV-only model. */
    record RealModel(String name, String bodyType, boolean electric) {
    }

    static BrandSpec of(String name, Tier tier, String origin, int indiaSince, double marketShare, int weight,
                        String fuels, String connectedTech, String trims, String models) {
        return new BrandSpec(name, tier, origin, indiaSince, marketShare, weight, fuels, connectedTech,
                List.of(trims.split("\\|")), parseModels(models), true);
    }

    BrandSpec inactive() {
        return new BrandSpec(name, tier, origin, indiaSince, marketShare, weight, fuels, connectedTech, trims,
                realModels, false);
    }

    boolean sells(char fuel) {
        return fuels.indexOf(fuel) >= 0;
    }

    boolean electricOnly() {
        return fuels.equals("E");
    }

    /** "Swift/Hatchback; Nexon EV/Compact SUV/EV" */
    private static List<RealModel> parseModels(String models) {
        return Arrays.stream(models.split(";")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            String[] parts = s.split("/");
            BodyType.named(parts[1]); // fail fast on a typo in the table
            return new RealModel(parts[0], parts[1], parts.length > 2 && parts[2].equals("EV"));
        }).toList();
    }
}
