package com.motoroctane.catalog.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.motoroctane.catalog.domain.ListQuery;
import com.motoroctane.catalog.domain.PageResult;
import com.motoroctane.catalog.domain.Position;
import com.motoroctane.catalog.domain.SortSpec;

/**
 * Reads one page of a sorted list. With a cursor it seeks past the last item with a range predicate on
 * (sort field, id), which a compound index answers without skipping, so page 10,000 costs what page 1
 * costs. Without a cursor it falls back to skip/limit for {@code page=N}.
 *
 * <p>Nullable sort fields are read in two segments, values first and then the documents without one,
 * so unranked models never crowd the top of a ranking.
 */
final class KeysetPager {

    private KeysetPager() {
    }

    static PageResult page(MongoCollection<Document> collection, ListQuery query) {
        long total = collection.countDocuments(query.filter());
        SortSpec sort = query.sort();
        int want = query.limit() + 1;
        List<Document> items = new ArrayList<>(want);
        Position after = query.after();
        int skip = query.skip();

        boolean inNullSegment = after != null && after.nullSegment();
        if (!inNullSegment) {
            Bson filter = sort.nullable() ? and(query.filter(), ne(sort.field(), null)) : query.filter();
            if (after != null) {
                filter = and(filter, seek(sort, after));
            }
            long valued = -1;
            if (sort.nullable() && skip > 0) {
                valued = collection.countDocuments(filter);
            }
            if (valued < 0 || skip < valued) {
                find(collection, filter, query, orderOf(sort), skip, want).into(items);
                skip = 0;
            } else {
                skip -= (int) valued;
            }
        }
        if (sort.nullable() && items.size() < want) {
            Bson filter = and(query.filter(), eq(sort.field(), null));
            if (inNullSegment) {
                filter = and(filter, gt("id", after.id()));
            }
            find(collection, filter, query, Sorts.ascending("id"), skip, want - items.size()).into(items);
        }

        Position next = null;
        if (items.size() > query.limit()) {
            items = items.subList(0, query.limit());
            Document last = items.get(items.size() - 1);
            Object value = last.get(sort.field());
            next = new Position(value, last.getString("id"), sort.nullable() && value == null, query.pageNumber() + 1);
        }
        return new PageResult(items, total, next);
    }

    private static FindIterable<Document> find(MongoCollection<Document> collection, Bson filter, ListQuery query,
                                               Bson order, int skip, int limit) {
        FindIterable<Document> find = collection.find(filter).sort(order).limit(limit);
        if (skip > 0) {
            find = find.skip(skip);
        }
        return find.projection(projection(query.fields()));
    }

    static Bson projection(List<String> fields) {
        if (fields.isEmpty()) {
            return Projections.excludeId();
        }
        List<String> include = new ArrayList<>(fields);
        if (!include.contains("id")) {
            include.add(0, "id");
        }
        return Projections.fields(Projections.include(include), Projections.excludeId());
    }

    private static Bson orderOf(SortSpec sort) {
        return sort.descending()
                ? Sorts.descending(sort.field(), "id")
                : Sorts.ascending(sort.field(), "id");
    }

    private static Bson seek(SortSpec sort, Position after) {
        String field = sort.field();
        Object value = after.value();
        if (sort.descending()) {
            return or(lt(field, value), and(eq(field, value), lt("id", after.id())));
        }
        return or(gt(field, value), and(eq(field, value), gt("id", after.id())));
    }
}
