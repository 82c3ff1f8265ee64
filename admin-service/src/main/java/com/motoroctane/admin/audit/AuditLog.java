package com.motoroctane.admin.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.motoroctane.common.api.Page;

import io.quarkus.runtime.StartupEvent;

/** The {@code auditlog} collection: who changed what, when, with a before/after diff. */
@ApplicationScoped
public class AuditLog {

    private final MongoCollection<Document> log;

    public AuditLog(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.log = mongo.getDatabase(database).getCollection("auditlog");
    }

    void indexes(@Observes StartupEvent start) {
        log.createIndexes(List.of(new IndexModel(Indexes.descending("at")), new IndexModel(Indexes.ascending("actor.id", "at")),
                new IndexModel(Indexes.ascending("entity", "at"))));
    }

    public void record(Actor actor, String action, String entity, String entityId, Document before, Document after) {
        log.insertOne(entry(actor, action, entity, entityId, before, after));
    }

    public void recordAll(List<Document> entries) {
        if (!entries.isEmpty()) {
            log.insertMany(entries);
        }
    }

    public Document entry(Actor actor, String action, String entity, String entityId, Document before, Document after) {
        return new Document("id", UUID.randomUUID().toString()).append("at", new Date())
                .append("actor", new Document("id", actor.id()).append("email", actor.email()).append("role", actor.role()))
                .append("action", action).append("entity", entity).append("entityId", entityId)
                .append("diff", diff(before, after)).append("before", strip(before)).append("after", strip(after));
    }

    public Page<Document> search(String user, String entity, Date from, Date to, int page, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (user != null) {
            filters.add(com.mongodb.client.model.Filters.or(eq("actor.id", user), eq("actor.email", user)));
        }
        if (entity != null) {
            filters.add(eq("entity", entity));
        }
        if (from != null) {
            filters.add(gte("at", from));
        }
        if (to != null) {
            filters.add(lte("at", to));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        long total = log.countDocuments(filter);
        List<Document> data = log.find(filter).projection(new Document("_id", 0)).sort(Sorts.descending("at"))
                .skip((page - 1) * limit).limit(limit).into(new ArrayList<>());
        return new Page<>(data, Page.Pagination.of(page, limit, total, null));
    }

    /** Field → {from, to} for every top-level field that differs. */
    static Document diff(Document before, Document after) {
        Document diff = new Document();
        Set<String> keys = new LinkedHashSet<>();
        if (before != null) {
            keys.addAll(before.keySet());
        }
        if (after != null) {
            keys.addAll(after.keySet());
        }
        keys.remove("_id");
        for (String k : keys) {
            Object a = before == null ? null : before.get(k);
            Object b = after == null ? null : after.get(k);
            if (!Objects.equals(a, b)) {
                diff.append(k, new Document("from", a).append("to", b));
            }
        }
        return diff;
    }

    private static Document strip(Document doc) {
        if (doc == null) {
            return null;
        }
        Document copy = new Document(doc);
        copy.remove("_id");
        return copy;
    }
}
