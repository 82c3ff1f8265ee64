package com.motoroctane.admin.catalog;

import java.util.List;

/**
 * How one writable field is checked. Plain text rejects markup; rich text is passed through the HTML
 * allow-list; every other kind has a fixed JSON type, so an operator-shaped object never reaches MongoDB.
 */
public record Field(String name, Kind kind, boolean required, int maxLength, List<String> allowed) {

    public enum Kind { PLAIN, RICH, URL, INT, PRICE, BOOL, ENUM, ENUM_LIST, IMAGES, FAQS, ENGINE_SUMMARIES, MILEAGE, REF,
        /** News: a writable URL slug, an ISO-8601 instant (stored as a BSON date), a list of ids, plain strings, an e-mail, content blocks, {@code {site: url}}. */
        SLUG, DATE, REFS, STRINGS, EMAIL, BLOCKS, SOCIAL_LINKS }

    static Field of(String name, Kind kind) {
        return new Field(name, kind, false, kind == Kind.RICH ? 20_000 : 500, List.of());
    }

    /** {@code maxLength} is the length of a text, or the number of items of a list. */
    static Field sized(String name, Kind kind, int maxLength) {
        return new Field(name, kind, false, maxLength, List.of());
    }

    static Field required(String name, Kind kind, int maxLength) {
        return new Field(name, kind, true, maxLength, List.of());
    }

    static Field oneOf(String name, Kind kind, List<String> allowed) {
        return new Field(name, kind, false, 100, allowed);
    }
}
