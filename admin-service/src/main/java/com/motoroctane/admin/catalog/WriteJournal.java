package com.motoroctane.admin.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.motoroctane.admin.background.Repeating;
import com.motoroctane.admin.config.AdminConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Rollback for batches without multi-document transactions (the service uses only standard single-document
 * operations). Before a batch writes anything, the before-image of every document it will touch goes into
 * {@value #ENTRIES} under a header in {@value #BATCHES} ({@code state: applying}). Each document is then
 * written under a version guard. Any failure undoes the batch from the journal; success flips the header to
 * {@code committed} (one atomic single-document update: the commit point) and drops the journal. A header
 * still {@code applying} whose heartbeat is older than {@code admin.batch.stale-after} belongs to a process
 * that died: any instance undoes it, at start and then periodically. A {@code committed} one left behind is
 * only cleaned up.
 */
@ApplicationScoped
public class WriteJournal {

    public static final String BATCHES = "writebatches";
    public static final String ENTRIES = "writejournal";

    private static final Logger LOG = Logger.getLogger(WriteJournal.class);

    /** One document of a batch: what it was ({@code null}: absent) and the version the batch gives it ({@code null}: deleted). */
    public record Entry(String collection, String id, Document before, Long afterVersion) {
    }

    private final MongoDatabase db;
    private final MongoCollection<Document> batches;
    private final MongoCollection<Document> entries;
    private final Duration staleAfter;
    private final Duration recoveryEvery;
    private Repeating recoveryThread;

    public WriteJournal(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                        AdminConfig config) {
        this.db = mongo.getDatabase(database);
        this.batches = db.getCollection(BATCHES);
        this.entries = db.getCollection(ENTRIES);
        this.staleAfter = config.batch().staleAfter();
        this.recoveryEvery = config.batch().recoveryEvery();
    }

    void onStart(@Observes StartupEvent start) {
        entries.createIndex(Indexes.ascending("batch", "seq"));
        recoveryThread = Repeating.start("write-journal-recovery", recoveryEvery, this::recover);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (recoveryThread != null) {
            recoveryThread.stop();
        }
    }

    /** Journals every before-image; nothing of the batch may be written before this returns. */
    public void begin(String batch, String kind, List<Entry> touched) {
        Date now = new Date();
        batches.insertOne(new Document("_id", batch).append("kind", kind).append("state", "applying")
                .append("startedAt", now).append("heartbeat", now).append("documents", touched.size()));
        List<Document> chunk = new ArrayList<>();
        for (int i = 0; i < touched.size(); i++) {
            Entry e = touched.get(i);
            chunk.add(new Document("batch", batch).append("seq", i).append("collection", e.collection())
                    .append("id", e.id()).append("before", e.before()).append("afterVersion", e.afterVersion()));
            if (chunk.size() == 500 || i == touched.size() - 1) {
                entries.insertMany(chunk);
                chunk = new ArrayList<>();
            }
        }
    }

    /** The batch is still being written by a live process. */
    public void heartbeat(String batch) {
        batches.updateOne(eq("_id", batch), new Document("$set", new Document("heartbeat", new Date())));
    }

    /** The commit point: from here on the batch stands, whatever happens to this process. */
    public void commit(String batch) {
        batches.updateOne(eq("_id", batch), new Document("$set", new Document("state", "committed")));
        forget(batch);
    }

    /**
     * Puts back every before-image, newest first. A document is restored only while it still holds the
     * version this batch gave it, so a write made by someone else since is never overwritten, and a
     * document the batch never reached is left as it is.
     *
     * @return how many documents were put back
     */
    public int undo(String batch) {
        List<Document> journal = entries.find(eq("batch", batch)).sort(Sorts.descending("seq")).into(new ArrayList<>());
        int restored = 0;
        for (Document e : journal) {
            MongoCollection<Document> target = db.getCollection(e.getString("collection"));
            String id = e.getString("id");
            Document before = e.get("before", Document.class);
            Number afterVersion = e.get("afterVersion", Number.class);
            if (afterVersion == null) {
                restored += putBackDeleted(target, before) ? 1 : 0;
            } else if (before == null) {
                restored += target.deleteOne(and(eq("id", id), eq("version", afterVersion.longValue()))).getDeletedCount() > 0 ? 1 : 0;
            } else {
                restored += target.replaceOne(and(eq("id", id), eq("version", afterVersion.longValue())), before)
                        .getModifiedCount() > 0 ? 1 : 0;
            }
        }
        batches.updateOne(eq("_id", batch), new Document("$set", new Document("state", "rolled-back")));
        forget(batch);
        return restored;
    }

    private static boolean putBackDeleted(MongoCollection<Document> target, Document before) {
        try {
            target.insertOne(new Document(before));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // never deleted, or re-created since: leave it
            }
            throw e;
        }
    }

    private void forget(String batch) {
        entries.deleteMany(eq("batch", batch));
        batches.deleteOne(eq("_id", batch));
    }

    /** Finishes or undoes what a dead process left: committed batches are cleaned up, applying ones undone. */
    public int recover() {
        Bson abandoned = lt("heartbeat", new Date(System.currentTimeMillis() - staleAfter.toMillis()));
        int handled = 0;
        for (Document header : batches.find(abandoned).into(new ArrayList<>())) {
            String batch = header.getString("_id");
            if ("committed".equals(header.getString("state"))) {
                forget(batch);
            } else {
                int restored = undo(batch);
                LOG.warnf("Undid batch %s (%s) left half-written by a process that stopped: %d documents put back",
                        batch, header.getString("kind"), restored);
            }
            handled++;
        }
        return handled;
    }
}
