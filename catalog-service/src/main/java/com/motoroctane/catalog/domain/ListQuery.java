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

    /** The same request over another filter (the store adds what visibility requires). */
    public ListQuery filtered(Bson other) {
        return new ListQuery(other, fingerprint, sort, page, limit, after, fields);
    }

    /** The same request reading other fields. */
    public ListQuery withFields(List<String> other) {
        return new ListQuery(filter, fingerprint, sort, page, limit, after, other);
    }

    public int skip() {
        return after == null ? (page - 1) * limit : 0;
    }

    public int pageNumber() {
        return after == null ? page : after.page();
    }
}
