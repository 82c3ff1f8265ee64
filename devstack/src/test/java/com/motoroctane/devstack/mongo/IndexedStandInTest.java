package com.motoroctane.devstack.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.motoroctane.devstack.MongoStandIn;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The stand-in's indexes change how much it reads, never what it answers: every query of a battery (equalities
 * at the top level and inside {@code $and}, {@code $in}, numbers of three types, arrays, dotted paths, what an
 * index must not take: null, {@code $ne}, regex, array equality) gives the same documents, in the same order,
 * the same counts and the same aggregation results as the stock stand-in without them, before and after
 * updates, deletes and inserts move documents between index keys. Both backends (memory for tests, H2 for
 * {@code bin/platform}), through the real driver.
 */
class IndexedStandInTest {

    private static final List<String> MODELS = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8");

    @Test
    void memoryBackendAnswersAsTheStockOne() {
        compare(IndexedMemoryBackend::new, MemoryBackend::new);
    }

    @Test
    void h2BackendAnswersAsTheStockOne() {
        compare(() -> new IndexedH2Backend(null), H2Backend::inMemory);
    }

    /** The H2 file keeps the index's description only: reopening rebuilds its keys from the documents. */
    @Test
    void reopenedFileRebuildsTheIndexFromItsDocuments(@TempDir Path dir) {
        Path file = dir.resolve("mongo.h2");
        try (MongoStandIn mongo = MongoStandIn.persistent(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            docs.createIndex(Indexes.ascending("modelId", "status"));
            seed(docs, new Random(3), 200);
        }
        try (MongoStandIn mongo = MongoStandIn.persistent(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            Document stats = client.getDatabase("t").runCommand(new Document("collStats", "docs"));
            long withModel = docs.countDocuments(Filters.exists("modelId"));
            assertEquals(200L, ((Number) stats.get("indexSize", Document.class).get("modelId_1_status_1")).longValue(),
                    "every document is in the rebuilt index: " + stats.toJson());
            assertEquals(docs.countDocuments(Filters.eq("modelId", "m2")),
                    docs.find(Filters.and(Filters.eq("status", "active"), Filters.eq("modelId", "m2"))).into(new ArrayList<>()).size()
                            + docs.countDocuments(Filters.and(Filters.eq("modelId", "m2"), Filters.ne("status", "active"))));
            assertTrue(withModel > 0);
        }
    }

    private static void compare(Supplier<MongoBackend> indexed, Supplier<MongoBackend> stock) {
        MongoServer a = new MongoServer(indexed.get());
        MongoServer b = new MongoServer(stock.get());
        try (MongoClient ca = MongoClients.create("mongodb://" + address(a));
             MongoClient cb = MongoClients.create("mongodb://" + address(b))) {
            MongoCollection<Document> x = ca.getDatabase("t").getCollection("docs");
            MongoCollection<Document> y = cb.getDatabase("t").getCollection("docs");
            for (MongoCollection<Document> c : List.of(x, y)) {
                c.createIndex(Indexes.ascending("modelId", "status"));
                c.createIndex(Indexes.ascending("price"));
                c.createIndex(Indexes.ascending("tags"));
                c.createIndex(Indexes.ascending("spec.fuel"));
                c.createIndex(Indexes.ascending("owners.id"));
                c.createIndex(Indexes.ascending("status"));
                c.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
                c.createIndex(Indexes.ascending("brand", "code"), new IndexOptions().unique(true));
                seed(c, new Random(11), 400);
            }
            battery(x, y, "after seeding");

            for (MongoCollection<Document> c : List.of(x, y)) {
                c.updateMany(Filters.eq("modelId", "m3"), Updates.set("modelId", "m9"));
                c.updateMany(Filters.eq("tags", "blue"), Updates.push("tags", "green"));
                c.updateOne(Filters.eq("slug", "s-5"), Updates.combine(Updates.set("price", 100L), Updates.unset("modelId")));
                c.updateMany(Filters.in("modelId", "m5", "m6"), Updates.set("spec.fuel", "Electric"));
                c.deleteMany(Filters.eq("modelId", "m4"));
                c.deleteOne(Filters.eq("slug", "s-77"));
                seed(c, new Random(12), 50, 1000);
            }
            battery(x, y, "after updates, deletes and inserts");
        } finally {
            a.shutdownNow();
            b.shutdownNow();
        }
    }

    private static String address(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    private static void battery(MongoCollection<Document> indexed, MongoCollection<Document> stock, String when) {
        List<Bson> queries = List.of(
                Filters.eq("modelId", "m3"),
                Filters.and(Filters.eq("modelId", "m2"), Filters.eq("status", "active")),
                new Document("$and", List.of(new Document("status", "active"),
                        new Document("$and", List.of(new Document("modelId", "m4"))))),
                Filters.in("modelId", "m1", "m2", "nope"),
                Filters.in("modelId", List.of()),
                new Document("modelId", new Document("$eq", "m5")),
                Filters.eq("modelId", null),
                Filters.ne("modelId", "m1"),
                Filters.regex("modelId", "^m1"),
                Filters.eq("price", 100),
                Filters.eq("price", 100L),
                Filters.eq("price", 100.0),
                Filters.in("price", 100, 250.0),
                Filters.eq("tags", "red"),
                Filters.eq("tags", List.of("red", "blue")),
                Filters.eq("spec.fuel", "Petrol"),
                Filters.eq("owners.id", "o2"),
                Filters.eq("status", "active"),
                Filters.and(Filters.eq("slug", "s-7"), Filters.eq("status", "active")),
                Filters.and(Filters.eq("slug", "s-8"), Filters.ne("status", "x")),
                Filters.and(Filters.in("slug", "s-1", "s-2", "s-3"), Filters.eq("status", "active")),
                Filters.and(Filters.eq("brand", "b1"), Filters.eq("code", 3), Filters.exists("slug")),
                Filters.and(Filters.eq("modelId", "m2"), Filters.or(Filters.eq("status", "active"), Filters.eq("price", 250))),
                Filters.and(Filters.eq("modelId", "m2"), Filters.eq("modelId", "m3")),
                Filters.and(Filters.eq("modelId", "m1"), Filters.gt("price", 150)),
                Filters.and(Filters.nin("modelId", "m7"), Filters.and(Filters.eq("modelId", "m6"))));
        for (Bson q : queries) {
            String name = when + ": " + q.toBsonDocument().toJson();
            assertEquals(slugs(stock.find(q)), slugs(indexed.find(q)), name);
            assertEquals(slugs(stock.find(q).sort(Sorts.ascending("price", "slug")).limit(7)),
                    slugs(indexed.find(q).sort(Sorts.ascending("price", "slug")).limit(7)), name);
            assertEquals(stock.countDocuments(q), indexed.countDocuments(q), name);
            List<Bson> pipeline = List.of(Aggregates.match(q), Aggregates.sort(Sorts.ascending("modelId", "price")),
                    Aggregates.group("$modelId", Accumulators.first("min", "$price"), Accumulators.sum("n", 1)),
                    Aggregates.sort(Sorts.ascending("_id")));
            assertEquals(stock.aggregate(pipeline).into(new ArrayList<>()), indexed.aggregate(pipeline).into(new ArrayList<>()),
                    name);
        }
        assertFalse(indexed.find(Filters.eq("modelId", "m2")).into(new ArrayList<>()).isEmpty(), when);
    }

    /** Each answer by its documents' slugs, in order (the whole documents are equal when these are: one seed). */
    private static List<String> slugs(FindIterable<Document> found) {
        return found.map(d -> d.getString("slug")).into(new ArrayList<>());
    }

    private static void seed(MongoCollection<Document> c, Random rnd, int n) {
        seed(c, rnd, n, 0);
    }

    /** Documents with every shape an index key can take: missing, null, numbers of three types, arrays, paths. */
    private static void seed(MongoCollection<Document> c, Random rnd, int n, int from) {
        List<Document> docs = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            Document d = new Document("_id", i).append("slug", "s-" + i).append("status", rnd.nextInt(10) < 8 ? "active" : "draft");
            int m = rnd.nextInt(MODELS.size() + 2);
            if (m < MODELS.size()) {
                d.append("modelId", MODELS.get(m));
            } else if (m == MODELS.size()) {
                d.append("modelId", null);
            }
            Object price = switch (rnd.nextInt(4)) {
                case 0 -> 100;
                case 1 -> 100L;
                case 2 -> 100.0;
                default -> 100 + rnd.nextInt(300);
            };
            d.append("price", price);
            switch (rnd.nextInt(4)) {
                case 0 -> d.append("tags", List.of("red", "blue"));
                case 1 -> d.append("tags", "red");
                case 2 -> d.append("tags", List.of(List.of("red"), "green"));
                default -> { }
            }
            d.append("spec", new Document("fuel", rnd.nextBoolean() ? "Petrol" : "Diesel"));
            d.append("owners", List.of(new Document("id", "o" + rnd.nextInt(5)), new Document("id", "o" + rnd.nextInt(5))));
            d.append("brand", "b" + (i % 7)).append("code", i);
            docs.add(d);
        }
        c.insertMany(docs);
    }
}
