package com.motoroctane.admin.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.audit.AuditLog;
import com.motoroctane.admin.events.EventPublisher;
import com.motoroctane.admin.events.EventPublisher.Change;
import com.motoroctane.admin.events.EventPublisher.Staged;
import com.motoroctane.admin.faults.FaultPoints;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.http.ETags;
import com.motoroctane.common.news.NewsFields;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every catalogue write, single or batch, takes one path: {@link InputReader} (types, sanitising, names,
 * URLs), then references and parents, ids in the previous scheme, optimistic concurrency on
 * {@code version}, the audit entry, and the invalidation event written to the outbox before the change
 * ({@link EventPublisher}). Batches (bulk, import, the whole popular-comparison list) are validated row by
 * row before anything is written and then applied all-or-nothing through the {@link WriteJournal}.
 */
@ApplicationScoped
public class CatalogWriter {

    private static final Logger LOG = Logger.getLogger(CatalogWriter.class);
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,300}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{0,300}[a-z0-9][a-z0-9-]{0,300}");
    private static final Pattern PARAMETER_PREFIX = Pattern.compile("^Parameter '[^']*': ");

    /** The outcome of one bulk row. */
    @RegisterForReflection
    public record RowResult(int index, String id, String status, List<String> errors) {
    }

    /** One document a batch writes: {@code before} null for a new one, {@code after} null for a deletion. */
    public record Write(int index, Entity entity, String id, Document before, Document after, String outcome) {
    }

    /** A batch validated in full: what it will write and what is wrong with it. */
    public static final class Plan {
        private final int rows;
        private final List<Write> writes = new ArrayList<>();
        private final Map<String, Write> byKey = new HashMap<>();
        private final List<RowError> errors = new ArrayList<>();

        Plan(int rows) {
            this.rows = rows;
        }

        void add(Write w) {
            writes.add(w);
            byKey.put(key(w.entity(), w.id()), w);
        }

        void error(BatchRow row, String field, String message) {
            errors.add(new RowError(row.index(), row.line(), field, message));
        }

        Write planned(Entity entity, String id) {
            return byKey.get(key(entity, id));
        }

        public List<Write> writes() {
            return writes;
        }

        /** The writes that change something. */
        List<Write> changes() {
            return writes.stream().filter(w -> !"unchanged".equals(w.outcome())).toList();
        }

        private static String key(Entity entity, String id) {
            return entity.collection() + '/' + id;
        }
    }

    private final MongoDatabase db;
    private final InputReader reader;
    private final AuditLog audit;
    private final EventPublisher events;
    private final WriteJournal journal;
    private final FaultPoints faults;
    private final ObjectMapper json;

    public CatalogWriter(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                         InputReader reader, AuditLog audit, EventPublisher events, WriteJournal journal,
                         FaultPoints faults, ObjectMapper json) {
        this.db = mongo.getDatabase(database);
        this.reader = reader;
        this.audit = audit;
        this.events = events;
        this.journal = journal;
        this.faults = faults;
        this.json = json;
    }

    /** The indexes this service's writes and lookups need, one {@code createIndexes} per collection (before ready). */
    void indexes(@Observes StartupEvent start) {
        Map<String, List<IndexModel>> byCollection = new LinkedHashMap<>();
        for (Entity e : Entity.values()) {
            index(byCollection, e, Indexes.ascending("id"), new IndexOptions().unique(true));
        }
        index(byCollection, Entity.MODEL, Indexes.ascending("brandId", "status"), new IndexOptions());
        index(byCollection, Entity.VARIANT, Indexes.ascending("modelId", "brandId", "status"), new IndexOptions());
        index(byCollection, Entity.COMPARISON, Indexes.ascending("model1Id", "model2Id"), new IndexOptions());
        for (Entity e : Entity.NEWS) {
            // a slug is a URL: one document per slug, whoever writes it
            index(byCollection, e, Indexes.ascending("slug"), new IndexOptions().unique(true));
        }
        // the readers' queries: visible articles newest first, by category, tag, featured; the admin list by author
        Bson newestFirst = Indexes.descending("publishDate");
        index(byCollection, Entity.ARTICLE, Indexes.compoundIndex(Indexes.ascending("status"), newestFirst), new IndexOptions());
        index(byCollection, Entity.ARTICLE, Indexes.compoundIndex(Indexes.ascending("categoryId", "status"), newestFirst), new IndexOptions());
        index(byCollection, Entity.ARTICLE, Indexes.compoundIndex(Indexes.ascending("tags", "status"), newestFirst), new IndexOptions());
        index(byCollection, Entity.ARTICLE, Indexes.compoundIndex(Indexes.ascending("isFeatured", "status"), newestFirst), new IndexOptions());
        index(byCollection, Entity.ARTICLE, Indexes.ascending("authorId"), new IndexOptions());
        byCollection.forEach((collection, models) -> db.getCollection(collection).createIndexes(models));
    }

    private static void index(Map<String, List<IndexModel>> byCollection, Entity entity, Bson keys, IndexOptions options) {
        byCollection.computeIfAbsent(entity.collection(), c -> new ArrayList<>()).add(new IndexModel(keys, options));
    }

    public MongoCollection<Document> collection(Entity entity) {
        return db.getCollection(entity.collection());
    }

    public static String etag(Document doc) {
        return ETags.ofVersion(doc.get("version", Number.class).longValue());
    }

    public Document find(Entity entity, String id) {
        Document doc = stored(entity, id);
        if (doc == null) {
            throw new ProblemException(404, "not-found", entity.entityName() + " not found",
                    entity.entityName() + " '" + id + "' does not exist", "id");
        }
        return doc;
    }

    // ------------------------------------------------------------------ single-document writes

    public Document create(Entity entity, JsonNode body, Actor actor) {
        Document values = valid(reader.read(entity, body, true, false));
        checkReferences(entity, values, null, null);
        String base = naturalId(entity, values);
        for (int n = 0; n < 1000; n++) {
            String id = n == 0 ? base : base + "-" + n;
            if (stored(entity, id) != null) {
                continue;
            }
            Document created = newDocument(entity, values, id, null);
            articleRules(entity, created, null);
            Staged staged = events.stage(change("created", entity, null, created));
            try {
                collection(entity).insertOne(created);
            } catch (RuntimeException e) {
                events.discard(staged);
                if (e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    continue; // taken by a concurrent create since the check: try the next suffix
                }
                throw e;
            }
            created.remove("_id");
            audit.record(actor, "create", entity.entityName(), id, null, created);
            events.release(staged);
            return created;
        }
        throw new ProblemException(409, "conflict", "Conflict", "No free id for " + base, "name");
    }

    /** PATCH ({@code replace=false}) or PUT ({@code replace=true}) under optimistic concurrency. */
    public Document update(Entity entity, String id, JsonNode body, String ifMatch, Actor actor, boolean replace) {
        // without a validator (none, or "*": any current version) a write that lost a race to another one is the
        // client's write on the newer version: it is applied again, not refused (a 412 would blame its If-Match)
        boolean anyVersion = ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim());
        for (int attempt = 1; ; attempt++) {
            try {
                return updateOnce(entity, id, body, ifMatch, actor, replace);
            } catch (ConcurrentChange raced) {
                if (!anyVersion || attempt >= UNCONDITIONAL_ATTEMPTS) {
                    throw raced;
                }
                // a jittered pause, growing: writers racing on one document fall out of step
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5L * attempt + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw raced;
                }
            }
        }
    }

    /** How often an update without a validator is tried when other writes keep changing the document under it. */
    private static final int UNCONDITIONAL_ATTEMPTS = 10;

    /** The document changed between the read an update was planned on and its guarded write. */
    private static final class ConcurrentChange extends ProblemException {
        ConcurrentChange() {
            super(412, "precondition-failed", "Precondition failed",
                    "The document changed while this write was applied; read it again", "If-Match");
        }
    }

    private Document updateOnce(Entity entity, String id, JsonNode body, String ifMatch, Actor actor, boolean replace) {
        Document values = valid(reader.read(entity, body, replace, false));
        Document before = find(entity, id);
        requireMatch(before, ifMatch);
        String parent = changedParent(values, before);
        if (parent != null) {
            throw ProblemException.badParameter(parent, "cannot be changed; delete and re-create instead");
        }
        checkReferences(entity, values, before, null);
        Document set = new Document(values);
        Document unset = new Document();
        if (replace) {
            Document defaults = newsDefaults(entity);
            for (String f : entity.fields().keySet()) {
                if (values.containsKey(f) || "slug".equals(f)) {
                    continue; // an article's slug is its published URL: only a slug sent replaces it
                }
                if (defaults.containsKey(f)) {
                    set.put(f, defaults.get(f));
                } else if (before.containsKey(f)) {
                    unset.append(f, "");
                }
            }
        }
        renamed(entity, set, before, null);
        Document planned = new Document(before);
        planned.putAll(set);
        unset.keySet().forEach(planned::remove);
        articleRules(entity, planned, set);
        set.keySet().forEach(unset::remove); // a PUT of a published article without a date: dated now, not unset
        if (Tags.changedFields(before, planned).isEmpty()) {
            // it changes nothing (a form saved as it was, a PATCH sent again): nothing is written, audited or
            // announced, and the stored version is the answer, as a batch's row reports "unchanged"; otherwise
            // every cache that shows the document would be purged and rebuilt into the same bytes
            return before;
        }
        planned.put("version", version(before) + 1);
        Change change = change("updated", entity, before, planned);
        if (!entity.news() && entity != Entity.VARIANT) {
            // (a variant's lists follow from the fields it changed: mark)
            change.lists(values.containsKey("status") ? Tags.STATS : Tags.SEARCH);
        } else if (entity == Entity.VARIANT && values.containsKey("status")) {
            change.lists(Tags.STATS);
        }
        Staged staged = events.stage(change);
        Document after;
        try {
            after = applyUpdate(entity, before, set, unset);
        } catch (RuntimeException e) {
            events.discard(staged);
            throw e;
        }
        audit.record(actor, replace ? "replace" : "update", entity.entityName(), id, before, after);
        events.release(entity == Entity.VARIANT ? withoutWhatThePriceKept(staged, change, before, after) : staged);
        return after;
    }

    /**
     * What a variant's price edit names for its model, read again after the write. The event staged before the write
     * names {@code model-cheapest:<model>} when the variant may have become its model's cheapest shown one
     * ({@link Tags#mayBecomeCheapest}: a price down, shown again), which purges every comparison by models holding
     * the model, and {@code models:price}/{@code models:price-falls} for a price-only edit ({@link Tags#variantUpdateLists}),
     * which purge the model lists ordered or banded by starting price. When, after the write, a shown sibling is
     * strictly cheaper than the new price and nobody has written the variant since, it is not the cheapest, and the
     * event is released without {@code model-cheapest:}; when that sibling is also strictly cheaper than the old
     * price, the model's starting price was and is the sibling's, and the model lists' tags go too. In the bench's
     * mix about half of all price edits lowered a price that stayed above its model's cheapest, each one purging
     * every comparison of its model (~24 edge entries a write), and most edits refreshed ~8 model lists.
     *
     * <p>Reading after the write is what keeps concurrent writes of siblings from making it miss a change. Were the
     * comparisons' cached cheapest R stale once writes stop, a sibling Y would be ahead of R, and R unwritten since it
     * was read (its own tag purges them). The last write that brought Y ahead of R (a price down, a show) came after
     * that read and left the tag out, so its check found Y unchanged and a shown sibling strictly cheaper, also
     * ahead of R, so also brought there by a write after the read, and so on down strictly falling prices over
     * finitely many writes: one of them kept the tag, and the comparisons were purged after the read. For the lists,
     * the last write w that changed the model's starting price left nothing out: had its check found a sibling below
     * both of its prices, the minimum then (unchanged since w, w being the last to change it) was below the new price,
     * so not the variant's, so the other variants' minimum, which w did not change and which was below the old price
     * too: w changed nothing. Ties keep the tags (the readers order equal prices by id), as does a price that is not
     * a number. The outbox keeps the wider event: if this one is not sent, the relay sends that, which evicts more,
     * never less.
     *
     * <p>The model's card ({@code model-card:<model>}: starting and top price, count, the cheapest's power and mileage)
     * goes when the write changed no field that decides whether or where the variant is counted, a shown sibling is
     * strictly cheaper than both prices and, if the price changed, one strictly dearer than both: the variant was and
     * is neither the cheapest nor the dearest, so the summary is the same. The same argument holds: a write w that
     * changed the summary but left the tag out found such siblings, one of which was not there when w was written
     * (w was or became the cheapest, or the dearest, or changed the cheapest's specs: no sibling beyond its prices
     * then), so a later write brought it there past a bound strictly beyond w's prices (a price down, or up for the
     * dearest side), which kept the tag or found a sibling further still, down or up finitely many writes; creations,
     * deletions, status and model changes always keep it. In the bench's mix most price edits are of variants inside
     * their model's range; each purged the ~5 model pages that show its model as a similar model (its own page keeps
     * {@code model:<model>}) and the model lists holding it.
     */
    private Staged withoutWhatThePriceKept(Staged staged, Change change, Document before, Document after) {
        String modelId = after.getString("modelId");
        // what mark() named: the rules are applied there, once
        boolean cheapest = modelId != null && change.names(Tags.cheapest(modelId));
        boolean shownBoth = before != null && before.get("price") instanceof Number
                && CatalogFields.ACTIVE.equals(before.get("status")) && CatalogFields.ACTIVE.equals(after.get("status"));
        boolean lists = change.names(Tags.byPrice(Tags.MODELS)) && shownBoth;
        // the card: counted the same before and after (same status and model), only prices and the cheapest's specs
        boolean card = modelId != null && change.names(Tags.card(modelId)) && shownBoth
                && Tags.changedFields(before, after).stream().noneMatch(Tags.VARIANT_LIST_FIELDS::contains);
        if (modelId == null || !(cheapest || lists || card)) {
            return staged;
        }
        Number below = siblingPriced(after, Filters.lt("price", after.get("price")), Sorts.ascending("price"));
        if (below == null) {
            return staged;
        }
        double was = before.get("price", Number.class).doubleValue();
        double now = ((Number) after.get("price")).doubleValue();
        boolean belowBoth = below.doubleValue() < was;
        boolean aboveBoth = card && belowBoth && (was == now
                || siblingPriced(after, Filters.gt("price", Math.max(was, now)), Sorts.descending("price")) != null);
        if (!unwrittenSince(after)) {
            return staged;
        }
        List<String> dropped = new ArrayList<>();
        if (cheapest) {
            dropped.add(Tags.cheapest(modelId));
        }
        if (lists && belowBoth) {
            dropped.addAll(List.of(Tags.byPrice(Tags.MODELS), Tags.byPriceFalls(Tags.MODELS)));
        }
        if (card && belowBoth && aboveBoth) {
            dropped.add(Tags.card(modelId));
        }
        return dropped.isEmpty() ? staged : events.without(staged, dropped);
    }

    /**
     * The price of the cheapest shown sibling of the stored variant {@code written} priced strictly below it; null
     * when there is none, the variant has no numeric price, or it was written again since.
     */
    public Number cheapestSiblingBelow(Document written) {
        Number found = siblingPriced(written, Filters.lt("price", written.get("price")), Sorts.ascending("price"));
        return found != null && unwrittenSince(written) ? found : null;
    }

    /**
     * The price of the first shown sibling of the stored variant {@code written} (same model, another id) matching
     * {@code price}, in {@code order}; null when there is none or the variant has no numeric price.
     */
    private Number siblingPriced(Document written, Bson price, Bson order) {
        if (written.getString("id") == null || !(written.get("price") instanceof Number)) {
            return null;
        }
        Document sibling = collection(Entity.VARIANT).find(and(eq("modelId", written.getString("modelId")),
                        eq("status", CatalogFields.ACTIVE), Filters.ne("id", written.getString("id")), price))
                .projection(Projections.include("price")).sort(order).first();
        return sibling != null && sibling.get("price") instanceof Number found ? found : null;
    }

    /** Whether the stored variant {@code written} is still at its version (nobody wrote it since). */
    private boolean unwrittenSince(Document written) {
        Document now = collection(Entity.VARIANT).find(eq("id", written.getString("id")))
                .projection(Projections.include("version")).first();
        return now != null && version(now) == version(written);
    }

    /** Deletes a document and, children first, everything that hangs off it, so a failure half-way leaves no orphan. */
    public void delete(Entity entity, String id, String ifMatch, Actor actor) {
        Document before = find(entity, id);
        requireMatch(before, ifMatch);
        Change change = change("deleted", entity, before, null);
        List<Document> entries = new ArrayList<>();
        List<Step> cascade = new ArrayList<>();
        switch (entity) {
            case NEWS_CATEGORY -> refuseWhileUsed(entity, id, eq("categoryId", id));
            case NEWS_TAG -> refuseWhileUsed(entity, id, eq("tags", id));
            case NEWS_AUTHOR -> refuseWhileUsed(entity, id, eq("authorId", id));
            case BRAND -> {
                List<String> models = ids(Entity.MODEL, eq("brandId", id));
                doomComparisons(models, cascade, change, actor, entries);
                doom(Entity.VARIANT, or(eq("brandId", id), in("modelId", models)), cascade, change, actor, entries);
                doom(Entity.MODEL, eq("brandId", id), cascade, change, actor, entries);
                change.lists(Tags.MODELS, Tags.VARIANTS);
            }
            case MODEL -> {
                doomComparisons(List.of(id), cascade, change, actor, entries);
                doom(Entity.VARIANT, eq("modelId", id), cascade, change, actor, entries);
                change.lists(Tags.VARIANTS);
            }
            default -> { }
        }
        entries.add(audit.entry(actor, "delete", entity.entityName(), id, before, null));
        Staged staged = events.stage(change);
        try {
            for (Step step : cascade) {
                collection(step.entity()).deleteMany(step.filter());
            }
            collection(entity).deleteOne(eq("id", id));
        } finally {
            // even a cascade that stopped half-way has removed documents readers may hold
            events.release(staged);
        }
        audit.recordAll(entries);
    }

    // ------------------------------------------------------------------ batches

    /**
     * Upserts every row (by {@code id}, else by the id the name gives), all or nothing: any invalid row
     * and nothing is written; a write failure half-way and everything is put back.
     */
    public List<RowResult> bulk(Entity entity, List<BatchRow> rows, Actor actor) {
        Plan plan = new Plan(rows.size());
        for (BatchRow row : rows) {
            planUpsert(plan, entity, row);
        }
        Change change = new Change("bulk", entity.entityName()).lists(Tags.STATS);
        plan.changes().forEach(w -> mark(change, entity, w.before(), w.after()));
        execute(plan, "bulk " + entity.collection(), change, actor, writes -> {
            List<Document> entries = new ArrayList<>();
            for (Write w : writes) {
                entries.add(audit.entry(actor, w.before() == null ? "bulk-create" : "bulk-update", entity.entityName(),
                        w.id(), w.before(), w.after()));
            }
            return entries;
        });
        List<RowResult> results = new ArrayList<>();
        for (Write w : plan.writes()) {
            results.add(new RowResult(w.index(), w.id(), w.outcome(), List.of()));
        }
        return results;
    }

    /** Replaces the whole popular-comparison list, all or nothing; comparisons are matched by their model pair. */
    public List<Document> replaceComparisons(JsonNode rows, Actor actor) {
        if (rows == null || !rows.isArray() || rows.size() > 500) {
            throw ProblemException.badParameter("body", "must be an array of at most 500 comparisons");
        }
        Entity entity = Entity.COMPARISON;
        Plan plan = new Plan(rows.size());
        List<Document> before = collection(entity).find().projection(Projections.exclude("_id")).into(new ArrayList<>());
        for (int i = 0; i < rows.size(); i++) {
            BatchRow row = BatchRow.of(i, rows.get(i));
            InputReader.Result r = reader.read(entity, row.body(), true, true);
            if (!r.ok()) {
                r.problems().forEach((f, m) -> plan.error(row, f, m));
                continue;
            }
            Document values = r.values();
            values.remove("id"); // clients send back what they read; a comparison is named by its model pair
            values.putIfAbsent("order", i + 1);
            values.putIfAbsent("isActive", true);
            planDocument(plan, entity, row, values, naturalId(entity, values));
        }
        Set<String> keep = new TreeSet<>();
        plan.writes().forEach(w -> keep.add(w.id()));
        for (Document old : before) {
            if (!keep.contains(old.getString("id"))) {
                plan.add(new Write(-1, entity, old.getString("id"), old, null, "deleted"));
            }
        }
        Change change = new Change("replaced", entity.entityName()).lists(Tags.COMPARISONS, Tags.PAGES);
        plan.changes().forEach(w -> mark(change, entity, w.before(), w.after()));
        List<Document> written = new ArrayList<>();
        plan.writes().stream().filter(w -> w.after() != null).forEach(w -> written.add(w.after()));
        execute(plan, "replace comparisons", change, actor, writes -> List.of(audit.entry(actor, "replace",
                entity.entityName(), "*", new Document("items", before), new Document("items", written))));
        return written;
    }

    /** One line of an NDJSON backup: {@code {"collection":…,"document":…}} in relaxed extended JSON. */
    public record BackupLine(int line, String text) {
    }

    /** The import's outcome per collection ({@code inserted}, {@code updated}, {@code unchanged}). */
    public Map<String, Map<String, Integer>> importBackup(List<BackupLine> lines, List<Entity> order, String mode,
                                                          boolean dryRun, Actor actor) {
        Plan plan = new Plan(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            planImport(plan, new BatchRow(i, lines.get(i).line(), null, List.of()), lines.get(i).text(), order);
        }
        Map<String, Map<String, Integer>> summary = new LinkedHashMap<>();
        order.forEach(e -> summary.put(e.collection(), new LinkedHashMap<>(Map.of("inserted", 0, "updated", 0, "unchanged", 0))));
        for (Write w : plan.writes()) {
            summary.get(w.entity().collection()).merge("created".equals(w.outcome()) ? "inserted" : w.outcome(), 1, Integer::sum);
        }
        if (!plan.errors.isEmpty()) {
            throw new InvalidRows(plan.rows, plan.errors);
        }
        if (!dryRun) {
            // an import may touch anything: every reader drops what it caches rather than receive every id
            Change change = new Change("imported", "catalogue").lists(Tags.FLUSH_ALL);
            execute(plan, "import " + mode, change, actor, writes -> List.of(audit.entry(actor, "import", "catalogue",
                    mode, null, new Document("summary", summary).append("documents", writes.size()))));
        }
        return summary;
    }

    private void planImport(Plan plan, BatchRow row, String text, List<Entity> order) {
        Document line;
        try {
            line = Document.parse(text);
        } catch (JsonParseException | IllegalArgumentException | org.bson.BsonInvalidOperationException e) {
            plan.error(row, null, "is not a JSON object");
            return;
        }
        Entity entity = order.stream().filter(e -> e.collection().equals(line.get("collection"))).findFirst().orElse(null);
        if (entity == null) {
            plan.error(row, "collection", "must be one of " + order.stream().map(Entity::collection).toList());
            return;
        }
        if (!(line.get("document") instanceof Document doc)) {
            plan.error(row, "document", "must be an object");
            return;
        }
        int errorsBefore = plan.errors.size();
        Document system = new Document();
        Document writable = new Document();
        doc.forEach((k, v) -> (entity.serverOwned(k) && (!"slug".equals(k) || hasSlug(entity)) ? system : writable).put(k, v));
        String id = system.get("id") instanceof String s && ID.matcher(s).matches() ? s : null;
        if (id == null) {
            plan.error(row, "id", "must be lower-case letters, digits and '-'");
        }
        Object slug = system.get("slug");
        if (slug != null && !(slug instanceof String s && SLUG.matcher(s).matches())) {
            plan.error(row, "slug", "must be lower-case letters, digits and '-'");
        }
        for (String date : List.of("createdAt", "updatedAt")) {
            if (system.get(date) != null && !(system.get(date) instanceof Date)) {
                plan.error(row, date, "must be a date ({\"$date\": …})");
            }
        }
        Object version = system.get("version");
        if (version != null && !((version instanceof Integer || version instanceof Long) && ((Number) version).longValue() > 0)) {
            plan.error(row, "version", "must be a positive integer");
        }
        for (String counter : Entity.SERVER_OWNED) {
            Object n = system.get(counter);
            if (n != null && !((n instanceof Integer || n instanceof Long) && ((Number) n).longValue() >= 0)) {
                plan.error(row, counter, "must be a whole number, 0 or more");
            }
        }
        JsonNode body;
        try {
            body = json.readTree(writable.toJson(RELAXED));
        } catch (JsonProcessingException e) {
            plan.error(row, null, "is not a JSON object");
            return;
        }
        InputReader.Result r = reader.read(entity, body, true, false);
        r.problems().forEach((f, m) -> plan.error(row, f, m));
        if (plan.errors.size() > errorsBefore) {
            return;
        }
        Document values = r.values();
        if (plan.planned(entity, id) != null) {
            plan.error(row, "id", "'" + id + "' appears more than once in this file");
            return;
        }
        Document before = stored(entity, id);
        if (!parentsAndReferencesHold(plan, row, entity, values, before)) {
            return;
        }
        Document after = new Document("id", id);
        after.putAll(values);
        if (hasSlug(entity)) {
            after.put("slug", slug != null ? slug : freeSlug(entity, CatalogFields.slug(values.getString(entity.slugSource())), after, plan));
        }
        for (String counter : Entity.SERVER_OWNED) {
            if (entity == Entity.ARTICLE && system.get(counter) != null) {
                after.put(counter, system.get(counter));
            }
        }
        try {
            articleRules(entity, after, null);
        } catch (ProblemException e) {
            plan.error(row, e.parameter(), PARAMETER_PREFIX.matcher(e.getMessage()).replaceFirst(""));
            return;
        }
        Date now = new Date();
        after.put("createdAt", system.get("createdAt") != null ? system.get("createdAt")
                : before != null && before.get("createdAt") != null ? before.get("createdAt") : now);
        if (system.get("updatedAt") != null || before != null) {
            after.put("updatedAt", system.get("updatedAt") != null ? system.get("updatedAt") : now);
        }
        if (before != null && canonical(asImported(entity, before)).equals(canonical(without(after, "version", "updatedAt")))) {
            plan.add(new Write(row.index(), entity, id, before, before, "unchanged"));
            return;
        }
        // a version only grows, so an ETag a client holds can never match different content
        after.put("version", before != null ? version(before) + 1 : version != null ? ((Number) version).longValue() : 1L);
        if (before != null) {
            after.put("updatedAt", now);
        }
        plan.add(new Write(row.index(), entity, id, before, after, before == null ? "created" : "updated"));
    }

    private void planUpsert(Plan plan, Entity entity, BatchRow row) {
        if (!row.errors().isEmpty()) {
            plan.errors.addAll(row.errors());
            return;
        }
        InputReader.Result r = reader.read(entity, row.body(), true, true);
        if (!r.ok()) {
            r.problems().forEach((f, m) -> plan.error(row, f, m));
            return;
        }
        Document values = r.values();
        String id = values.getString("id") != null ? (String) values.remove("id") : naturalId(entity, values);
        planDocument(plan, entity, row, values, id);
    }

    /** Plans an upsert of {@code values} into document {@code id}: created, updated (only what differs) or unchanged. */
    private void planDocument(Plan plan, Entity entity, BatchRow row, Document values, String id) {
        Write earlier = plan.planned(entity, id);
        if (earlier != null) {
            plan.error(row, "id", "'" + id + "' is also written by row " + earlier.index() + " of this batch");
            return;
        }
        Document before = stored(entity, id);
        if (!parentsAndReferencesHold(plan, row, entity, values, before)) {
            return;
        }
        if (before == null) {
            plan.add(new Write(row.index(), entity, id, null, newDocument(entity, values, id, plan), "created"));
            return;
        }
        Document set = new Document();
        values.forEach((k, v) -> {
            if (!Objects.equals(v, before.get(k))) {
                set.put(k, v);
            }
        });
        if (set.isEmpty()) {
            plan.add(new Write(row.index(), entity, id, before, before, "unchanged"));
            return;
        }
        renamed(entity, set, before, plan);
        Document after = new Document(before);
        after.putAll(set);
        after.put("updatedAt", new Date());
        after.put("version", version(before) + 1);
        plan.add(new Write(row.index(), entity, id, before, after, "updated"));
    }

    private boolean parentsAndReferencesHold(Plan plan, BatchRow row, Entity entity, Document values, Document before) {
        String parent = before == null ? null : changedParent(values, before);
        if (parent != null) {
            plan.error(row, parent, "cannot be changed; delete and re-create instead");
            return false;
        }
        try {
            checkReferences(entity, values, before, plan);
            return true;
        } catch (ProblemException e) {
            plan.error(row, e.parameter(), PARAMETER_PREFIX.matcher(e.getMessage()).replaceFirst(""));
            return false;
        }
    }

    /**
     * Writes a validated batch all or nothing. Invalid rows: nothing is written and every row error is
     * reported. Otherwise the event is staged in the outbox, the before-images journaled, each document
     * written under a version guard; a failure puts everything back (see {@link WriteJournal}).
     */
    private void execute(Plan plan, String kind, Change change, Actor actor, Function<List<Write>, List<Document>> auditEntries) {
        if (!plan.errors.isEmpty()) {
            throw new InvalidRows(plan.rows, plan.errors);
        }
        List<Write> changes = plan.changes();
        if (changes.isEmpty()) {
            return;
        }
        String batch = UUID.randomUUID().toString();
        Staged staged = events.stage(change);
        List<WriteJournal.Entry> touched = new ArrayList<>();
        for (Write w : changes) {
            touched.add(new WriteJournal.Entry(w.entity().collection(), w.id(), w.before(),
                    w.after() == null ? null : version(w.after())));
        }
        try {
            journal.begin(batch, kind, touched);
        } catch (RuntimeException e) {
            events.discard(staged);
            throw e;
        }
        int written = 0;
        try {
            for (Write w : changes) {
                faults.reached(FaultPoints.BATCH_WRITE);
                apply(w);
                written++;
                if (written % 200 == 0) {
                    journal.heartbeat(batch);
                    events.keepAlive(staged);
                }
            }
        } catch (RuntimeException failure) {
            throw rollBack(batch, kind, staged, written, failure, actor);
        }
        journal.commit(batch);
        audit.recordAll(auditEntries.apply(changes));
        events.release(staged);
    }

    private ProblemException rollBack(String batch, String kind, Staged staged, int written, RuntimeException failure, Actor actor) {
        LOG.warnf(failure, "Batch %s (%s) failed after %d of its writes: rolling back", batch, kind, written);
        int restored;
        try {
            restored = journal.undo(batch);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Batch %s could not be rolled back now; the journal recovery will undo it", batch);
            return new ProblemException(503, "write-failed", "Write failed", "The " + kind + " failed after "
                    + written + " writes and is being rolled back from its journal; nothing of it stands. Try again later.", null);
        }
        if (written > 0) {
            events.release(staged); // readers may have cached what was briefly there
        } else {
            events.discard(staged);
        }
        audit.record(actor, "rollback", kind, batch, null, new Document("written", written).append("restored", restored));
        if (failure instanceof ProblemException p) {
            return p;
        }
        return new ProblemException(503, "write-failed", "Write failed", "The " + kind + " failed after " + written
                + " writes; every document it had written was put back, so nothing changed. Try again.", null);
    }

    private void apply(Write w) {
        MongoCollection<Document> target = collection(w.entity());
        boolean applied;
        if (w.before() == null) {
            try {
                target.insertOne(new Document(w.after()));
                applied = true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                applied = false;
            }
        } else if (w.after() == null) {
            applied = target.deleteOne(guard(w.before())).getDeletedCount() > 0;
        } else {
            applied = target.replaceOne(guard(w.before()), w.after()).getMatchedCount() > 0;
        }
        if (!applied) {
            throw new ProblemException(409, "conflict", "Conflict", w.entity().entityName() + " '" + w.id()
                    + "' was changed by another write while this batch was written; nothing was written, try again", "id");
        }
    }

    private static Bson guard(Document before) {
        return and(eq("id", before.getString("id")), eq("version", before.get("version")));
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

    private Document stored(Entity entity, String id) {
        return collection(entity).find(eq("id", id)).projection(Projections.exclude("_id")).first();
    }

    /** The document as the batch will leave it ({@code null}: absent), else as stored. */
    private Document current(Entity entity, String id, Plan plan) {
        Write w = plan == null ? null : plan.planned(entity, id);
        return w != null ? w.after() : stored(entity, id);
    }

    private static String changedParent(Document values, Document before) {
        for (String parent : List.of("brandId", "modelId")) {
            if (values.containsKey(parent) && !Objects.equals(values.get(parent), before.get(parent))) {
                return parent;
            }
        }
        return null;
    }

    private static boolean hasSlug(Entity entity) {
        return entity.slugSource() != null;
    }

    /**
     * A new name gives a new slug (the id stays): in single writes and batches alike. An article keeps the
     * slug it was published under when its title changes; a slug sent with the write replaces it.
     */
    private void renamed(Entity entity, Document set, Document before, Plan plan) {
        if (entity == Entity.ARTICLE) {
            if (set.get("slug") instanceof String slug && !slug.equals(before.get("slug"))) {
                requireFreeSlug(entity, slug, before.getString("id"));
            }
            return;
        }
        if (set.containsKey("name") && hasSlug(entity) && !Objects.equals(set.get("name"), before.get("name"))) {
            set.put("slug", freeSlug(entity, CatalogFields.slug(set.getString("name")), before, plan));
        }
    }

    /** What a news document holds for a field a create or a PUT does not send: a draft, an active author. */
    private static Document newsDefaults(Entity entity) {
        return switch (entity) {
            case ARTICLE -> new Document("status", NewsFields.DRAFT);
            case NEWS_AUTHOR -> new Document("isActive", true);
            default -> new Document();
        };
    }

    /** An article's own slug, sent by the client: taken by another article is a 409 naming {@code slug}. */
    private void requireFreeSlug(Entity entity, String slug, String self) {
        Document holder = collection(entity).find(eq("slug", slug)).projection(Projections.include("id")).first();
        if (holder != null && !Objects.equals(holder.getString("id"), self)) {
            throw new ProblemException(409, "conflict", "Conflict", "slug '" + slug + "' is already used by "
                    + entity.entityName() + " '" + holder.getString("id") + "'", "slug");
        }
    }

    /**
     * An article as it will be stored: a scheduled one needs the {@code publishDate} it appears at; a
     * published one without a date is dated now, so "newest first" has something to sort by.
     * {@code set}, when given, receives what the rule adds (an update's {@code $set}).
     */
    private static void articleRules(Entity entity, Document doc, Document set) {
        if (entity != Entity.ARTICLE) {
            return;
        }
        Object status = doc.get("status");
        if (NewsFields.SCHEDULED.equals(status) && doc.get("publishDate") == null) {
            throw ProblemException.badParameter("publishDate", "is required when status is scheduled");
        }
        if (NewsFields.PUBLISHED.equals(status) && doc.get("publishDate") == null) {
            Date now = new Date();
            doc.put("publishDate", now);
            if (set != null) {
                set.put("publishDate", now);
            }
        }
    }

    /** A category, tag or author still named by articles is not deleted: 409 with how many name it. */
    private void refuseWhileUsed(Entity entity, String id, Bson byArticles) {
        long using = collection(Entity.ARTICLE).countDocuments(byArticles);
        if (using > 0) {
            throw new ProblemException(409, "in-use", "Still referenced", entity.entityName() + " '" + id + "' is used by "
                    + using + " article" + (using == 1 ? "" : "s") + "; change or delete " + (using == 1 ? "it" : "them")
                    + " first", "id");
        }
    }

    private static long version(Document doc) {
        Number n = doc.get("version", Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static void requireMatch(Document current, String ifMatch) {
        String etag = etag(current);
        // no If-Match: the write is unconditional
        if (ifMatch == null || ifMatch.isBlank() || ETags.matches(ifMatch, etag)) {
            return;
        }
        throw new ProblemException(412, "precondition-failed", "Precondition failed",
                "If-Match " + ifMatch + " does not match the current version " + etag, "If-Match");
    }

    /**
     * Model needs an existing brand; variant an existing model of the same brand; comparison two models.
     * In a batch, "existing" includes what earlier rows of the same batch create.
     */
    private void checkReferences(Entity entity, Document values, Document before, Plan plan) {
        switch (entity) {
            case MODEL -> {
                String brandId = values.getString("brandId");
                if (brandId != null && before == null && current(Entity.BRAND, brandId, plan) == null) {
                    throw ProblemException.badParameter("brandId", "brand '" + brandId + "' does not exist");
                }
            }
            case VARIANT -> {
                if (before == null) {
                    String modelId = values.getString("modelId");
                    Document model = current(Entity.MODEL, modelId, plan);
                    if (model == null) {
                        throw ProblemException.badParameter("modelId", "model '" + modelId + "' does not exist");
                    }
                    if (!Objects.equals(model.getString("brandId"), values.getString("brandId"))) {
                        throw ProblemException.badParameter("brandId", "model '" + modelId + "' belongs to brand '"
                                + model.getString("brandId") + "'");
                    }
                }
            }
            case ARTICLE -> {
                requireExisting(Entity.NEWS_CATEGORY, "categoryId", values.get("categoryId"), plan);
                requireExisting(Entity.NEWS_AUTHOR, "authorId", values.get("authorId"), plan);
                requireExisting(Entity.NEWS_TAG, "tags", values.get("tags"), plan);
                requireExisting(Entity.MODEL, "linkedCars", values.get("linkedCars"), plan);
            }
            case COMPARISON -> {
                for (String f : List.of("model1Id", "model2Id")) {
                    String m = values.getString(f);
                    if (m != null && current(Entity.MODEL, m, plan) == null) {
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

    /** {@code value} (an id or a list of ids) names documents of {@code target} that exist (or the batch creates). */
    private void requireExisting(Entity target, String field, Object value, Plan plan) {
        List<?> ids = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        for (int i = 0; i < ids.size(); i++) {
            String id = (String) ids.get(i);
            if (current(target, id, plan) == null) {
                throw ProblemException.badParameter(value instanceof List<?> ? field + "[" + i + "]" : field,
                        target.entityName() + " '" + id + "' does not exist");
            }
        }
    }

    /** The id the previous system would give; collisions get -1, -2, … on create. */
    String naturalId(Entity entity, Document v) {
        return switch (entity) {
            case BRAND -> "brand-" + CatalogFields.slug(v.getString("name"));
            case MODEL -> "model-" + v.getString("brandId") + "-" + CatalogFields.slug(v.getString("name"));
            case VARIANT -> "variant-" + v.getString("brandId") + "-" + v.getString("modelId") + "-"
                    + CatalogFields.slug(v.getString("name"));
            case COMPARISON -> "comparison-" + v.getString("model1Id") + "-" + v.getString("model2Id");
            case ARTICLE -> "article-" + (v.get("slug") instanceof String slug ? slug : CatalogFields.slug(v.getString("title")));
            case NEWS_CATEGORY -> "category-" + CatalogFields.slug(v.getString("name"));
            case NEWS_TAG -> "tag-" + CatalogFields.slug(v.getString("name"));
            case NEWS_AUTHOR -> "author-" + CatalogFields.slug(v.getString("name"));
        };
    }

    /** A new document with the server's fields: status, a free ranking and slug, timestamps, version 1. */
    private Document newDocument(Entity entity, Document values, String id, Plan plan) {
        Date now = new Date();
        Document doc = new Document("id", id);
        doc.putAll(values);
        if (entity == Entity.BRAND || entity == Entity.MODEL || entity == Entity.VARIANT) {
            doc.putIfAbsent("status", CatalogFields.ACTIVE);
        }
        newsDefaults(entity).forEach(doc::putIfAbsent);
        if (entity == Entity.BRAND && doc.get("ranking") == null) {
            List<Integer> free = new ArrayList<>(availableRankings(null));
            if (plan != null) {
                plan.writes().stream().filter(w -> w.entity() == Entity.BRAND && w.after() != null)
                        .forEach(w -> free.remove(w.after().get("ranking")));
            }
            doc.put("ranking", free.isEmpty() ? Constraints.UNRANKED : free.get(0));
        }
        if (entity == Entity.ARTICLE && values.get("slug") instanceof String slug) {
            requireFreeSlug(entity, slug, id);
        } else if (hasSlug(entity)) {
            doc.put("slug", freeSlug(entity, CatalogFields.slug(doc.getString(entity.slugSource())), doc, plan));
        }
        doc.put("createdAt", now);
        doc.put("updatedAt", now);
        doc.put("version", 1L);
        return doc;
    }

    /** Brands' slugs are unique; a model's within its brand. In a batch, slugs its earlier rows take count too. */
    private String freeSlug(Entity entity, String base, Document self, Plan plan) {
        for (int n = 0; ; n++) {
            String slug = n == 0 ? base : base + "-" + n;
            Bson filter = entity == Entity.MODEL ? and(eq("slug", slug), eq("brandId", self.getString("brandId")))
                    : eq("slug", slug);
            Document holder = collection(entity).find(filter).projection(Projections.include("id")).first();
            boolean taken = holder != null && !Objects.equals(holder.getString("id"), self.getString("id"));
            if (!taken && plan != null) {
                taken = plan.writes().stream().anyMatch(w -> w.entity() == entity && w.after() != null
                        && !Objects.equals(w.id(), self.getString("id")) && slug.equals(w.after().get("slug"))
                        && (entity != Entity.MODEL || Objects.equals(w.after().get("brandId"), self.get("brandId"))));
            }
            if (!taken) {
                return slug;
            }
        }
    }

    private Document applyUpdate(Entity entity, Document before, Document set, Document unset) {
        long version = version(before);
        set.put("updatedAt", new Date());
        set.put("version", version + 1);
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        Document after = collection(entity).findOneAndUpdate(guard(before), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(Projections.exclude("_id")));
        if (after == null) {
            throw new ConcurrentChange();
        }
        return after;
    }

    private List<String> ids(Entity entity, Bson filter) {
        List<String> ids = new ArrayList<>();
        collection(entity).find(filter).projection(Projections.include("id")).forEach(d -> ids.add(d.getString("id")));
        return ids;
    }

    /** One step of a cascading delete. */
    private record Step(Entity entity, Bson filter) {
    }

    private void doomComparisons(List<String> modelIds, List<Step> cascade, Change change, Actor actor, List<Document> entries) {
        if (!modelIds.isEmpty()) {
            doom(Entity.COMPARISON, or(in("model1Id", modelIds), in("model2Id", modelIds)), cascade, change, actor, entries);
            change.lists(Tags.COMPARISONS);
        }
    }

    /** Notes what a cascade step will delete (tags, audit entries) before anything is deleted. */
    private void doom(Entity entity, Bson filter, List<Step> cascade, Change change, Actor actor, List<Document> entries) {
        List<Document> doomed = collection(entity).find(filter).projection(Projections.exclude("_id")).into(new ArrayList<>());
        if (doomed.isEmpty()) {
            return;
        }
        cascade.add(new Step(entity, filter));
        for (Document d : doomed) {
            change.id(entity.entityName(), d.getString("id"));
            entries.add(audit.entry(actor, "cascade-delete", entity.entityName(), d.getString("id"), d, null));
        }
    }

    private Change change(String type, Entity entity, Document before, Document after) {
        Change change = new Change(type, entity.entityName());
        mark(change, entity, before, after);
        if (after != null) {
            change.version(version(after));
        }
        if (!"updated".equals(type) && !entity.news()) {
            change.lists(Tags.STATS);
        }
        return change;
    }

    /**
     * A parent's status decides whether its children are shown, and a list page that never showed them
     * carries no tag of theirs: so a status change also names the children's lists, for every cache that
     * evicts by the event's tags alone (the gateway's edge cache, the CDN), not only catalog-service.
     */
    private static List<String> childLists(Entity entity) {
        return switch (entity) {
            case BRAND -> List.of(Tags.MODELS, Tags.VARIANTS);
            case MODEL -> List.of(Tags.VARIANTS);
            default -> List.of();
        };
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
        if (before != null && after != null && !Objects.equals(before.get("status"), after.get("status"))) {
            change.lists(childLists(entity));
        }
        switch (entity) {
            // model and variant cards show their brand's name: lists of them without item tags too
            case BRAND -> change.lists(Tags.BRANDS, Tags.SEARCH, Tags.PAGES, Tags.untracked(Tags.MODELS),
                    Tags.untracked(Tags.VARIANTS));
            case MODEL -> change.lists(Tags.MODELS, Tags.SEARCH, Tags.PAGES);
            // a variant's price decides its model's starting price, so model lists sorted or filtered by price;
            // an update names only the lists the fields it changed can reshape (Tags.variantUpdateLists)
            case VARIANT -> {
                boolean mayBecomeCheapest = Tags.mayBecomeCheapest(before, after);
                change.lists(before != null && after != null
                        ? Tags.variantUpdateLists(Tags.changedFields(before, after), mayBecomeCheapest)
                        : Tags.VARIANT_WRITE_LISTS);
                // a comparison by models shows each model's cheapest variant (tagged by it and model-cheapest:)
                if (mayBecomeCheapest) {
                    change.lists(Tags.cheapest(after.getString("modelId")));
                }
                // a model card shows what its shown variants add up to (tagged model-card:, not model:)
                if (Tags.mayChangeCard(before, after)) {
                    for (Document d : new Document[] {before, after}) {
                        if (d != null && d.getString("modelId") != null) {
                            change.lists(Tags.card(d.getString("modelId")));
                        }
                    }
                }
            }
            case COMPARISON -> change.lists(Tags.COMPARISONS, Tags.PAGES);
            // an article is on its detail (article:<id>) and news lists; linkedCars change nothing the catalogue serves
            case ARTICLE -> change.lists(Tags.NEWS);
            // a category, tag or author name is shown on news lists and on article details
            case NEWS_CATEGORY, NEWS_TAG, NEWS_AUTHOR -> change.lists(Tags.NEWS, Tags.NEWS_TAXONOMY);
        }
    }

    /**
     * A stored document as importing it would store it (rich text passed through the sanitiser again), so
     * a backup of data written before the sanitiser, or by the seed, imports as unchanged.
     */
    private Document asImported(Entity entity, Document stored) {
        Document system = new Document();
        Document writable = new Document();
        stored.forEach((k, v) -> (entity.serverOwned(k) ? system : writable).put(k, v));
        try {
            InputReader.Result r = reader.read(entity, json.readTree(writable.toJson(RELAXED)), false, false);
            if (!r.ok()) {
                return stored;
            }
            Document out = without(system, "version", "updatedAt", "_id");
            out.putAll(r.values());
            return out;
        } catch (JsonProcessingException e) {
            return stored;
        }
    }

    private static Document without(Document doc, String... keys) {
        Document copy = new Document(doc);
        for (String k : keys) {
            copy.remove(k);
        }
        return copy;
    }

    /** Relaxed JSON with keys sorted, so documents compare by content whatever their key order or int width. */
    private static String canonical(Document doc) {
        return new Document(sorted(doc)).toJson(RELAXED);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, Object> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, sortedValue(v)));
        return out;
    }

    private static Object sortedValue(Object v) {
        if (v instanceof Document d) {
            return new Document(sorted(d));
        }
        if (v instanceof List<?> list) {
            return list.stream().map(CatalogWriter::sortedValue).toList();
        }
        return v;
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
