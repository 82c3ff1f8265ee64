package com.motoroctane.catalog.domain;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.motoroctane.catalog.store.CatalogStore;
import com.motoroctane.catalog.store.ModelSummaries;

/**
 * Model lists filtered or sorted by starting price. Models have no price field, so the candidates' ids come
 * from MongoDB with the other filters (for a band, only the ids {@link ModelSummaries} finds in it by binary
 * search), their starting prices from {@link ModelSummaries}, and the keyset seek happens in memory over
 * (starting price, id); models without an active variant come last.
 */
final class PricedModels {

    private record Row(String id, Long price) {
    }

    private PricedModels() {
    }

    static PageResult page(CatalogStore store, ModelSummaries priced, ListQuery query, Long minPrice, Long maxPrice) {
        Map<String, ModelSummaries.Summary> summaries = priced.all();
        List<Row> rows = new ArrayList<>();
        // a band seeks in the summaries ordered by starting price; MongoDB then applies the other filters to those ids
        Bson candidates = minPrice == null && maxPrice == null ? query.filter()
                : and(query.filter(), in("id", priced.startingBetween(minPrice, maxPrice)));
        for (Document candidate : store.find(CatalogStore.MODELS, candidates, null, 0, List.of("id"))) {
            ModelSummaries.Summary s = summaries.get(candidate.getString("id"));
            Long price = s == null ? null : s.minPrice();
            if ((minPrice != null || maxPrice != null)
                    && (price == null || (minPrice != null && price < minPrice) || (maxPrice != null && price > maxPrice))) {
                continue;
            }
            rows.add(new Row(candidate.getString("id"), price));
        }
        SortSpec sort = query.sort();
        boolean byPrice = Aggregates.STARTING_PRICE.equals(sort.name());
        Comparator<Row> order = byPrice
                ? Comparator.comparing((Row r) -> r.price() == null)
                        .thenComparing(Row::price, Comparator.nullsLast(sort.descending() ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder()))
                        .thenComparing(Row::id)
                : null;
        List<Document> docs;
        int start;
        if (order == null) {
            // another sort with a price filter: let MongoDB order the surviving ids
            return store.page(CatalogStore.MODELS, new ListQuery(
                    com.mongodb.client.model.Filters.and(query.filter(),
                            com.mongodb.client.model.Filters.in("id", rows.stream().map(Row::id).toList())),
                    query.fingerprint(), sort, query.page(), query.limit(), query.after(), query.fields()));
        }
        rows.sort(order);
        start = query.skip();
        Position after = query.after();
        if (after != null) {
            Row marker = new Row(after.id(), after.value() instanceof Number n ? n.longValue() : null);
            start = 0;
            while (start < rows.size() && order.compare(rows.get(start), marker) <= 0) {
                start++;
            }
        }
        int end = Math.min(rows.size(), start + query.limit());
        List<Row> pageRows = start >= rows.size() ? List.of() : rows.subList(start, end);
        Map<String, Document> byId = new HashMap<>();
        for (Document d : store.byIds(CatalogStore.MODELS, pageRows.stream().map(Row::id).toList(), query.fields())) {
            byId.put(d.getString("id"), d);
        }
        docs = new ArrayList<>(pageRows.size());
        for (Row r : pageRows) {
            Document d = byId.get(r.id());
            if (d != null) {
                docs.add(d);
            }
        }
        Position next = null;
        if (end < rows.size() && !pageRows.isEmpty()) {
            Row last = pageRows.get(pageRows.size() - 1);
            next = new Position(last.price(), last.id(), last.price() == null, query.pageNumber() + 1);
        }
        return new PageResult(docs, rows.size(), next);
    }
}
