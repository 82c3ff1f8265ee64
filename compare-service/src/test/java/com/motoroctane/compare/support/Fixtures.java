package com.motoroctane.compare.support;

import java.util.Map;

/**
 * The cars most tests compare, written once per run through admin-service. Two brands whose slugs overlap
 * ({@code land-<r>} and {@code land-<r>-rover}, with a model {@code rover-defender-one} under the shorter
 * one) make the slug form's longest-match rule observable. Tests that change data make their own.
 */
public final class Fixtures {

    private static Fixtures instance;

    public final String r = Admin.word();
    public final String longBrand;
    public final String shortBrand;
    public final String otherBrand;
    /** SUV "Defender One" of the long brand: variants a (₹10 L, cheapest) and a2. */
    public final String m1;
    /** SUV "Discovery Two" of the long brand: variant b. */
    public final String m2;
    /** SUV "Cruiser Three" and "Dune Four" of another brand: variants c and d. */
    public final String m3;
    public final String m4;
    /** "Rover Defender One" of the short brand: what a shortest-match split would pick. */
    public final String decoy;
    /** "Rover Sport" of the short brand: {@code land-<r>-rover-sport} only fits the short brand. */
    public final String roverSport;
    public final String a;
    public final String a2;
    public final String b;
    public final String c;
    public final String d;

    private Fixtures() {
        longBrand = Admin.brand("Land " + r + " Rover");
        shortBrand = Admin.brand("Land " + r);
        otherBrand = Admin.brand("Other " + r);
        m1 = Admin.model(longBrand, "Defender One", "SUV");
        m2 = Admin.model(longBrand, "Discovery Two", "SUV");
        m3 = Admin.model(otherBrand, "Cruiser Three", "SUV");
        m4 = Admin.model(otherBrand, "Dune Four", "SUV");
        decoy = Admin.model(shortBrand, "Rover Defender One", "SUV");
        roverSport = Admin.model(shortBrand, "Rover Sport", "SUV");
        a = Admin.variant(longBrand, m1, "Alpha", 1_000_000, Map.of("maxPower", "113 bhp @ 6300 rpm", "airbags", "6",
                "globalNCAPRating", "5 Star", "bootSpace", "350 litres", "fuelType", "Petrol", "transmission", "Manual"));
        a2 = Admin.variant(longBrand, m1, "Alpha Plus", 1_100_000, Map.of("maxPower", "118 bhp", "airbags", "6",
                "fuelType", "Petrol", "transmission", "Automatic"));
        b = Admin.variant(longBrand, m2, "Bravo", 1_200_000, Map.of("maxPower", "120 PS", "airbags", "2",
                "globalNCAPRating", "3 Star", "bootSpace", "350 litres", "fuelType", "Petrol", "transmission", "Automatic"));
        c = Admin.variant(otherBrand, m3, "Charlie", 900_000, Map.of("maxPower", "85 kW", "airbags", "6",
                "globalNCAPRating", "4 Star", "bootSpace", "300 litres", "fuelType", "Diesel", "transmission", "Manual"));
        d = Admin.variant(otherBrand, m4, "Delta", 1_500_000, Map.of("maxPower", "150 bhp", "airbags", "7",
                "globalNCAPRating", "5 Star", "bootSpace", "400 litres", "fuelType", "Petrol", "transmission", "Manual"));
        Admin.variant(shortBrand, decoy, "Decoy", 800_000, Map.of("fuelType", "Petrol"));
        Admin.variant(shortBrand, roverSport, "Sport", 850_000, Map.of("fuelType", "Petrol"));
    }

    public static synchronized Fixtures get() {
        if (instance == null) {
            instance = new Fixtures();
            Events.settled();
        }
        return instance;
    }

    public String longBrandSlug() {
        return "land-" + r + "-rover";
    }

    public String shortBrandSlug() {
        return "land-" + r;
    }
}
