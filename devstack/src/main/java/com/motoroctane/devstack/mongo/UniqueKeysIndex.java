package com.motoroctane.devstack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The stand-in's unique index, also used by a query that asks for more than its keys. The stand-in answers
 * {@code {slug: "x"}} from its unique index on {@code slug} but scans the whole collection for
 * {@code {slug: "x", status: "published"}} (or the same inside {@code $and}); this wrapper looks up the documents
 * that hold the index's keys (at most one per key value) and leaves the rest of the query to the collection,
 * which applies all of it.
 */
final class UniqueKeysIndex<P> extends Index<P> {

    private final Index<P> unique;

    UniqueKeysIndex(Index<P> unique, boolean sparse) {
        super(unique.getName(), unique.getKeys(), sparse);
        this.unique = unique;
    }

    /**
     * The part of {@code query} this index answers, as the stock index reads it: each of its keys with the value
     * a condition (top level or in {@code $and}) asks it to equal; null if one has none. {@code $in} only on an
     * index of one key.
     */
    private Document ownKeys(Document query) {
        List<String> fields = keys();
        Document own = new Document();
        for (String field : fields) {
            List<Object> keys = EqualityKeys.forField(query, field);
            if (keys == null || (keys.size() != 1 && fields.size() > 1)) {
                return null;
            }
            own.put(field, keys.size() == 1 ? keys.get(0) : new Document("$in", keys));
        }
        return own;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || ownKeys(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.canHandle(query) ? unique.getPositions(query) : unique.getPositions(ownKeys(query));
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }
}
