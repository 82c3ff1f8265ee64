package com.motoroctane.catalog.domain;

/**
 * Where a keyset page ended: the sort value and id of its last item, whether that item was in the
 * trailing no-value segment, and the page number that follows.
 */
public record Position(Object value, String id, boolean nullSegment, int page) {
}
