package com.motoroctane.compare.domain;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** The spec table (package {@code spec}) rendered as JSON without reflection on its records. */
final class SpecGroups {

    private SpecGroups() {
    }

    static ArrayNode toJson(ObjectMapper json, List<Map<String, Object>> variants, boolean onlyDifferences) {
        ArrayNode groups = json.createArrayNode();
        // TODO(spec): SpecTable.build(variants, onlyDifferences) once the spec table lands on main
        return groups;
    }
}
