package com.motoroctane.compare.domain;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.compare.spec.SpecGroup;
import com.motoroctane.compare.spec.SpecRow;
import com.motoroctane.compare.spec.SpecTable;

/** The spec table (package {@code spec}) as the response's {@code groups}; groups left without rows are dropped. */
final class SpecGroups {

    private SpecGroups() {
    }

    static ArrayNode toJson(ObjectMapper json, List<Map<String, Object>> variants, boolean onlyDifferences) {
        ArrayNode groups = json.createArrayNode();
        for (SpecGroup group : SpecTable.build(variants, onlyDifferences)) {
            if (group.rows().isEmpty()) {
                continue;
            }
            ObjectNode g = groups.addObject();
            g.put("key", group.key());
            g.put("label", group.label());
            ArrayNode rows = g.putArray("rows");
            for (SpecRow row : group.rows()) {
                ObjectNode r = rows.addObject();
                r.put("field", row.field());
                r.put("label", row.label());
                r.set("values", json.valueToTree(row.values()));
                r.put("different", row.different());
                if (row.best() == null) {
                    r.putNull("best");
                } else {
                    r.put("best", row.best().intValue());
                }
                r.put("unit", row.unit());
                r.set("numbers", row.numbers() == null ? null : json.valueToTree(row.numbers()));
            }
        }
        return groups;
    }
}
