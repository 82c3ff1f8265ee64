package com.motoroctane.admin.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What is wrong with one row of a batch.
 *
 * @param index the row's position among the data rows, from 0 (as in the bulk results)
 * @param line  the line of the file the row starts on (CSV, NDJSON), or {@code null} for a JSON array
 * @param field the field or column at fault, or {@code null} when the whole row is
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowError(int index, Integer line, String field, String message) {

    /** Where the row is, as a person looking at the file would say it. */
    public String where() {
        return line != null ? "line " + line : "row " + index;
    }

    @Override
    public String toString() {
        return where() + (field == null ? "" : " " + field) + ": " + message;
    }
}
