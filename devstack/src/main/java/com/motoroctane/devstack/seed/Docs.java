package com.motoroctane.devstack.seed;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;

/** Small document and formatting helpers shared by the renderers. */
final class Docs {

    private Docs() {
    }

    /**
     * Lays the values out in the schema's field order, with null for any field not set, and refuses a
     * value whose key is not in the schema: a typo would otherwise silently add a stray field.
     */
    static Document ordered(String kind, List<String> fields, Map<String, Object> values) {
        Document doc = new Document();
        int matched = 0;
        for (String field : fields) {
            if (values.containsKey(field)) {
                matched++;
            }
            doc.put(field, values.get(field));
        }
        if (matched != values.size()) {
            values.keySet().stream().filter(k -> !fields.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalStateException(kind + " field '" + k + "' is not in CatalogFields");
            });
        }
        return doc;
    }

    static Document image(String url, String caption) {
        return new Document("url", url).append("caption", caption);
    }

    static Document faq(String question, String answer) {
        return new Document("question", question).append("answer", answer);
    }

    /** Locale.ROOT so that a machine with a comma decimal separator writes the same bytes. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Indian convention: "₹7.49 Lakh", "₹1.25 Crore". */
    static String rupees(long price) {
        if (price >= 10_000_000L) {
            return String.format(Locale.ROOT, "₹%.2f Crore", price / 10_000_000.0);
        }
        return String.format(Locale.ROOT, "₹%.2f Lakh", price / 100_000.0);
    }

    static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    /** "A, B and C" */
    static String join(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
