package com.motoroctane.compare.domain;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A comparison is built and cached once per set of variants, in sorted-id order, so {@code a,b} and
 * {@code b,a} share one entry. A request in another order gets that entry with its items, each row's
 * per-item arrays and its {@code best} index permuted: a JSON walk over a few kilobytes, no catalog read.
 */
public final class Reorder {

    /** Per-item arrays in a spec row. */
    static final List<String> PER_ITEM = List.of("values", "numbers", "display");

    private Reorder() {
    }

    /**
     * For each requested position, the index of that id in {@code canonical}; null when the request is
     * already in canonical order.
     */
    public static int[] permutation(List<String> canonical, List<String> requested) {
        if (canonical.equals(requested)) {
            return null;
        }
        int[] order = new int[requested.size()];
        for (int i = 0; i < requested.size(); i++) {
            order[i] = canonical.indexOf(requested.get(i));
        }
        return order;
    }

    /** A compact name of the permutation, e.g. {@code 102}, for the reordered ETag. */
    public static String name(int[] order) {
        StringBuilder s = new StringBuilder();
        for (int i : order) {
            s.append(i);
        }
        return s.toString();
    }

    public static ObjectNode apply(ObjectNode body, int[] order) {
        body.set("items", permuted((ArrayNode) body.get("items"), order));
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
        }
        for (JsonNode group : body.path("groups")) {
            for (JsonNode row : group.path("rows")) {
                ObjectNode r = (ObjectNode) row;
                for (String field : PER_ITEM) {
                    if (r.get(field) instanceof ArrayNode values && values.size() == order.length) {
                        r.set(field, permuted(values, order));
                    }
                }
                JsonNode best = r.get("best");
                if (best != null && best.isInt() && best.asInt() >= 0 && best.asInt() < order.length) {
                    r.put("best", inverse[best.asInt()]);
                }
            }
        }
        return body;
    }

    private static ArrayNode permuted(ArrayNode values, int[] order) {
        List<JsonNode> copy = new ArrayList<>();
        values.forEach(copy::add);
        ArrayNode out = values.arrayNode();
        for (int i : order) {
            out.add(copy.get(i));
        }
        return out;
    }
}
