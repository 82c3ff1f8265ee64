package com.motoroctane.admin.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.audit.AuditLog;
import com.motoroctane.admin.events.EventPublisher;
import com.motoroctane.admin.events.EventPublisher.Change;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.common.error.ProblemException;

import io.quarkus.runtime.StartupEvent;

/**
 * Every catalogue write: validation, references, ids in the previous scheme, optimistic concurrency on
 * {@code version}, cascading deletes (children first, so a failure half-way leaves no orphan), the audit
 * entry and the invalidation event.
 */
@ApplicationScoped
public class CatalogWriter {

    /** The outcome of one bulk row. */
    public record RowResult(int index, String id, String status, List<String> errors) {
    }

    private final MongoDatabase db;
    private final InputReader reader;
    private final AuditLog audit;
    private final EventPublisher events;

    public CatalogWriter(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                         InputReader reader, AuditLog audit, EventPublisher events) {
        this.db = mongo.getDatabase(database);
        this.reader = reader;
        this.audit = audit;
        this.events = events;
    }

    void indexes(@Observes StartupEvent start) {
        for (Entity e : Entity.values()) {
            db.getCollection(e.collection()).createIndex(Indexes.ascending("id"), new IndexOptions().unique(true));
        }
        db.getCollection("models").createIndex(Indexes.ascending("brandId", "status"));
        db.getCollection("variants").createIndex(Indexes.ascending("modelId", "brandId", "status"));
        db.getCollection("popularcomparisons").createIndex(Indexes.ascending("model1Id", "model2Id"));
    }

    public MongoCollection<Document> collection(Entity entity) {
        return db.getCollection(entity.collection());
    }

    public static String etag(Document doc) {
        return "\"v" + doc.get("version", Number.class).longValue() + '"';
    }

    public Document find(Entity entity, String id) {
        Document doc = collection(entity).find(eq("id", id)).projection(Projections.exclude("_id")).first();
        if (doc == null) {
            throw new ProblemException(404, "not-found", entity.entityName() + " not found",
                    entity.entityName() + " '" + id + "' does not exist", "id");
        }
        return doc;
    }

    // ------------------------------------------------------------------ single-document writes

    public Document create(Entity entity, JsonNode body, Actor actor) {
        Document values = valid(reader.read(entity, body, true, false));
        checkReferences(entity, values, null);
        Document created = insert(entity, values, naturalId(entity, values));
        audit.record(actor, "create", entity.entityName(), created.getString("id"), null, created);
        events.publish(change("created", entity, null, created));
        return created;
    }

    /** PATCH ({@code replace=false}) or PUT ({@code replace=true}) under optimistic concurrency. */
    public Document update(Entity entity, String id, JsonNode body, String ifMatch, Actor actor, boolean replace) {
        Document values = valid(reader.read(entity, body, replace, false));
        Document before = find(entity, id);
        requireMatch(before, ifMatch);
        for (String parent : List.of("brandId", "modelId")) {
            if (values.containsKey(parent) && !Objects.equals(values.get(parent), before.get(parent))) {
                throw ProblemException.badParameter(parent, "cannot be changed; delete and re-create instead");
            }
        }
        checkReferences(entity, values, before);
        Document set = new Document(values);
        Document unset = new Document();
        if (replace) {
            for (String f : entity.fields().keySet()) {
                if (!values.containsKey(f) && before.containsKey(f)) {
                    unset.append(f, "");
                }
            }
        }
        if (values.containsKey("name") && (entity == Entity.BRAND || entity == Entity.MODEL)
                && !Objects.equals(values.get("name"), before.get("name"))) {
            set.put("slug", freeSlug(entity, CatalogFields.slug(values.getString("name")), before));
        }
        Document after = applyUpdate(entity, before, set, unset);
        audit.record(actor, replace ? "replace" : "update", entity.entityName(), id, before, after);
        events.publish(change("updated", entity, before, after).lists(values.containsKey("status") ? "stats" : "search"));
        return after;
    }

    public void delete(Entity entity, String id, String ifMatch, Actor actor) {
        Document before = find(entity, id);
        requireMatch(before, ifMatch);
        Change change = change("deleted", entity, before, null).lists("stats");
        List<Document> entries = new ArrayList<>();
        switch (entity) {
            case BRAND -> {
                List<String> models = ids(Entity.MODEL, eq("brandId", id));
                deleteComparisons(models, change, actor, entries);
                deleteAll(Entity.VARIANT, or(eq("brandId", id), in("modelId", models)), change, actor, entries);
                deleteAll(Entity.MODEL, eq("brandId", id), change, actor, entries);
                change.lists("models", "variants");
            }
            case MODEL -> {
                deleteComparisons(List.of(id), change, actor, entries);
                deleteAll(Entity.VARIANT, eq("modelId", id), change, actor, entries);
                change.lists("variants");
            }
            default -> { }
        }
        collection(entity).deleteOne(eq("id", id));
        entries.add(audit.entry(actor, "delete", entity.entityName(), id, before, null));
        audit.recordAll(entries);
        events.publish(change);
    }

    // ------------------------------------------------------------------ popular comparisons (whole list)

    /** Replaces the whole list: the new rows are written first, then the ones not in it are removed. */
    public List<Document> replaceComparisons(JsonNode rows, Actor actor) {
        if (rows == null || !rows.isArray() || rows.size() > 500) {
            throw ProblemException.badParameter("body", "must be an array of at most 500 comparisons");
        }
        List<Document> valid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            InputReader.Result r = reader.read(Entity.COMPARISON, rows.get(i), true, true);
            if (!r.ok()) {
                throw new ProblemException(400, "validation", "Invalid comparison", "Row " + i + ": "
                        + String.join("; ", r.errors()), "[" + i + "]." + r.firstField());
            }
            checkReferences(Entity.COMPARISON, r.values(), null);
            valid.add(r.values());
        }
        List<Document> before = collection(Entity.COMPARISON).find().projection(Projections.exclude("_id"))
                .into(new ArrayList<>());
        List<Document> written = new ArrayList<>();
        Change change = new Change("replaced", "comparison").lists("comparisons", "pages");
        int order = 1;
        for (Document values : valid) {
            values.putIfAbsent("order", order++);
            values.putIfAbsent("isActive", true);
            written.add(insert(Entity.COMPARISON, values, naturalId(Entity.COMPARISON, values)));
        }
        Set<String> keep = new TreeSet<>();
        written.forEach(d -> keep.add(d.getString("id")));
        for (Document old : before) {
            if (!keep.contains(old.getString("id"))) {
                collection(Entity.COMPARISON).deleteOne(eq("id", old.getString("id")));
            }
        }
        for (Document d : before) {
            change.id("comparison", d.getString("id")).model(d.getString("model1Id")).model(d.getString("model2Id"));
        }
        for (Document d : written) {
            change.id("comparison", d.getString("id")).model(d.getString("model1Id")).model(d.getString("model2Id"));
        }
        audit.record(actor, "replace", "comparison", "*", new Document("items", before), new Document("items", written));
        events.publish(change);
        return written;
    }

    // ------------------------------------------------------------------ bulk upsert

    /**
     * One row of a bulk import: inserted, updated, or left alone when nothing differs, so re-running a
     * file changes nothing. Audit entries and the event are collected by the caller, one event per batch.
     */
    public RowResult upsert(Entity entity, int index, JsonNode row, Actor actor, Change change, List<Document> entries) {
        InputReader.Result r = reader.read(entity, row, true, true);
        if (!r.ok()) {
            return new RowResult(index, null, "error", r.errors());
        }
        Document values = r.values();
        String id = values.getString("id") != null ? (String) values.remove("id") : naturalId(entity, values);
        try {
            Document before = collection(entity).find(eq("id", id)).projection(Projections.exclude("_id")).first();
            if (before != null) {
                for (String parent : List.of("brandId", "modelId")) {
                    if (values.containsKey(parent) && !Objects.equals(values.get(parent), before.get(parent))) {
                        return new RowResult(index, id, "error", List.of(parent + ": cannot be changed"));
                    }
                }
            }
            checkReferences(entity, values, before);
            if (before == null) {
                Document created = insert(entity, values, id);
                entries.add(audit.entry(actor, "bulk-create", entity.entityName(), created.getString("id"), null, created));
                mark(change, entity, null, created);
                return new RowResult(index, created.getString("id"), "created", List.of());
            }
            Document set = new Document();
            values.forEach((k, v) -> {
                if (!Objects.equals(v, before.get(k))) {
                    set.put(k, v);
                }
            });
            if (set.isEmpty()) {
                return new RowResult(index, id, "unchanged", List.of());
            }
            Document after = applyUpdate(entity, before, set, new Document());
            entries.add(audit.entry(actor, "bulk-update", entity.entityName(), id, before, after));
            mark(change, entity, before, after);
            return new RowResult(index, id, "updated", List.of());
        } catch (ProblemException e) {
            return new RowResult(index, id, "error", List.of((e.parameter() == null ? "row" : e.parameter()) + ": "
                    + e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ rankings

    public List<Integer> availableRankings(String excludeBrandId) {
        Set<Integer> taken = new TreeSet<>();
        Bson filter = excludeBrandId == null ? new Document() : com.mongodb.client.model.Filters.ne("id", excludeBrandId);
        collection(Entity.BRAND).find(filter).projection(Projections.include("ranking"))
                .forEach(d -> {
                    Number n = d.get("ranking", Number.class);
                    if (n != null) {
                        taken.add(n.intValue());
                    }
                });
        List<Integer> free = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            if (!taken.contains(i)) {
                free.add(i);
            }
        }
        return free;
    }

    // ------------------------------------------------------------------ internals

    private static Document valid(InputReader.Result r) {
        if (!r.ok()) {
            throw new ProblemException(400, "validation", "Invalid request body", String.join("; ", r.errors()),
                    r.firstField());
        }
        return r.values();
    }

    private static void requireMatch(Document current, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String etag = etag(current);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Precondition failed",
                "If-Match " + ifMatch + " does not match the current version " + etag, "If-Match");
    }

    /** Model needs an existing brand; variant an existing model of the same brand; comparison two models. */
    private void checkReferences(Entity entity, Document values, Document before) {
        switch (entity) {
            case MODEL -> {
                String brandId = values.getString("brandId");
                if (brandId != null && before == null && !exists(Entity.BRAND, eq("id", brandId))) {
                    throw ProblemException.badParameter("brandId", "brand '" + brandId + "' does not exist");
                }
            }
            case VARIANT -> {
                if (before == null) {
                    String modelId = values.getString("modelId");
                    Document model = collection(Entity.MODEL).find(eq("id", modelId)).first();
                    if (model == null) {
                        throw ProblemException.badParameter("modelId", "model '" + modelId + "' does not exist");
                    }
                    if (!Objects.equals(model.getString("brandId"), values.getString("brandId"))) {
                        throw ProblemException.badParameter("brandId", "model '" + modelId + "' belongs to brand '"
                                + model.getString("brandId") + "'");
                    }
                }
            }
            case COMPARISON -> {
                for (String f : List.of("model1Id", "model2Id")) {
                    String m = values.getString(f);
                    if (m != null && !exists(Entity.MODEL, eq("id", m))) {
                        throw ProblemException.badParameter(f, "model '" + m + "' does not exist");
                    }
                }
                if (values.getString("model1Id") != null && values.getString("model1Id").equals(values.getString("model2Id"))) {
                    throw ProblemException.badParameter("model2Id", "must differ from model1Id");
                }
            }
            default -> { }
        }
    }

    private boolean exists(Entity entity, Bson filter) {
        return collection(entity).find(filter).projection(Projections.include("id")).first() != null;
    }

    /** The id the previous system would give; collisions get -1, -2, … on insert. */
    String naturalId(Entity entity, Document v) {
        return switch (entity) {
            case BRAND -> "brand-" + CatalogFields.slug(v.getString("name"));
            case MODEL -> "model-" + v.getString("brandId") + "-" + CatalogFields.slug(v.getString("name"));
            case VARIANT -> "variant-" + v.getString("brandId") + "-" + v.getString("modelId") + "-"
                    + CatalogFields.slug(v.getString("name"));
            case COMPARISON -> "comparison-" + v.getString("model1Id") + "-" + v.getString("model2Id");
        };
    }

    private Document insert(Entity entity, Document values, String baseId) {
        Date now = new Date();
        Document doc = new Document(values);
        doc.putIfAbsent("status", entity == Entity.COMPARISON ? null : CatalogFields.ACTIVE);
        if (entity == Entity.COMPARISON) {
            doc.remove("status");
        }
        if (entity == Entity.BRAND && doc.get("ranking") == null) {
            List<Integer> free = availableRankings(null);
            doc.put("ranking", free.isEmpty() ? 1000 : free.get(0));
        }
        if (entity == Entity.BRAND || entity == Entity.MODEL) {
            doc.put("slug", freeSlug(entity, CatalogFields.slug(doc.getString("name")), doc));
        }
        doc.put("createdAt", now);
        doc.put("updatedAt", now);
        doc.put("version", 1L);
        for (int n = 0; n < 1000; n++) {
            doc.put("id", n == 0 ? baseId : baseId + "-" + n);
            try {
                collection(entity).insertOne(doc);
                doc.remove("_id");
                return doc;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                doc.remove("_id");
            }
        }
        throw new ProblemException(409, "conflict", "Conflict", "No free id for " + baseId, "name");
    }

    /** Brands' slugs are unique; a model's within its brand. */
    private String freeSlug(Entity entity, String base, Document self) {
        for (int n = 0; ; n++) {
            String slug = n == 0 ? base : base + "-" + n;
            Bson filter = entity == Entity.MODEL ? and(eq("slug", slug), eq("brandId", self.getString("brandId")))
                    : eq("slug", slug);
            Document holder = collection(entity).find(filter).projection(Projections.include("id")).first();
            if (holder == null || Objects.equals(holder.getString("id"), self.getString("id"))) {
                return slug;
            }
        }
    }

    private Document applyUpdate(Entity entity, Document before, Document set, Document unset) {
        long version = before.get("version", Number.class) == null ? 0 : before.get("version", Number.class).longValue();
        set.put("updatedAt", new Date());
        set.put("version", version + 1);
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        Bson guard = before.get("version") == null ? and(eq("id", before.getString("id")), eq("version", null))
                : and(eq("id", before.getString("id")), eq("version", before.get("version")));
        Document after = collection(entity).findOneAndUpdate(guard, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(Projections.exclude("_id")));
        if (after == null) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "The document changed while this write was applied; read it again", "If-Match");
        }
        return after;
    }

    private List<String> ids(Entity entity, Bson filter) {
        List<String> ids = new ArrayList<>();
        collection(entity).find(filter).projection(Projections.include("id")).forEach(d -> ids.add(d.getString("id")));
        return ids;
    }

    private void deleteComparisons(List<String> modelIds, Change change, Actor actor, List<Document> entries) {
        if (!modelIds.isEmpty()) {
            deleteAll(Entity.COMPARISON, or(in("model1Id", modelIds), in("model2Id", modelIds)), change, actor, entries);
            change.lists("comparisons");
        }
    }

    private void deleteAll(Entity entity, Bson filter, Change change, Actor actor, List<Document> entries) {
        List<Document> doomed = collection(entity).find(filter).projection(Projections.exclude("_id")).into(new ArrayList<>());
        if (doomed.isEmpty()) {
            return;
        }
        collection(entity).deleteMany(filter);
        for (Document d : doomed) {
            change.id(entity.entityName(), d.getString("id"));
            entries.add(audit.entry(actor, "cascade-delete", entity.entityName(), d.getString("id"), d, null));
        }
    }

    private Change change(String type, Entity entity, Document before, Document after) {
        Change change = new Change(type, entity.entityName());
        mark(change, entity, before, after);
        if (after != null) {
            change.version(after.get("version", Number.class).longValue());
        }
        if (!"updated".equals(type)) {
            change.lists("stats");
        }
        return change;
    }

    /** The entity's own tag, its parents' tags, and the lists whose membership or order it can change. */
    static void mark(Change change, Entity entity, Document before, Document after) {
        for (Document d : new Document[] {before, after}) {
            if (d == null) {
                continue;
            }
            change.id(entity.entityName(), d.getString("id"));
            change.brand(d.getString("brandId"));
            change.model(d.getString("modelId"));
            change.model(d.getString("model1Id"));
            change.model(d.getString("model2Id"));
        }
        switch (entity) {
            case BRAND -> change.lists("brands", "search", "pages");
            case MODEL -> change.lists("models", "search", "pages");
            // a variant's price decides its model's starting price, so model lists sorted or filtered by price
            case VARIANT -> change.lists("variants", "models", "search");
            case COMPARISON -> change.lists("comparisons", "pages");
        }
    }

    public Map<String, Object> summary(List<RowResult> results) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", results.size());
        summary.put("success", results.stream().filter(r -> !"error".equals(r.status())).count());
        summary.put("errors", results.stream().filter(r -> "error".equals(r.status())).count());
        for (String s : List.of("created", "updated", "unchanged")) {
            summary.put(s, results.stream().filter(r -> s.equals(r.status())).count());
        }
        return summary;
    }
}
