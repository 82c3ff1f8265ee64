package com.motoroctane.catalog.domain;

import java.util.List;

import org.bson.conversions.Bson;

/**
 * A validated list request. {@code canonical} spells filters, sort and paging in one stable string: it
 * is the cache key, and the part without paging ({@code fingerprint}) binds a cursor to its query.
 *
 * @param after  keyset position to continue from, or null for offset paging by {@code page}
 * @param fields projection, empty for whole documents
 */
public record ListQuery(Bson filter, String fingerprint, SortSpec sort, int page, int limit, Position after,
                        List<String> fields) {

    public int skip() {
        return after == null ? (page - 1) * limit : 0;
    }

    public int pageNumber() {
        return after == null ? page : after.page();
    }
}
