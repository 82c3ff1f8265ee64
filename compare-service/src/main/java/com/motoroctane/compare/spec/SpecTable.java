package com.motoroctane.compare.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.motoroctane.compare.spec.SpecField.Better;

/** Builds the side-by-side spec table of 2-4 variants from their stored documents. */
public final class SpecTable {

    /** Stored stand-ins for "nothing here", treated like an empty value. */
    private static final Set<String> PLACEHOLDERS = Set.of("na", "n/a", "-", "--", "—", "not available",
            "not applicable");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SpecTable() {
    }

    /**
     * The table's groups in {@link SpecFields#GROUPS} order, each with its rows in {@link SpecFields#FIELDS}
     * order. A row is there when at least one item has a value; a group when it has a row.
     *
     * @param variants        the variant documents (JSON maps as catalog-service returns them), in item order;
     *                        the 2-4 limit is the caller's to enforce, a null item counts as an empty document
     * @param onlyDifferences keep only the rows whose values differ
     */
    public static List<SpecGroup> build(List<Map<String, Object>> variants, boolean onlyDifferences) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (variants != null) {
            variants.forEach(v -> items.add(v == null ? Map.of() : v));
        }
        Map<String, List<SpecRow>> rowsByGroup = new LinkedHashMap<>();
        for (SpecField field : SpecFields.FIELDS) {
            SpecRow row = row(field, items);
            if (row != null && (!onlyDifferences || row.different())) {
                rowsByGroup.computeIfAbsent(field.group(), g -> new ArrayList<>()).add(row);
            }
        }
        List<SpecGroup> groups = new ArrayList<>();
        for (SpecFields.Group g : SpecFields.GROUPS) {
            List<SpecRow> rows = rowsByGroup.get(g.key());
            if (rows != null) {
                groups.add(new SpecGroup(g.key(), g.label(), List.copyOf(rows)));
            }
        }
        return List.copyOf(groups);
    }

    /** The row of one field, or null when no item has a value for it. */
    static SpecRow row(SpecField field, List<Map<String, Object>> items) {
        int n = items.size();
        List<Object> values = new ArrayList<>(n);
        for (Map<String, Object> item : items) {
            values.add(value(item, field));
        }
        if (values.stream().allMatch(SpecTable::absent)) {
            return null;
        }
        List<Quantity> parsed = new ArrayList<>(n);
        boolean allParse = field.numeric();
        for (Object v : values) {
            Quantity q = absent(v) || !field.numeric() ? null : SpecNumbers.parse(v, field.families()).orElse(null);
            parsed.add(q);
            allParse &= absent(v) || q != null;
        }
        Set<Unit> units = new HashSet<>();
        parsed.stream().filter(q -> q != null).forEach(q -> units.add(q.unit()));
        Unit unit = units.size() == 1 ? units.iterator().next() : null;
        List<Double> numbers = null;
        if (unit != null) {
            numbers = new ArrayList<>(n);
            for (Quantity q : parsed) {
                numbers.add(q == null ? null : q.value());
            }
            numbers = Collections.unmodifiableList(numbers);
        }
        boolean numerically = allParse && comparableConditions(field, values);
        boolean different = numerically ? differentQuantities(values, parsed) : differentTexts(values);
        Integer best = numerically && unit != null ? best(field.better(), parsed) : null;
        return new SpecRow(field.field(), field.label(), Collections.unmodifiableList(values), different, best,
                unit == null ? null : unit.label(), numbers);
    }

    /** The first present value among the field and its aliases, else what the field itself holds. */
    private static Object value(Map<String, Object> item, SpecField field) {
        for (String source : field.sources()) {
            Object v = item.get(source);
            if (!absent(v)) {
                return v;
            }
        }
        return item.get(field.field());
    }

    static boolean absent(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof CharSequence cs) {
            String t = cs.toString().trim().toLowerCase(Locale.ROOT);
            return t.isEmpty() || PLACEHOLDERS.contains(t);
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty();
        }
        return v instanceof Map<?, ?> m && m.isEmpty();
    }

    private static boolean differentQuantities(List<Object> values, List<Quantity> parsed) {
        Quantity first = null;
        boolean sawAbsent = false;
        boolean sawPresent = false;
        for (int i = 0; i < values.size(); i++) {
            if (absent(values.get(i))) {
                sawAbsent = true;
                continue;
            }
            sawPresent = true;
            Quantity q = parsed.get(i);
            if (first == null) {
                first = q;
            } else if (q.unit() != first.unit() || !same(q.value(), first.value())) {
                return true;
            }
        }
        return sawAbsent && sawPresent;
    }

    private static boolean differentTexts(List<Object> values) {
        Set<String> keys = new HashSet<>();
        for (Object v : values) {
            keys.add(absent(v) ? "\u0000absent" : text(v));
        }
        return keys.size() > 1;
    }

    /** A value as comparable text: trimmed, single-spaced, lower case; booleans as yes/no, numbers plain. */
    private static String text(Object v) {
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof Number num) {
            try {
                return new BigDecimal(num.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return num.toString().toLowerCase(Locale.ROOT);
            }
        }
        return SPACES.matcher(String.valueOf(v).trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** Charging times (and rows like them) compare only when every value states the same conditions. */
    private static boolean comparableConditions(SpecField field, List<Object> values) {
        if (!field.sameConditions()) {
            return true;
        }
        return values.stream().filter(v -> !absent(v)).map(SpecNumbers::conditions).distinct().count() <= 1;
    }

    /** The index of the one best quantity; null for no direction, fewer than two numbers, or a tie at the top. */
    private static Integer best(Better better, List<Quantity> parsed) {
        if (better == Better.NONE) {
            return null;
        }
        Integer best = null;
        boolean tie = false;
        int count = 0;
        for (int i = 0; i < parsed.size(); i++) {
            Quantity q = parsed.get(i);
            if (q == null) {
                continue;
            }
            count++;
            if (best == null) {
                best = i;
                continue;
            }
            double top = parsed.get(best).value();
            if (same(q.value(), top)) {
                tie = true;
            } else if (better == Better.HIGHER ? q.value() > top : q.value() < top) {
                best = i;
                tie = false;
            }
        }
        return count < 2 || tie ? null : best;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
