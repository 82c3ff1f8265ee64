package com.motoroctane.devstack.seed;

import java.util.List;

/** A body style with the dimension envelopes a car of that style plausibly has. */
record BodyType(String name, List<Integer> seatings, List<String> subTypesByTier, int doors, boolean hasTailgate,
                Range length, Range width, Range height, Range wheelbase, Range groundClearance, Range boot,
                Range kerbWeight, Range fuelTank, Range wheelInch) {

    /** An inclusive interval; {@code at(0)} is the low end, {@code at(1)} the high end. */
    record Range(int lo, int hi) {
        int at(double f) {
            double clamped = Math.max(0, Math.min(1, f));
            return lo + (int) Math.round((hi - lo) * clamped);
        }
    }

    static final String HATCHBACK = "Hatchback";
    static final String SEDAN = "Sedan";
    static final String SUV = "SUV";
    static final String COMPACT_SUV = "Compact SUV";
    static final String MUV = "MUV";
    static final String COUPE = "Coupe";
    static final String CONVERTIBLE = "Convertible";
    static final String PICKUP = "Pickup";

    /** Same order as {@link Tier#bodyTypeWeights}. */
    static final List<BodyType> ALL = List.of(
            new BodyType(HATCHBACK, List.of(5, 5, 5, 4),
                    List.of("Entry Hatchback", "Premium Hatchback", "Hot Hatch", "Luxury Hatchback", "Luxury Hatchback"),
                    5, true, r(3500, 4050), r(1580, 1800), r(1480, 1620), r(2350, 2560), r(160, 190), r(200, 380),
                    r(750, 1350), r(27, 45), r(14, 17)),
            new BodyType(SEDAN, List.of(5),
                    List.of("Compact Sedan", "Mid-size Sedan", "Executive Sedan", "Luxury Sedan", "Ultra-luxury Sedan"),
                    4, false, r(3990, 5400), r(1680, 1990), r(1420, 1520), r(2450, 3300), r(135, 175), r(380, 620),
                    r(950, 2400), r(37, 90), r(14, 21)),
            new BodyType(SUV, List.of(5, 5, 7),
                    List.of("Mid-size SUV", "Mid-size SUV", "Full-size SUV", "Luxury SUV", "Super-luxury SUV"),
                    5, true, r(4200, 5300), r(1780, 2050), r(1600, 1950), r(2600, 3100), r(190, 230), r(400, 800),
                    r(1300, 2750), r(45, 90), r(16, 22)),
            new BodyType(COMPACT_SUV, List.of(5),
                    List.of("Sub-4m SUV", "Sub-4m SUV", "Compact Crossover", "Compact Crossover", "Compact Crossover"),
                    5, true, r(3800, 3995), r(1700, 1800), r(1550, 1700), r(2450, 2560), r(180, 210), r(260, 420),
                    r(1000, 1450), r(35, 45), r(15, 17)),
            new BodyType(MUV, List.of(7, 7, 8, 6),
                    List.of("Budget MPV", "7-seater MPV", "Premium MPV", "Luxury MPV", "Luxury MPV"),
                    5, true, r(4200, 5150), r(1740, 1950), r(1690, 1950), r(2700, 3100), r(165, 200), r(200, 450),
                    r(1150, 2400), r(40, 80), r(15, 19)),
            new BodyType(COUPE, List.of(4, 2),
                    List.of("Coupe Crossover", "Coupe Crossover", "Sports Coupe", "Sports Coupe", "Supercar"),
                    2, false, r(4300, 4950), r(1850, 2050), r(1180, 1420), r(2450, 2950), r(100, 140), r(100, 350),
                    r(1400, 1950), r(55, 90), r(18, 21)),
            new BodyType(CONVERTIBLE, List.of(2, 4),
                    List.of("Roadster", "Roadster", "Cabriolet", "Cabriolet", "Grand Tourer Convertible"),
                    2, false, r(4000, 4850), r(1780, 1980), r(1200, 1350), r(2400, 2750), r(100, 140), r(100, 300),
                    r(1400, 1950), r(50, 80), r(18, 21)),
            new BodyType(PICKUP, List.of(5, 2),
                    List.of("Utility Pickup", "Lifestyle Pickup", "Lifestyle Pickup", "Lifestyle Pickup", "Lifestyle Pickup"),
                    4, true, r(5100, 5400), r(1800, 1900), r(1780, 1850), r(3000, 3100), r(220, 240), r(1000, 1500),
                    r(1800, 2250), r(70, 80), r(16, 18)));

    static BodyType named(String name) {
        return ALL.stream().filter(b -> b.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown body type " + name));
    }

    String subType(Tier tier) {
        return subTypesByTier.get(tier.ordinal());
    }

    boolean isUtility() {
        return name.equals(SUV) || name.equals(MUV) || name.equals(PICKUP) || name.equals(COMPACT_SUV);
    }

    boolean isLowSlung() {
        return name.equals(COUPE) || name.equals(CONVERTIBLE);
    }

    private static Range r(int lo, int hi) {
        return new Range(lo, hi);
    }
}
