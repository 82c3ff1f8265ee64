package com.motoroctane.devstack.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Which values a query asks a field to equal, and which values a document holds in it, in one normalised form
 * (1, 1L and 1.0 are one key, as MongoDB compares them). Only plain scalars take part: a query value that is
 * anything else (null, a regex, an array, a range, an operator other than {@code $eq}/{@code $in}) gives no
 * keys, and the query is answered by a scan, as before.
 */
final class EqualityKeys {

    private EqualityKeys() {
    }

    /**
     * The keys a query asks {@code field} to equal: from the first condition on that field, at the top level or
     * in an {@code $and} (at any depth; every one of them must hold, as MongoDB's planner reads them), that is an
     * equality or an {@code $in}; null when there is none.
     */
    static List<Object> forField(Document query, String field) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            List<Object> keys = null;
            if (condition.getKey().equals("$and") && condition.getValue() instanceof Collection<?> all) {
                for (Object each : all) {
                    if (each instanceof Document conjunct && (keys = forField(conjunct, field)) != null) {
                        break;
                    }
                }
            } else if (condition.getKey().equals(field)) {
                keys = ofQueryValue(condition.getValue());
            }
            if (keys != null) {
                return keys;
            }
        }
        return null;
    }

    /** The keys a query value selects, or null when it is not a plain equality (or {@code $in} of them). */
    static List<Object> ofQueryValue(Object value) {
        if (value instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.containsKey("$eq")) {
                Object key = scalar(operators.get("$eq"));
                return key == null ? null : List.of(key);
            }
            if (operators.get("$in") instanceof Collection<?> values) {
                List<Object> keys = new ArrayList<>(values.size());
                for (Object v : values) {
                    Object key = scalar(v);
                    if (key == null) {
                        return null;
                    }
                    keys.add(key);
                }
                return keys;
            }
            return null;
        }
        Object key = scalar(value);
        return key == null ? null : List.of(key);
    }

    /** The keys a document holds at a (dotted) field: its scalar, or each scalar element of an array there. */
    static Set<Object> ofDocument(Document document, String field) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        Set<Object> keys = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                Object key = scalar(v);
                if (key != null) {
                    keys.add(key);
                }
            }
        } else {
            Object key = scalar(value);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Object scalar(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            return Double.isNaN(d) ? null : Utils.normalizeNumber((Number) value);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof ObjectId
                || value instanceof Instant || value instanceof UUID) {
            return value;
        }
        return null;
    }
}
