package com.motoroctane.devstack.mongo;

import java.util.List;
import java.util.function.Function;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * What the stand-in's databases (memory and H2) do differently from the stock ones: they keep non-unique
 * indexes ({@link LeadingKeyIndex}), let unique ones answer queries with more fields ({@link UniqueKeysIndex}),
 * and start an aggregation whose first stage is an indexed {@code $match} from that index instead of from every
 * document of the collection (the stock stand-in streams the whole collection into every pipeline; the driver's
 * {@code countDocuments} is such a pipeline). Results are the same: the pipeline still runs every stage,
 * the {@code $match} included.
 */
final class Indexing {

    private Indexing() {
    }

    /** @param positionOf where the backend keeps a document, when that follows from it; null: the index remembers */
    static <P> Index<P> secondary(String name, List<IndexKey> keys, boolean sparse, Function<Document, P> positionOf) {
        return new LeadingKeyIndex<>(name, keys, sparse, positionOf);
    }

    static <P> Index<P> unique(Index<P> stock, boolean sparse) {
        return new UniqueKeysIndex<>(stock, sparse);
    }

    /**
     * The answer to an {@code aggregate} command whose first stage is a {@code $match} one of the collection's
     * indexes can narrow; null for any other command (the caller runs it as the stock stand-in does).
     */
    static Document aggregate(MongoDatabase database, String command, Document query, DatabaseResolver resolver,
                              Oplog oplog) {
        if (!"aggregate".equalsIgnoreCase(command) || query.containsKey("explain") || query.containsKey("let")
                || !(query.get(command) instanceof String collectionName)) {
            return null;
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection == null) {
            return null;
        }
        if (!(query.get("pipeline") instanceof List<?> stages)) {
            return null;
        }
        List<Document> pipeline = Aggregation.parse(stages);
        if (pipeline.isEmpty() || !(pipeline.get(0).get("$match") instanceof Document match) || match.containsKey("$text")
                || collection.getIndexes().stream().noneMatch(index -> index.canHandle(match))) {
            return null;
        }
        Aggregation aggregation = Aggregation.fromPipeline(pipeline, resolver, database, collection, oplog);
        aggregation.validate(query);
        List<Document> result = aggregation.runStages(collection.handleQueryAsStream(match));
        Document cursor = new Document("id", 0L);
        cursor.put("ns", collection.getFullName());
        cursor.put("firstBatch", result);
        Document response = new Document("cursor", cursor);
        response.put("ok", 1.0);
        return response;
    }
}
