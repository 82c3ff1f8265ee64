package com.motoroctane.compare.spec;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.motoroctane.compare.spec.Unit.Family;

/**
 * One row of the comparison table: where its value is read from and how it is compared.
 *
 * @param field      the variant field the row is named after
 * @param aliases    fields holding the same thing under another name in the previous schema, read in order
 *                   when {@code field} is empty ("power" for "maxPower", "headlights" for "headLights")
 * @param label      what a person reads
 * @param group      the key of the {@link SpecFields#GROUPS group} the row belongs to
 * @param families   the quantity families a value may be read as; empty for a text row
 * @param better     which way the best value lies, or {@link Better#NONE} when no item is "best"
 * @param sameConditions {@code true} when values are only comparable under the same stated conditions,
 *                   the trailing "(...)" note: "57 min (10-80%, 50 kW DC)" is not better than
 *                   "8 h (0-100%, 7.2 kW AC)", it is a different test
 */
public record SpecField(String field, List<String> aliases, String label, String group, Set<Family> families,
                        Better better, boolean sameConditions) {

    /** Which way the best value lies. */
    public enum Better {
        HIGHER, LOWER,
        /** Compared for equality only: bigger is not better (length, kerb weight, displacement, ...). */
        NONE
    }

    public SpecField {
        aliases = List.copyOf(aliases);
        families = families.isEmpty() ? Set.of() : Set.copyOf(families);
    }

    public boolean numeric() {
        return !families.isEmpty();
    }

    /** The field first, then its aliases. */
    public List<String> sources() {
        return Stream.concat(Stream.of(field), aliases.stream()).toList();
    }
}
