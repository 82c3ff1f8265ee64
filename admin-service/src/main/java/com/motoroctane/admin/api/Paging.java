package com.motoroctane.admin.api;

import com.motoroctane.common.error.ProblemException;

/**
 * {@code page} and {@code limit} read as text: JAX-RS answers an unparseable int query parameter with 404,
 * which names nothing; here it is a 400 naming the parameter and its range.
 */
record Paging(int page, int limit) {

    static Paging of(String pageText, String limitText) {
        int limit = number("limit", limitText, 1, 100);
        // the skip (page - 1) * limit must stay an int for MongoDB; beyond it no page can hold anything
        int page = number("page", pageText, 1, Integer.MAX_VALUE / limit + 1);
        return new Paging(page, limit);
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range, like an out-of-range number
        }
        throw ProblemException.badParameter(name, "must be a whole number from " + min + " to " + max);
    }
}
