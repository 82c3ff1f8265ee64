package com.motoroctane.devstack.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;

/**
 * That the indexes are used, and for what: which queries they take, which documents they hand the collection,
 * and that an aggregation starts from them ({@link IndexedStandInTest} shows the answers do not change).
 */
class LeadingKeyIndexTest {

    /** 100 documents: modelId m0..m9 (ten each), status draft for every fifth, else active; positions kept by id. */
    private static LeadingKeyIndex<Integer> index(String... fields) {
        return index(null, fields);
    }

    /** The same, the position following from the document ({@code _id}), as with the H2 backend. */
    private static LeadingKeyIndex<Integer> index(java.util.function.Function<Document, Integer> positionOf, String... fields) {
        List<IndexKey> keys = new ArrayList<>();
        for (String field : fields) {
            keys.add(new IndexKey(field, true));
        }
        LeadingKeyIndex<Integer> index = new LeadingKeyIndex<>("test", keys, false, positionOf);
        for (int i = 0; i < 100; i++) {
            index.add(doc(i, "m" + (i % 10), i % 5 == 0 ? "draft" : "active"), i, null);
        }
        return index;
    }

    private static Document doc(int id, String modelId, String status) {
        Document d = new Document("_id", id);
        d.put("modelId", modelId);
        d.put("status", status);
        return d;
    }

    private static Document q(String field, Object value) {
        return new Document(field, value);
    }

    private static List<Integer> positions(LeadingKeyIndex<Integer> index, Document query) {
        List<Integer> out = new ArrayList<>();
        index.getPositions(query).forEach(out::add);
        return out;
    }

    @Test
    void equalityOnTheLeadingFieldAtAnyDepthOfAndNarrowsToItsDocuments() {
        LeadingKeyIndex<Integer> index = index("modelId", "status");
        Document nested = q("$and", List.of(q("status", "active"), q("$and", List.of(q("modelId", "m3")))));
        assertTrue(index.canHandle(nested));
        assertEquals(List.of(3, 13, 23, 33, 43, 53, 63, 73, 83, 93), positions(index, nested));
        assertEquals(List.of(1, 2, 11, 12, 21, 22, 31, 32, 41, 42, 51, 52, 61, 62, 71, 72, 81, 82, 91, 92),
                positions(index, q("modelId", q("$in", List.of("m2", "m1", "absent")))));
        assertEquals(List.of(), positions(index, q("modelId", q("$eq", "absent"))));
    }

    @Test
    void whatIsNotAPlainEqualityIsLeftToAScan() {
        LeadingKeyIndex<Integer> index = index("modelId");
        assertFalse(index.canHandle(q("status", "active")), "not its field");
        assertFalse(index.canHandle(q("modelId", null)), "null also matches a missing field");
        assertFalse(index.canHandle(q("modelId", q("$ne", "m1"))));
        assertFalse(index.canHandle(q("modelId", Pattern.compile("^m"))));
        assertFalse(index.canHandle(q("modelId", List.of("m1"))), "array equality");
        assertFalse(index.canHandle(q("modelId", q("$in", List.of("m1", q("$gt", "m"))))));
        assertFalse(index.canHandle(q("$or", List.of(q("modelId", "m1"), q("modelId", "m2")))), "either may hold");
    }

    @Test
    void aValueMostDocumentsHoldIsScannedForInstead() {
        LeadingKeyIndex<Integer> index = index("status");
        assertTrue(index.canHandle(q("status", "draft")), "20 of 100");
        assertFalse(index.canHandle(q("status", "active")), "80 of 100: reading them one by one costs more than a scan");
    }

    @Test
    void updatesAndRemovalsMoveDocumentsBetweenKeys() {
        updatesAndRemovalsMoveDocumentsBetweenKeys(index("modelId"));
        updatesAndRemovalsMoveDocumentsBetweenKeys(index(d -> (Integer) d.get("_id"), "modelId"));
    }

    private static void updatesAndRemovalsMoveDocumentsBetweenKeys(LeadingKeyIndex<Integer> index) {
        index.updateInPlace(doc(3, "m3", "active"), doc(3, "m4", "active"), 3, null);
        assertEquals(Integer.valueOf(13), index.remove(doc(13, "m3", "active")));
        assertEquals(List.of(23, 33, 43, 53, 63, 73, 83, 93), positions(index, q("modelId", "m3")));
        assertEquals(List.of(3, 4, 14, 24, 34, 44, 54, 64, 74, 84, 94), positions(index, q("modelId", "m4")));
        assertEquals(Integer.valueOf(3), index.getPosition(doc(3, "m4", "active")));
        assertEquals(99, index.getCount());
        index.remove(doc(23, "m3", "active"));
        index.remove(doc(33, "m3", "active"));
        assertEquals(List.of(43, 53, 63, 73, 83, 93), positions(index, q("modelId", "m3")));
        for (int i = 43; i < 100; i += 10) {
            index.remove(doc(i, "m3", "active"));
        }
        assertEquals(List.of(), positions(index, q("modelId", "m3")), "the last one leaves its key");
        assertEquals(91, index.getCount());
    }

    @Test
    void numbersOfEveryTypeAreOneKey() {
        LeadingKeyIndex<Integer> index = new LeadingKeyIndex<>("price", List.of(new IndexKey("price", true)), false, null);
        index.add(new Document("_id", 1).append("price", 100), 1, null);
        index.add(new Document("_id", 2).append("price", 100L), 2, null);
        index.add(new Document("_id", 3).append("price", 100.0), 3, null);
        index.add(new Document("_id", 4).append("price", 100.5), 4, null);
        assertEquals(List.of(1, 2, 3), positions(index, q("price", 100L)));
        assertEquals(List.of(4), positions(index, q("price", 100.5)));
    }

    @Test
    void aUniqueIndexAlsoAnswersAQueryWithMoreFields() {
        try (MongoServerHandle handle = new MongoServerHandle()) {
            var docs = handle.client.getDatabase("t").getCollection("docs");
            docs.createIndex(Indexes.ascending("slug"), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                docs.insertOne(new org.bson.Document("slug", "s-" + i).append("status", i % 2 == 0 ? "active" : "draft"));
            }
            var slug = handle.backend.resolveDatabase("t").resolveCollection("docs", true).getIndexes().stream()
                    .filter(i -> i.getName().equals("slug_1")).findFirst().orElseThrow();
            Document query = q("$and", List.of(q("status", "active"), q("slug", "s-4")));
            assertTrue(slug.canHandle(query));
            assertEquals(1, ((java.util.Collection<?>) slug.getPositions(query)).size());
            assertFalse(slug.canHandle(q("status", "active")));
        }
    }

    @Test
    void anAggregationStartsFromTheIndexOfItsFirstMatch() {
        try (MongoServerHandle handle = new MongoServerHandle()) {
            var docs = handle.client.getDatabase("t").getCollection("docs");
            docs.createIndex(Indexes.ascending("modelId"));
            for (int i = 0; i < 100; i++) {
                docs.insertOne(new org.bson.Document("modelId", "m" + (i % 10)).append("status", "active"));
            }
            var database = handle.backend.resolveDatabase("t");
            Document count = new Document("aggregate", "docs");
            count.put("pipeline", List.of(q("$match", q("$and", List.of(q("status", "active"), q("modelId", "m7")))),
                    q("$group", new Document("_id", 1).append("n", q("$sum", 1)))));
            count.put("cursor", new Document());
            Document answer = Indexing.aggregate(database, "aggregate", count, handle.backend::resolveDatabase, NoopOplog.get());
            assertNotNull(answer, "answered from the index");
            List<?> batch = (List<?>) ((Document) answer.get("cursor")).get("firstBatch");
            assertEquals(10, ((Number) ((Document) batch.get(0)).get("n")).intValue());
            assertEquals(10L, docs.countDocuments(com.mongodb.client.model.Filters.eq("modelId", "m7")), "through the driver");

            Document unindexed = new Document("aggregate", "docs");
            unindexed.put("pipeline", List.of(q("$match", q("status", "active"))));
            assertNull(Indexing.aggregate(database, "aggregate", unindexed, handle.backend::resolveDatabase, NoopOplog.get()),
                    "no index narrows it: the stock pipeline runs");
            assertNull(Indexing.aggregate(database, "find", q("find", "docs"), handle.backend::resolveDatabase, NoopOplog.get()));
        }
    }

    /** An indexed in-memory stand-in and a driver client on it. */
    private static final class MongoServerHandle implements AutoCloseable {
        final IndexedMemoryBackend backend = new IndexedMemoryBackend();
        final MongoServer server = new MongoServer(backend);
        final MongoClient client;

        MongoServerHandle() {
            var address = server.bind();
            client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
