package com.motoroctane.devstack.seed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.motoroctane.common.news.NewsFields;

/**
 * Writes a generated catalogue into MongoDB. Idempotent: the unique index on {@code id} comes first,
 * an empty collection gets fast plain inserts, a populated one gets upserts by {@code id}, so running
 * it again (or after a crash half-way) never duplicates a document.
 */
public final class CatalogSeeder {

    public record SeedReport(long brands, long models, long variants, long popularComparisons, long articles, Duration took) {
    }

    static final int BATCH = 1_000;

    private final MongoDatabase db;
    private final Consumer<String> progress;

    public CatalogSeeder(MongoDatabase db, Consumer<String> progress) {
        this.db = db;
        this.progress = progress;
    }

    public SeedReport seed(CatalogGenerator generator) {
        long start = System.nanoTime();
        List<Document> brands = generator.brands();
        long brandCount = write("brands", brands.stream(), brands.size());
        long modelCount = write("models", generator.models(), generator.modelCount());
        long variantCount = write("variants", generator.variants(), generator.variantCount());
        List<Document> comparisons = generator.popularComparisons();
        long comparisonCount = write("popularcomparisons", comparisons.stream(), comparisons.size());
        NewsDesk.News news = generator.news();
        write(NewsFields.CATEGORIES, news.categories().stream(), news.categories().size());
        write(NewsFields.TAGS, news.tags().stream(), news.tags().size());
        write(NewsFields.AUTHORS, news.authors().stream(), news.authors().size());
        long articleCount = write(NewsFields.ARTICLES, news.articles().stream(), news.articles().size());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        progress.accept(String.format(Locale.ROOT,
                "seeded %d brands, %d models, %d variants, %d comparisons, %d articles in %.1f s",
                brandCount, modelCount, variantCount, comparisonCount, articleCount, took.toMillis() / 1000.0));
        return new SeedReport(brandCount, modelCount, variantCount, comparisonCount, articleCount, took);
    }

    private long write(String name, Stream<Document> docs, long expected) {
        MongoCollection<Document> collection = db.getCollection(name);
        collection.createIndex(Indexes.ascending("id"), new IndexOptions().unique(true));
        boolean empty = collection.find().projection(new Document("_id", 1)).first() == null;
        Batches batches = new Batches(name, collection, empty, expected, System.nanoTime());
        progress.accept(name + ": " + (empty ? "inserting " : "upserting ") + expected);
        try (docs) {
            docs.forEachOrdered(batches::add);
        }
        batches.flush();
        return batches.written;
    }

    /** Buffers documents into batches of {@link #BATCH} and reports every ~10% of the expected total. */
    private final class Batches {
        private final String name;
        private final MongoCollection<Document> collection;
        private final boolean insert;
        private final long expected;
        private final long startNanos;
        private final long reportEvery;
        private final List<Document> pending = new ArrayList<>(BATCH);
        private long written;
        private long nextReport;

        Batches(String name, MongoCollection<Document> collection, boolean insert, long expected, long startNanos) {
            this.name = name;
            this.collection = collection;
            this.insert = insert;
            this.expected = expected;
            this.startNanos = startNanos;
            this.reportEvery = Math.max(BATCH, expected / 10);
            this.nextReport = reportEvery;
        }

        void add(Document doc) {
            pending.add(doc);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            if (insert) {
                collection.insertMany(pending, new InsertManyOptions().ordered(false));
            } else {
                List<WriteModel<Document>> upserts = new ArrayList<>(pending.size());
                for (Document doc : pending) {
                    upserts.add(new ReplaceOneModel<>(Filters.eq("id", doc.getString("id")), doc,
                            new ReplaceOptions().upsert(true)));
                }
                collection.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
            }
            written += pending.size();
            pending.clear();
            if (written >= nextReport || written == expected) {
                progress.accept(String.format(Locale.ROOT, "%s: %d/%d (%.1f s)", name, written, expected,
                        (System.nanoTime() - startNanos) / 1e9));
                while (nextReport <= written) {
                    nextReport += reportEvery;
                }
            }
        }
    }
}
