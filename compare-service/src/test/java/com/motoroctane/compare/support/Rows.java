package com.motoroctane.compare.support;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reads one row of a comparison's spec table by field name. */
public final class Rows {

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> row(JsonPath body, String field) {
        for (Map<String, Object> group : body.<Map<String, Object>>getList("groups")) {
            for (Map<String, Object> row : (List<Map<String, Object>>) group.get("rows")) {
                if (field.equals(row.get("field"))) {
                    return row;
                }
            }
        }
        return null;
    }
}
