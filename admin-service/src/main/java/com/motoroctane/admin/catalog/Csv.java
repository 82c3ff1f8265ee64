package com.motoroctane.admin.catalog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 4180 CSV with a header row of field names, turned into the JSON rows the bulk import reads. Cell
 * types follow the schema: numbers and booleans are parsed, enum lists are split on '|', and nested
 * lists (images, faqs) are JSON inside the cell. Empty cells are left out.
 */
public final class Csv {

    private Csv() {
    }

    public static ArrayNode toRows(String text, Entity entity, ObjectMapper json, int maxRows) {
        List<List<String>> records = parse(text, maxRows + 1);
        ArrayNode rows = json.createArrayNode();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            ObjectNode row = rows.addObject();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                String name = header.get(c).trim();
                String cell = cells.get(c);
                if (!cell.isEmpty()) {
                    row.set(name, cell(entity.fields().get(name), cell, json));
                }
            }
        }
        return rows;
    }

    private static JsonNode cell(Field field, String cell, ObjectMapper json) {
        var nodes = json.getNodeFactory();
        if (field == null) {
            return nodes.textNode(cell);
        }
        try {
            return switch (field.kind()) {
                case INT -> nodes.numberNode(Integer.parseInt(cell.trim()));
                case PRICE -> nodes.numberNode(new java.math.BigDecimal(cell.trim()));
                case BOOL -> "true".equalsIgnoreCase(cell.trim()) || "false".equalsIgnoreCase(cell.trim())
                        ? nodes.booleanNode(Boolean.parseBoolean(cell.trim())) : nodes.textNode(cell);
                case ENUM_LIST -> {
                    ArrayNode list = nodes.arrayNode();
                    for (String v : cell.split("\\|")) {
                        list.add(v.trim());
                    }
                    yield list;
                }
                case IMAGES, FAQS, ENGINE_SUMMARIES, MILEAGE -> json.readTree(cell);
                default -> nodes.textNode(cell);
            };
        } catch (NumberFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return nodes.textNode(cell); // the reader reports the type error against the field
        }
    }

    static List<List<String>> parse(String text, int maxRecords) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                }
                record = new ArrayList<>();
                if (records.size() > maxRecords) {
                    return records;
                }
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
