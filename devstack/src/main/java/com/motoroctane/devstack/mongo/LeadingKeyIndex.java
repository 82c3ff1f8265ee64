package com.motoroctane.devstack.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * to equal a value (or one of a few, {@code $in}), at its top level or inside {@code $and}, reads only those documents, and the collection still applies
 * the whole query to each of them, so the index only narrows the candidates and never decides a match.
 * <p>
 * A value held by more than a third of the collection is not worth the lookups: such a query scans, as
 * MongoDB's planner would prefer a collection scan for it. Held in memory and rebuilt from the data when the
 * stand-in opens a collection (the H2 file keeps only the index's description).
 */
final class LeadingKeyIndex<P> extends Index<P> {

    private static final int ALWAYS_WORTH_IT = 64;

    private final String field;
    private final Map<Object, Set<P>> positionsByKey = new HashMap<>();
    private final Map<Object, Indexed<P>> byId = new HashMap<>();

    private record Indexed<P>(P position, Set<Object> keys) {
    }

    LeadingKeyIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    private static Object idOf(Document document) {
        Object id = document.get("_id");
        return id instanceof Number number ? Utils.normalizeNumber(number) : id;
    }

    @Override
    public synchronized P getPosition(Document document) {
        Indexed<P> indexed = byId.get(idOf(document));
        return indexed == null ? null : indexed.position();
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Set<Object> keys = EqualityKeys.ofDocument(document, field);
        byId.put(idOf(document), new Indexed<>(position, keys));
        for (Object key : keys) {
            positionsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        Indexed<P> indexed = byId.remove(idOf(document));
        if (indexed == null) {
            return null;
        }
        for (Object key : indexed.keys()) {
            Set<P> positions = positionsByKey.get(key);
            if (positions != null) {
                positions.remove(indexed.position());
                if (positions.isEmpty()) {
                    positionsByKey.remove(key);
                }
            }
        }
        return indexed.position();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        List<Object> keys = EqualityKeys.forField(query, field);
        if (keys == null) {
            return false;
        }
        long candidates = 0;
        for (Object key : keys) {
            Set<P> positions = positionsByKey.get(key);
            candidates += positions == null ? 0 : positions.size();
        }
        return candidates <= Math.max(ALWAYS_WORTH_IT, byId.size() / 3);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Set<P> union = new LinkedHashSet<>();
        for (Object key : EqualityKeys.forField(query, field)) {
            union.addAll(positionsByKey.getOrDefault(key, Set.of()));
        }
        List<P> positions = new ArrayList<>(union);
        positions.sort(ValueComparator.asc()::compare); // the collection's natural order, as a scan returns them
        return positions;
    }

    @Override
    public synchronized long getCount() {
        return byId.size();
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
        byId.clear();
    }
}
