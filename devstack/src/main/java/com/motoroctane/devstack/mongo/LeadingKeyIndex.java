package com.motoroctane.devstack.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index for the stand-in, which otherwise accepts such an index and ignores it, so that every
 * query scans the whole collection (with 8,000 variants about 100 ms of CPU, one query per collection at a
 * time). It keeps, for the index's leading field, which documents hold each value; a query that asks that field
 * to equal a value (or one of a few, {@code $in}), at its top level or inside {@code $and}, reads only those
 * documents, and the collection still applies the whole query to each of them, so the index only narrows the
 * candidates and never decides a match.
 * <p>
 * A value held by more than a third of the collection is not worth the lookups: such a query scans, as
 * MongoDB's planner would prefer a collection scan for it. Held in memory and rebuilt from the data when the
 * stand-in opens a collection (the H2 file keeps only the index's description).
 */
final class LeadingKeyIndex<P> extends Index<P> {

    private static final int ALWAYS_WORTH_IT = 64;

    private final String field;
    /** Where the backend keeps a document, when that follows from the document (H2: its _id); null: {@link #byId}. */
    private final Function<Document, P> positionOf;
    /** Each key's position, or a {@code LinkedHashSet} of them when more than one document holds it. */
    private final Map<Object, Object> positionsByKey = new HashMap<>();
    private final Map<Object, P> byId;
    private long count;

    LeadingKeyIndex(String name, List<IndexKey> keys, boolean sparse, Function<Document, P> positionOf) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.positionOf = positionOf;
        this.byId = positionOf == null ? new HashMap<>() : null;
    }

    private static Object idOf(Document document) {
        Object id = document.get("_id");
        return id instanceof Number number ? Utils.normalizeNumber(number) : id;
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionOf != null ? positionOf.apply(document) : byId.get(idOf(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (byId != null) {
            byId.put(idOf(document), position);
        }
        count++;
        for (Object key : EqualityKeys.ofDocument(document, field)) {
            positionsByKey.merge(key, position, (held, one) -> {
                Set<Object> all = held instanceof LinkedHashSet<?> set ? cast(set) : new LinkedHashSet<>(List.of(held));
                all.add(one);
                return all;
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> cast(Set<?> set) {
        return (Set<Object>) set;
    }

    /** {@code document} as it was indexed (the stored one, or an update's copy of it from before the update). */
    @Override
    public synchronized P remove(Document document) {
        P position = byId != null ? byId.remove(idOf(document)) : positionOf.apply(document);
        if (position == null) {
            return null;
        }
        count--;
        for (Object key : EqualityKeys.ofDocument(document, field)) {
            positionsByKey.computeIfPresent(key, (k, held) -> {
                if (!(held instanceof LinkedHashSet<?> set)) {
                    return held.equals(position) ? null : held;
                }
                set.remove(position);
                return set.size() == 1 ? set.iterator().next() : set;
            });
        }
        return position;
    }

    /** How many documents hold these keys. */
    private int held(List<Object> keys) {
        int held = 0;
        for (Object key : keys) {
            Object positions = positionsByKey.get(key);
            held += positions == null ? 0 : positions instanceof Set<?> set ? set.size() : 1;
        }
        return held;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        List<Object> keys = EqualityKeys.forField(query, field);
        return keys != null && held(keys) <= Math.max(ALWAYS_WORTH_IT, count / 3);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized Iterable<P> getPositions(Document query) {
        Set<P> union = new LinkedHashSet<>();
        for (Object key : EqualityKeys.forField(query, field)) {
            Object positions = positionsByKey.get(key);
            if (positions instanceof Set<?> set) {
                union.addAll((Set<P>) set);
            } else if (positions != null) {
                union.add((P) positions);
            }
        }
        List<P> positions = new ArrayList<>(union);
        positions.sort(ValueComparator.asc()::compare); // the collection's natural order, as a scan returns them
        return positions;
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        positionsByKey.clear();
        if (byId != null) {
            byId.clear();
        }
        count = 0;
    }
}
