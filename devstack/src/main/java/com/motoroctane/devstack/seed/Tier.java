package com.motoroctane.devstack.seed;

/**
 * Where a brand sits in the Indian market. It drives starting prices, how much equipment a trim gets,
 * which body styles an invented model is likely to have and the engines on offer.
 */
enum Tier {
    //       entry price (rupees)      equipment  body-type weights: Hatchback, Sedan, SUV, Compact SUV, MUV, Coupe, Convertible, Pickup
    BUDGET(480_000L, 900_000L, 0.00, new int[] {35, 12, 8, 25, 15, 0, 0, 5}),
    MID(650_000L, 1_800_000L, 0.10, new int[] {14, 16, 30, 20, 15, 1, 0, 4}),
    PREMIUM(1_600_000L, 4_500_000L, 0.25, new int[] {4, 25, 42, 4, 12, 8, 3, 2}),
    LUXURY(4_500_000L, 13_000_000L, 0.40, new int[] {3, 30, 40, 0, 4, 14, 9, 0}),
    ULTRA(12_000_000L, 20_000_000L, 0.55, new int[] {0, 12, 18, 0, 0, 50, 20, 0});

    final long entryFloor;
    final long entryCeiling;
    /** Added to a trim's position on the ladder: a luxury base trim is better equipped than a budget top trim. */
    final double equipmentBonus;
    final int[] bodyTypeWeights;

    Tier(long entryFloor, long entryCeiling, double equipmentBonus, int[] bodyTypeWeights) {
        this.entryFloor = entryFloor;
        this.entryCeiling = entryCeiling;
        this.equipmentBonus = equipmentBonus;
        this.bodyTypeWeights = bodyTypeWeights;
    }

    boolean atLeast(Tier other) {
        return compareTo(other) >= 0;
    }

    String warranty() {
        return switch (this) {
            case BUDGET -> "2 Years / 40,000 km";
            case MID -> "3 Years / 1,00,000 km";
            case PREMIUM -> "3 Years / Unlimited km";
            case LUXURY -> "2 Years / Unlimited km";
            case ULTRA -> "3 Years / Unlimited km";
        };
    }
}
