package com.motoroctane.catalog.domain;

/**
 * One sort order a list endpoint accepts. {@code nullable} fields (ranks, launch dates) list documents
 * without a value after all those with one, in either direction; ties always break on {@code id}.
 */
public record SortSpec(String name, String field, boolean descending, boolean nullable) {

    public SortSpec reversed(boolean descending) {
        return new SortSpec(name, field, descending, nullable);
    }

    /** The canonical spelling, used in cache keys and cursors. */
    public String canonical() {
        return (descending ? "-" : "") + name;
    }
}
