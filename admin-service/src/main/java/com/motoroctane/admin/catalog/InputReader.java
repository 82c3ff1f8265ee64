package com.motoroctane.admin.catalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.bson.Document;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.common.news.NewsFields;

/**
 * Turns a client's JSON object into the fields to store, or the list of what is wrong with it. Types are
 * fixed per field (so {@code {"name":{"$gt":""}}} is a type error, never a query), unknown fields are
 * refused, plain text must not contain markup, and rich text is cleaned by the OWASP allow-list.
 */
@ApplicationScoped
public class InputReader {

    /** What came out: the values to {@code $set} and what is wrong, field → message, in the order found. */
    public record Result(Document values, Map<String, String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** Each problem as {@code field: message}. */
        public List<String> errors() {
            List<String> list = new ArrayList<>();
            problems.forEach((f, m) -> list.add(f + ": " + m));
            return list;
        }

        public String firstField() {
            return problems.isEmpty() ? null : problems.keySet().iterator().next();
        }
    }

    private static final Pattern SLUGGABLE = Pattern.compile("[a-z0-9]");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"'`]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern SITE = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,29}");
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]|&#|javascript:", Pattern.CASE_INSENSITIVE);
    private static final PolicyFactory RICH = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("ul", "ol", "li").toFactory()).and(new HtmlPolicyBuilder().allowStandardUrlProtocols()
                    .allowElements("a").allowAttributes("href", "title").onElements("a")
                    .requireRelNofollowOnLinks().toFactory());

    private final Validator validator;

    public InputReader(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param full     every required field must be present (create, replace); otherwise only what is sent is checked
     * @param allowId  accept an {@code id} field (bulk upserts name the document they mean)
     */
    public Result read(Entity entity, JsonNode body, boolean full, boolean allowId) {
        Errors errors = new Errors();
        Document values = new Document();
        if (body == null || !body.isObject()) {
            errors.add("body", "must be a JSON object");
            return errors.result(values);
        }
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (allowId && "id".equals(name)) {
                String id = e.getValue().isTextual() ? e.getValue().asText() : null;
                if (id == null || !id.matches("[a-z0-9-]{1,300}")) {
                    errors.add("id", "must be lower-case letters, digits and '-'");
                } else {
                    values.put("id", id);
                }
                continue;
            }
            Field field = entity.fields().get(name);
            if (field == null) {
                errors.add(name, entity.serverOwned(name) ? "is set by the server" : "is not a known field");
                continue;
            }
            Object value = value(field, e.getValue(), errors);
            if (!errors.has(name)) {
                values.put(name, value);
            }
        }
        if (full) {
            for (Field f : entity.fields().values()) {
                if (f.required() && values.get(f.name()) == null && !errors.has(f.name())) {
                    errors.add(f.name(), "is required");
                }
            }
        }
        String source = entity.idSource();
        if (source != null && values.get(source) instanceof String name && !errors.has(source)
                && !SLUGGABLE.matcher(CatalogFields.slug(name)).find()) {
            // the id and the URL slug are made from the name: one without a letter or digit would give
            // "brand-" and "-1"
            errors.add(source, "must contain a letter (a-z) or a digit; the id and URL slug are made from it");
        }
        return errors.result(values);
    }

    private Object value(Field f, JsonNode node, Errors errors) {
        String name = f.name();
        if (node.isNull()) {
            if (f.required()) {
                errors.add(name, "is required");
            }
            return null;
        }
        switch (f.kind()) {
            case PLAIN, REF -> {
                String v = plain(name, node, f.maxLength(), errors);
                if (v != null && v.isEmpty() && f.required()) {
                    errors.add(name, "must not be blank");
                }
                return v;
            }
            case RICH -> {
                return rich(name, node, f.maxLength(), errors);
            }
            case URL -> {
                String url = url(name, node, errors);
                check(name, "url", url, errors);
                return url;
            }
            case INT -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    errors.add(name, "must be an integer");
                    return null;
                }
                String property = switch (name) {
                    case "ranking" -> "ranking";
                    case "seating" -> "seating";
                    default -> "rank";
                };
                check(name, property, node.intValue(), errors);
                return node.intValue();
            }
            case PRICE -> {
                if (!node.isNumber()) {
                    errors.add(name, "must be a number (rupees)");
                    return null;
                }
                check(name, "price", node.doubleValue(), errors);
                return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
            }
            case BOOL -> {
                if (!node.isBoolean()) {
                    errors.add(name, "must be true or false");
                }
                return node.asBoolean();
            }
            case ENUM -> {
                String v = plain(name, node, 100, errors);
                if (v != null && !f.allowed().contains(v)) {
                    errors.add(name, "must be one of " + f.allowed());
                }
                return v;
            }
            case ENUM_LIST -> {
                List<String> out = new ArrayList<>();
                if (!node.isArray()) {
                    errors.add(name, "must be an array of " + f.allowed());
                    return out;
                }
                for (JsonNode item : node) {
                    String v = item.isTextual() ? item.asText() : null;
                    if (v == null || !f.allowed().contains(v)) {
                        errors.add(name, "must only hold " + f.allowed());
                        return out;
                    }
                    if (!out.contains(v)) {
                        out.add(v);
                    }
                }
                return out;
            }
            case IMAGES -> {
                return objects(name, node, Set.of("url", "caption"), errors, (o, path) -> {
                    var image = new Constraints.Image(url(path + ".url", o.get("url"), errors),
                            plain(path + ".caption", o.get("caption"), 300, errors));
                    violations(path, validator.validate(image), errors);
                    return new Document("url", image.url()).append("caption", image.caption());
                });
            }
            case FAQS -> {
                return objects(name, node, Set.of("question", "answer"), errors, (o, path) -> {
                    var faq = new Constraints.Faq(plain(path + ".question", o.get("question"), 500, errors),
                            rich(path + ".answer", o.get("answer"), 20_000, errors));
                    violations(path, validator.validate(faq), errors);
                    return new Document("question", faq.question()).append("answer", faq.answer());
                });
            }
            case ENGINE_SUMMARIES -> {
                return objects(name, node, Set.of("title", "summary", "transmission", "power", "torque", "speed"), errors,
                        (o, path) -> {
                            var s = new Constraints.EngineSummary(plain(path + ".title", o.get("title"), 200, errors),
                                    rich(path + ".summary", o.get("summary"), 20_000, errors),
                                    plain(path + ".transmission", o.get("transmission"), 200, errors),
                                    plain(path + ".power", o.get("power"), 200, errors),
                                    plain(path + ".torque", o.get("torque"), 200, errors),
                                    plain(path + ".speed", o.get("speed"), 200, errors));
                            violations(path, validator.validate(s), errors);
                            return new Document("title", s.title()).append("summary", s.summary())
                                    .append("transmission", s.transmission()).append("power", s.power())
                                    .append("torque", s.torque()).append("speed", s.speed());
                        });
            }
            case MILEAGE -> {
                return objects(name, node, Set.of("engineName", "companyClaimed", "cityRealWorld", "highwayRealWorld"),
                        errors, (o, path) -> {
                            Document d = new Document();
                            for (String k : List.of("engineName", "companyClaimed", "cityRealWorld", "highwayRealWorld")) {
                                d.append(k, plain(path + "." + k, o.get(k), 200, errors));
                            }
                            return d;
                        });
            }
            case SLUG -> {
                String v = plain(name, node, f.maxLength(), errors);
                if (v != null && !errors.has(name) && !SLUG.matcher(v).matches()) {
                    errors.add(name, "must be lower-case letters a-z, digits and single '-' between them");
                }
                return v;
            }
            case EMAIL -> {
                String v = plain(name, node, f.maxLength(), errors);
                if (v != null && !errors.has(name) && !EMAIL.matcher(v).matches()) {
                    errors.add(name, "must be an e-mail address");
                }
                return v;
            }
            case DATE -> {
                return date(name, node, errors);
            }
            case REFS, STRINGS -> {
                List<String> out = new ArrayList<>();
                if (!node.isArray() || node.size() > f.maxLength()) {
                    errors.add(name, "must be an array of at most " + f.maxLength() + " strings");
                    return out;
                }
                for (int i = 0; i < node.size(); i++) {
                    String v = plain(name + "[" + i + "]", node.get(i), f.kind() == Field.Kind.REFS ? 200 : 100, errors);
                    if (v == null || v.isEmpty()) {
                        errors.add(name + "[" + i + "]", "must be a non-blank string");
                    } else if (!out.contains(v)) {
                        out.add(v);
                    }
                }
                return out;
            }
            case BLOCKS -> {
                return objects(name, node, f.maxLength(), Set.copyOf(NewsFields.CONTENT_BLOCK), errors, (o, path) -> block(o, path, errors));
            }
            case SOCIAL_LINKS -> {
                Document links = new Document();
                if (!node.isObject() || node.size() > f.maxLength()) {
                    errors.add(name, "must be an object of at most " + f.maxLength() + " site: URL pairs");
                    return links;
                }
                node.fields().forEachRemaining(link -> {
                    String path = name + "." + link.getKey();
                    if (!SITE.matcher(link.getKey()).matches()) {
                        errors.add(path, "is not a site name (letters and digits, starting with a letter)");
                        return;
                    }
                    String url = url(path, link.getValue(), errors);
                    check(path, "url", url, errors);
                    links.put(link.getKey(), url);
                });
                return links;
            }
            default -> throw new IllegalStateException(f.kind().name());
        }
    }

    /**
     * One of an article's {@code contentBlocks}: {@code content} is HTML cleaned by the same allow-list as
     * every rich-text field; an image block needs {@code imageUrl}, every other block {@code content}.
     */
    private Document block(ObjectNode o, String path, Errors errors) {
        String type = plain(path + ".type", o.get("type"), 20, errors);
        if (type == null) {
            errors.add(path + ".type", "is required");
        } else if (!NewsFields.BLOCK_TYPES.contains(type)) {
            errors.add(path + ".type", "must be one of " + NewsFields.BLOCK_TYPES);
        }
        String id = plain(path + ".id", o.get("id"), 100, errors);
        String content = rich(path + ".content", o.get("content"), 20_000, errors);
        String imageUrl = url(path + ".imageUrl", o.get("imageUrl"), errors);
        check(path + ".imageUrl", "url", imageUrl, errors);
        String caption = plain(path + ".imageCaption", o.get("imageCaption"), 300, errors);
        if ("image".equals(type) && imageUrl == null) {
            errors.add(path + ".imageUrl", "is required for an image block");
        } else if (type != null && !"image".equals(type) && content == null) {
            errors.add(path + ".content", "is required for a " + type + " block");
        }
        Document block = new Document("id", id == null || id.isEmpty() ? "block-" + blockNumber(path) : id)
                .append("type", type);
        if (content != null) {
            block.append("content", content);
        }
        if (imageUrl != null) {
            block.append("imageUrl", imageUrl);
        }
        if (caption != null) {
            block.append("imageCaption", caption);
        }
        return block;
    }

    /** {@code contentBlocks[4]} → 5: a block sent without an id gets {@code block-<n>}. */
    private static int blockNumber(String path) {
        return Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1)) + 1;
    }

    /** An ISO-8601 instant ({@code 2026-03-01T09:30:00Z}, or with an offset), or the {@code {"$date": …}} an export writes. */
    private static java.util.Date date(String name, JsonNode node, Errors errors) {
        JsonNode text = node.isObject() && node.size() == 1 && node.has("$date") ? node.get("$date") : node;
        if (text.isTextual() && text.asText().length() <= 40) {
            try {
                return java.util.Date.from(java.time.OffsetDateTime.parse(text.asText()).toInstant());
            } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
                // answered below
            }
        }
        errors.add(name, "must be an ISO-8601 date-time with a zone, such as 2026-03-01T09:30:00Z");
        return null;
    }

    private interface Item {
        Document read(ObjectNode node, String path);
    }

    private static List<Document> objects(String name, JsonNode node, Set<String> keys, Errors errors, Item item) {
        return objects(name, node, 100, keys, errors, item);
    }

    private static List<Document> objects(String name, JsonNode node, int max, Set<String> keys, Errors errors, Item item) {
        List<Document> out = new ArrayList<>();
        if (!node.isArray() || node.size() > max) {
            errors.add(name, "must be an array of at most " + max + " objects");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = name + "[" + i + "]";
            JsonNode o = node.get(i);
            if (!o.isObject()) {
                errors.add(path, "must be an object");
                continue;
            }
            Iterator<String> names = o.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!keys.contains(k)) {
                    errors.add(path + "." + k, "is not a known field");
                }
            }
            out.add(item.read((ObjectNode) o, path));
        }
        return out;
    }

    private static String plain(String name, JsonNode node, int max, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(name, "must be a string");
            return null;
        }
        String v = node.asText().strip();
        if (v.length() > max) {
            errors.add(name, "must be at most " + max + " characters");
        } else if (MARKUP.matcher(v).find()) {
            errors.add(name, "must be plain text (no markup)");
        }
        return v;
    }

    /** URLs are checked as sent (not stripped): whitespace anywhere in one is refused by {@link Constraints#URL}. */
    private static String url(String name, JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(name, "must be a string");
            return null;
        }
        if (node.asText().length() > 2000) {
            errors.add(name, "must be at most 2000 characters");
            return null;
        }
        return node.asText();
    }

    private static String rich(String name, JsonNode node, int max, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(name, "must be a string");
            return null;
        }
        if (node.asText().length() > max) {
            errors.add(name, "must be at most " + max + " characters");
            return null;
        }
        return RICH.sanitize(node.asText()).strip();
    }

    private void check(String field, String property, Object value, Errors errors) {
        if (value != null) {
            for (ConstraintViolation<Constraints> v : validator.validateValue(Constraints.class, property, value)) {
                errors.add(field, v.getMessage());
            }
        }
    }

    /** Violations inside one object of a list, named by their full path ({@code galleryImages[2].url}). */
    private static <T> void violations(String path, Set<ConstraintViolation<T>> found, Errors errors) {
        for (ConstraintViolation<T> v : found) {
            String property = v.getPropertyPath().toString();
            errors.add(property.isEmpty() ? path : path + "." + property, v.getMessage());
        }
    }

    static final class Errors {
        private final Map<String, String> byField = new LinkedHashMap<>();

        void add(String field, String message) {
            byField.putIfAbsent(field, message);
        }

        boolean has(String field) {
            return byField.keySet().stream().anyMatch(k -> k.equals(field) || k.startsWith(field + "[")
                    || k.startsWith(field + "."));
        }

        Result result(Document values) {
            return new Result(values, new LinkedHashMap<>(byField));
        }
    }
}
