package com.motoroctane.compare.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import com.motoroctane.common.error.ProblemException;
import com.motoroctane.compare.domain.CompareParameters;

/**
 * Reads and checks compare-service's query parameters before anything is looked up, so every malformed
 * request is a 400 naming its parameter and never reaches catalog-service or the cache.
 */
final class CompareParams {

    static final int MIN_ITEMS = 2;
    static final int MAX_ITEMS = 4;
    static final String VARIANTS = "variants";
    static final String MODELS = "models";
    static final String VARIANT_OVERRIDE = CompareParameters.VARIANT_OVERRIDE_PREFIX;
    static final String ONLY_DIFFERENCES = "onlyDifferences";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SLUG_PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final MultivaluedMap<String, String> query;
    private final int maxIdLength;

    CompareParams(MultivaluedMap<String, String> query, int maxIdLength) {
        this.query = query;
        this.maxIdLength = maxIdLength;
    }

    /** What a compare request names: variant ids, or model ids with optional per-model variant picks. */
    record Selection(boolean byModels, List<String> ids, Map<String, String> overrides) {
    }

    Selection selection() {
        String variants = single(VARIANTS);
        String models = single(MODELS);
        if (variants != null && models != null) {
            throw ProblemException.badParameter(MODELS, "give either 'models' or 'variants', not both");
        }
        if (variants == null && models == null) {
            throw ProblemException.badParameter(VARIANTS, "name 2 to 4 cars: variants=a,b or models=a,b");
        }
        Map<String, String> overrides = overrides();
        if (variants != null) {
            if (!overrides.isEmpty()) {
                String first = CompareParameters.override(overrides.keySet().iterator().next());
                throw ProblemException.badParameter(first, "picks a model's variant and only goes with 'models'");
            }
            return new Selection(false, idList(VARIANTS, variants), Map.of());
        }
        List<String> modelIds = idList(MODELS, models);
        for (String modelId : overrides.keySet()) {
            if (!modelIds.contains(modelId)) {
                throw ProblemException.badParameter(CompareParameters.override(modelId), "names a model that is not in 'models'");
            }
        }
        return new Selection(true, modelIds, overrides);
    }

    boolean onlyDifferences() {
        String value = single(ONLY_DIFFERENCES);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badParameter(ONLY_DIFFERENCES, "must be true or false");
    }

    /** An id parameter such as alternatives' {@code variant}, required. */
    String requiredId(String name) {
        String value = single(name);
        if (value == null || value.isEmpty()) {
            throw ProblemException.badParameter(name, "is required");
        }
        return checkId(name, value);
    }

    int limit(int defaultLimit, int max) {
        String value = single("limit");
        if (value == null) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = value.length() > 4 ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > max) {
            throw ProblemException.badParameter("limit", "must be a whole number from 1 to " + max);
        }
        return limit;
    }

    /** One of {@code allowed}, or {@code defaultValue} when absent. */
    String oneOf(String name, List<String> allowed, String defaultValue) {
        String value = single(name);
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw ProblemException.badParameter(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /**
     * The slug form's parts, {@code {brandSlug}-{modelSlug}} each, split on {@code -vs-}. Where a part splits
     * into brand and model is decided later, against the real brand slugs.
     */
    static List<String> slugParts(String path, int maxLength) {
        if (path == null || path.isEmpty() || path.length() > maxLength) {
            throw ProblemException.badParameter("slug", "must be {brand}-{model}-vs-{brand}-{model}, at most "
                    + maxLength + " characters");
        }
        List<String> parts = List.of(path.split("-vs-", -1));
        if (parts.size() < MIN_ITEMS || parts.size() > MAX_ITEMS) {
            throw ProblemException.badParameter("slug", "must name 2 to 4 cars joined by '-vs-'");
        }
        Set<String> seen = new HashSet<>();
        for (String part : parts) {
            if (!SLUG_PART.matcher(part).matches() || !part.contains("-")) {
                throw ProblemException.badParameter("slug", "'" + part + "' is not {brand}-{model} in lower-case letters, "
                        + "digits and single hyphens");
            }
            if (!seen.add(part)) {
                throw ProblemException.badParameter("slug", "'" + part + "' is named twice");
            }
        }
        return parts;
    }

    private Map<String, String> overrides() {
        Map<String, String> picks = new LinkedHashMap<>();
        for (String name : query.keySet()) {
            if (name.startsWith(VARIANT_OVERRIDE)) {
                String modelId = checkId(name, name.substring(VARIANT_OVERRIDE.length()));
                picks.put(modelId, checkId(name, single(name)));
            }
        }
        return picks;
    }

    private List<String> idList(String name, String value) {
        if (value.isEmpty()) {
            throw ProblemException.badParameter(name, "name 2 to 4 ids separated by commas");
        }
        List<String> ids = new ArrayList<>();
        for (String id : value.split(",", -1)) {
            String trimmed = id.trim();
            checkId(name, trimmed);
            if (ids.contains(trimmed)) {
                throw ProblemException.badParameter(name, "'" + trimmed + "' is named twice");
            }
            ids.add(trimmed);
            if (ids.size() > MAX_ITEMS) {
                break;
            }
        }
        if (ids.size() < MIN_ITEMS || ids.size() > MAX_ITEMS) {
            throw ProblemException.badParameter(name, "name 2 to 4 ids separated by commas, got "
                    + (ids.size() > MAX_ITEMS ? "more than " + MAX_ITEMS : String.valueOf(ids.size())));
        }
        return ids;
    }

    private String checkId(String name, String value) {
        if (value == null || value.isEmpty() || value.length() > maxIdLength || !ID.matcher(value).matches()) {
            throw ProblemException.badParameter(name, "ids are 1 to " + maxIdLength
                    + " letters, digits, '_' or '-'");
        }
        return value;
    }

    private String single(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.badParameter(name, "is given more than once");
        }
        return values.get(0);
    }
}
