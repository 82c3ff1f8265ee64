package com.motoroctane.admin.catalog;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of a bulk file as the writer reads it: the JSON object, or what made it unreadable (a CSV row
 * with an unterminated quote, extra cells, a formula-like cell).
 *
 * @param line the line the row starts on in a CSV file, {@code null} for a JSON array
 */
public record BatchRow(int index, Integer line, JsonNode body, List<RowError> errors) {

    public static BatchRow of(int index, JsonNode body) {
        return new BatchRow(index, null, body, List.of());
    }
}
