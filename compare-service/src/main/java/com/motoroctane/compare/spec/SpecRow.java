package com.motoroctane.compare.spec;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One compared field across the items, in item order.
 *
 * @param field     the variant field the row is named after (see {@link SpecFields})
 * @param label     what a person reads, e.g. "Max Power"
 * @param values    what each item stores, unchanged (String, Number, Boolean or null)
 * @param different whether the values differ: text trimmed and case-insensitive, numbers by their
 *                  canonical value when every present value parses; an empty value against a present one
 *                  is a difference
 * @param best      index of the one item with the best value, or null (no direction for this row, a value
 *                  that does not parse, mixed families, fewer than two numbers, or a tie)
 * @param unit      the canonical unit of {@code numbers} (e.g. "bhp"), or null when the row is text or its
 *                  values are of more than one family (kmpl against km/kg)
 * @param numbers   each value in {@code unit}, null where it does not parse; null when {@code unit} is
 */
@RegisterForReflection
public record SpecRow(String field, String label, List<Object> values, boolean different, Integer best,
                      String unit, List<Double> numbers) {
}
