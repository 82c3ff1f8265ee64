package com.motoroctane.admin.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.common.error.ProblemException;

/**
 * CSV as a spreadsheet writes it (RFC 4180, parsed by Apache Commons CSV): a header row of field names,
 * an optional UTF-8 byte-order mark, quoted cells over several lines. Cell types follow the schema: numbers
 * and booleans are parsed, enum lists are split on '|', nested lists (images, faqs) are JSON inside the
 * cell, empty cells are left out, and so are rows of nothing but empty cells. A row the parser cannot read
 * (an unterminated quote) or with more cells than the header is a row error. Against CSV injection (OWASP):
 * a text cell that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return,
 * also after leading spaces) is refused on import, and neutralised on export with a leading {@code '},
 * which import removes again, so an export imports back unchanged. Numeric cells are parsed as numbers and
 * checked by their field's rule ({@code -5} as a price is refused as a price, not as a formula).
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String FORMULA_START = "=+-@\t\r";
    private static final char BOM = '\uFEFF';

    private Csv() {
    }

    /** The data rows (at most {@code maxRows + 1}, so the caller can refuse too many), each with its line. */
    public static List<BatchRow> toRows(String text, Entity entity, ObjectMapper json, int maxRows) {
        String body = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        List<BatchRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return rows;
            }
            List<String> header;
            try {
                header = header(records.next());
            } catch (UncheckedIOException e) {
                throw ProblemException.badParameter("header", "cannot be read as CSV (" + reason(e) + ")");
            }
            while (rows.size() <= maxRows) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // the parser cannot go on past a broken quote: this row is reported, the rest unread
                    rows.add(new BatchRow(rows.size(), (int) line, null, List.of(new RowError(rows.size(), (int) line,
                            null, "cannot be read as CSV (" + reason(e) + ")"))));
                    break;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue; // the ",,," rows a spreadsheet leaves below the data
                }
                rows.add(row(rows.size(), (int) line, record, header, entity, json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<String> header(CSVRecord record) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : record) {
            String n = name.strip();
            if (!n.isEmpty() && !seen.add(n)) {
                throw ProblemException.badParameter("header", "column '" + n + "' appears twice");
            }
            header.add(n);
        }
        return header;
    }

    private static BatchRow row(int index, int line, CSVRecord record, List<String> header, Entity entity, ObjectMapper json) {
        List<RowError> errors = new ArrayList<>();
        ObjectNode body = json.createObjectNode();
        if (record.size() > header.size()) {
            errors.add(new RowError(index, line, null, "has " + record.size() + " cells but the header names "
                    + header.size() + " columns"));
        }
        for (int c = 0; c < header.size() && c < record.size(); c++) {
            String name = header.get(c);
            String cell = record.get(c);
            if (cell.isEmpty()) {
                continue;
            }
            if (name.isEmpty()) {
                errors.add(new RowError(index, line, "column " + (c + 1), "has a value but no name in the header"));
                continue;
            }
            Field field = entity.fields().get(name);
            JsonNode value = cell(field, cell, json);
            if (value == null) {
                errors.add(new RowError(index, line, name, "starts with '" + printable(cell.charAt(firstNonSpace(cell)))
                        + "', which a spreadsheet would run as a formula; remove it, or start the cell with '"));
                continue;
            }
            body.set(name, value);
        }
        return new BatchRow(index, line, body, errors);
    }

    /** The cell as the JSON the reader checks, or {@code null} for a text cell a spreadsheet would run as a formula. */
    private static JsonNode cell(Field field, String cell, ObjectMapper json) {
        JsonNodeFactory nodes = json.getNodeFactory();
        Field.Kind kind = field == null ? Field.Kind.PLAIN : field.kind();
        try {
            switch (kind) {
                case INT:
                    return nodes.numberNode(Integer.parseInt(cell.strip()));
                case PRICE:
                    return price(nodes, new BigDecimal(cell.strip()));
                case BOOL:
                    if ("true".equalsIgnoreCase(cell.strip()) || "false".equalsIgnoreCase(cell.strip())) {
                        return nodes.booleanNode(Boolean.parseBoolean(cell.strip()));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // not a number: checked as text below, and the reader reports the type against the field
        }
        if (formulaLike(cell)) {
            return null;
        }
        String text = cell.length() > 1 && cell.charAt(0) == '\'' && formulaLike(cell.substring(1)) ? cell.substring(1) : cell;
        try {
            return switch (kind) {
                case ENUM_LIST -> {
                    ArrayNode list = nodes.arrayNode();
                    for (String v : text.split("\\|")) {
                        list.add(v.strip());
                    }
                    yield list;
                }
                case IMAGES, FAQS, ENGINE_SUMMARIES, MILEAGE -> json.readTree(text);
                default -> nodes.textNode(text);
            };
        } catch (JsonProcessingException e) {
            return nodes.textNode(text); // the reader reports the type error against the field
        }
    }

    /** Whole rupees as an integer, as a JSON body gives them, so a CSV and a JSON upload store the same value. */
    private static JsonNode price(JsonNodeFactory nodes, BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0 && plain.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && plain.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
            return nodes.numberNode(plain.longValueExact());
        }
        return nodes.numberNode(value);
    }

    private static boolean formulaLike(String cell) {
        return !cell.isEmpty() && (FORMULA_START.indexOf(cell.charAt(0)) >= 0
                || FORMULA_START.indexOf(cell.charAt(firstNonSpace(cell))) >= 0);
    }

    private static int firstNonSpace(String cell) {
        int i = 0;
        while (i < cell.length() - 1 && cell.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String printable(char c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> String.valueOf(c);
        };
    }

    private static String reason(RuntimeException e) {
        String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return m != null && m.contains("EOF reached before encapsulated token finished") ? "a quoted cell is not closed"
                : m != null && m.contains("invalid char between encapsulated token and delimiter")
                        ? "text after a closing quote" : "malformed quoting";
    }

    // ------------------------------------------------------------------ export

    /** The columns an export has, and an import reads: {@code id}, then every writable field. */
    public static List<String> columns(Entity entity) {
        List<String> columns = new ArrayList<>();
        columns.add("id");
        columns.addAll(entity.fields().keySet());
        return columns;
    }

    /** Writes documents in the format {@link #toRows} reads, every formula-like text cell neutralised. */
    public static void write(Appendable out, Entity entity, Iterable<Document> docs, ObjectMapper json) throws IOException {
        List<String> columns = columns(entity);
        CSVPrinter printer = new CSVPrinter(out, FORMAT); // not closed: the caller owns the stream
        printer.printRecord(columns);
        List<String> cells = new ArrayList<>(columns.size());
        for (Document doc : docs) {
            cells.clear();
            for (String column : columns) {
                cells.add(exportCell(entity.fields().get(column), doc.get(column), json));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private static String exportCell(Field field, Object value, ObjectMapper json) throws JsonProcessingException {
        if (value == null) {
            return "";
        }
        Field.Kind kind = field == null ? Field.Kind.PLAIN : field.kind();
        String text = switch (kind) {
            case INT, PRICE, BOOL -> value.toString();
            case ENUM_LIST -> value instanceof List<?> list ? String.join("|", list.stream().map(String::valueOf).toList())
                    : value.toString();
            case IMAGES, FAQS, ENGINE_SUMMARIES, MILEAGE -> json.writeValueAsString(value);
            default -> value.toString();
        };
        boolean number = kind == Field.Kind.INT || kind == Field.Kind.PRICE;
        return !number && formulaLike(text) ? "'" + text : text;
    }
}
