package com.motoroctane.admin.catalog;

import java.util.List;

/**
 * How one writable field is checked. Plain text rejects markup; rich text is passed through the HTML
 * allow-list; every other kind has a fixed JSON type, so an operator-shaped object never reaches MongoDB.
 */
public record Field(String name, Kind kind, boolean required, int maxLength, List<String> allowed) {

    public enum Kind { PLAIN, RICH, URL, INT, PRICE, BOOL, ENUM, ENUM_LIST, IMAGES, FAQS, ENGINE_SUMMARIES, MILEAGE, REF }

    static Field of(String name, Kind kind) {
        return new Field(name, kind, false, kind == Kind.RICH ? 20_000 : 500, List.of());
    }

    static Field required(String name, Kind kind, int maxLength) {
        return new Field(name, kind, true, maxLength, List.of());
    }

    static Field oneOf(String name, Kind kind, List<String> allowed) {
        return new Field(name, kind, false, 100, allowed);
    }
}
