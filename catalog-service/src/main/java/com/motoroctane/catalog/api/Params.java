package com.motoroctane.catalog.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import com.motoroctane.catalog.config.CatalogConfig;
import com.motoroctane.catalog.domain.Listing;
import com.motoroctane.catalog.domain.SortSpec;
import com.motoroctane.common.error.ProblemException;

/**
 * Reads and validates query parameters; every rejection is a 400 naming the parameter. Accepted values
 * are appended, normalised, to {@link #canonical()} so equal requests share one cache key whatever
 * their spelling or parameter order.
 */
final class Params {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,10}");

    private final MultivaluedMap<String, String> query;
    private final CatalogConfig.Paging paging;
    private final StringBuilder canonical = new StringBuilder();

    Params(MultivaluedMap<String, String> query, CatalogConfig.Paging paging) {
        this.query = query;
        this.paging = paging;
    }

    String raw(String name) {
        String value = query.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Filters and sort so far, without paging: what a cursor is bound to. */
    String canonical() {
        return canonical.toString();
    }

    Params note(String name, Object value) {
        if (value != null) {
            canonical.append(name).append('=').append(value).append('&');
        }
        return this;
    }

    String id(String name) {
        String value = raw(name);
        if (value != null && !ID.matcher(value).matches()) {
            throw ProblemException.badParameter(name, "must be an id of letters, digits, '.', '_' or '-' (at most 200)");
        }
        note(name, value);
        return value;
    }

    Integer integer(String name, int min, int max) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        int parsed = parseInt(name, value, min, max);
        note(name, parsed);
        return parsed;
    }

    Long price(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,12}")) {
            throw ProblemException.badParameter(name, "must be a whole number of rupees, 0 or more");
        }
        long parsed = Long.parseLong(value);
        note(name, parsed);
        return parsed;
    }

    void priceRange(Long min, Long max) {
        if (min != null && max != null && min > max) {
            throw ProblemException.badParameter("minPrice", "minPrice (" + min + ") is greater than maxPrice (" + max + ")");
        }
    }

    Boolean bool(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw ProblemException.badParameter(name, "must be true or false");
        }
        boolean parsed = Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
        note(name, parsed);
        return parsed;
    }

    /** One of a fixed vocabulary, matched case-insensitively and returned in its canonical spelling. */
    String oneOf(String name, List<String> allowed) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value.trim())) {
                note(name, candidate);
                return candidate;
            }
        }
        throw ProblemException.badParameter(name, "must be one of " + allowed);
    }

    int limit() {
        return limit(paging.maxLimit(), paging.defaultLimit());
    }

    int limit(int max, int fallback) {
        String value = raw("limit");
        return value == null ? fallback : parseInt("limit", value, 1, max);
    }

    int page() {
        String value = raw("page");
        return value == null ? 1 : parseInt("page", value, 1, 1_000_000);
    }

    /** {@code sort=price}, {@code sort=-price} or {@code sort=price:desc}. */
    SortSpec sort(Listing listing) {
        String value = raw("sort");
        SortSpec sort = listing.defaultSort();
        if (value != null) {
            String name = value.trim();
            boolean descending = false;
            if (name.startsWith("-")) {
                descending = true;
                name = name.substring(1);
            } else if (name.contains(":")) {
                String direction = name.substring(name.indexOf(':') + 1);
                name = name.substring(0, name.indexOf(':'));
                if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
                    throw ProblemException.badParameter("sort", "direction must be asc or desc, not '" + direction + "'");
                }
                descending = direction.equalsIgnoreCase("desc");
            }
            SortSpec known = listing.sorts().get(name);
            if (known == null) {
                throw ProblemException.badParameter("sort", "unknown sort '" + name + "'; allowed: " + listing.sorts().keySet()
                        + " (prefix '-' or suffix ':desc' for descending)");
            }
            sort = known.reversed(descending);
        }
        note("sort", sort.canonical());
        return sort;
    }

    /** {@code fields=a,b}: names from the listing's allow-list; {@code id} is always returned. */
    List<String> fields(List<String> allowed) {
        String value = raw("fields");
        if (value == null) {
            return List.of();
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!allowed.contains(name)) {
                throw ProblemException.badParameter("fields", "unknown field '" + abbreviate(name) + "'");
            }
            chosen.add(name);
        }
        if (chosen.isEmpty()) {
            throw ProblemException.badParameter("fields", "names no field");
        }
        List<String> sorted = new ArrayList<>(chosen);
        sorted.sort(null);
        note("fields", String.join(",", sorted));
        return sorted;
    }

    /**
     * {@code view=card} (the default: the fields a list card shows) or {@code view=full} (whole documents); true for
     * full. Refused beside {@code fields=}, which already says what to show.
     */
    boolean fullView(boolean fieldsGiven) {
        String value = raw("view");
        if (value == null) {
            return false;
        }
        String view = value.trim().toLowerCase(Locale.ROOT);
        if (!view.equals("card") && !view.equals("full")) {
            throw ProblemException.badParameter("view", "must be card or full, not '" + abbreviate(value) + "'");
        }
        if (fieldsGiven) {
            throw ProblemException.badParameter("view", "cannot be combined with fields=, which already names what to show");
        }
        if (view.equals("full")) {
            note("view", view);
        }
        return view.equals("full");
    }

    /** Comma-separated ids, 1 to {@code max} of them, duplicates dropped. */
    List<String> ids(String name, int max) {
        String value = raw(name);
        if (value == null) {
            throw ProblemException.badParameter(name, "is required (comma-separated ids)");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                throw ProblemException.badParameter(name, "'" + abbreviate(id) + "' is not a valid id");
            }
            ids.add(id);
            if (ids.size() > max) {
                throw ProblemException.badParameter(name, "at most " + max + " ids per request");
            }
        }
        if (ids.isEmpty()) {
            throw ProblemException.badParameter(name, "names no id");
        }
        note(name, String.join(",", ids));
        return List.copyOf(ids);
    }

    String text(String name, int maxLength) {
        String value = raw(name);
        if (value == null || value.isBlank()) {
            throw ProblemException.badParameter(name, "is required");
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw ProblemException.badParameter(name, "is longer than " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badParameter(name, "contains control characters");
        }
        return trimmed;
    }

    static String checkId(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ProblemException.badParameter(name, "must be an id or slug of letters, digits, '.', '_' or '-' (at most 200)");
        }
        return value;
    }

    private static int parseInt(String name, String value, int min, int max) {
        if (!INTEGER.matcher(value.trim()).matches()) {
            throw ProblemException.badParameter(name, "must be a whole number between " + min + " and " + max + ", not '"
                    + abbreviate(value) + "'");
        }
        long parsed = Long.parseLong(value.trim());
        if (parsed < min || parsed > max) {
            throw ProblemException.badParameter(name, "must be between " + min + " and " + max + ", not " + parsed);
        }
        return (int) parsed;
    }

    private static String abbreviate(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
