package com.motoroctane.catalog.domain;

import java.util.LinkedHashSet;
import java.util.Set;

import org.bson.Document;

/** Collects the surrogate keys of a response: one per entity it shows, plus the list it belongs to. */
final class SurrogateKeys {

    private final Set<String> keys = new LinkedHashSet<>();

    SurrogateKeys(String... lists) {
        for (String list : lists) {
            keys.add(list);
        }
    }

    SurrogateKeys add(String entity, String id) {
        if (id != null) {
            keys.add(entity + ':' + id);
        }
        return this;
    }

    /** Adds the document's own key and those of the brand and model it belongs to. */
    SurrogateKeys addDocument(String entity, Document doc) {
        add(entity, doc.getString("id"));
        if (!"brand".equals(entity)) {
            add("brand", doc.getString("brandId"));
        }
        if ("variant".equals(entity)) {
            add("model", doc.getString("modelId"));
        }
        return this;
    }

    String header() {
        return String.join(" ", keys);
    }
}
