package com.motoroctane.admin.api;

import static com.mongodb.client.model.Filters.eq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.audit.AuditLog;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.catalog.Entity;
import com.motoroctane.admin.events.EventPublisher;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.events.InvalidationEvent;

import io.smallrye.common.annotation.Blocking;

/**
 * NDJSON backup of the catalogue collections, one {@code {"collection":…,"document":…}} per line in
 * MongoDB relaxed extended JSON (dates survive the round trip). Admin users are never exported.
 */
@Path("/api/admin")
@RolesAllowed({Role.ADMIN, Role.SUPER_ADMIN})
@Blocking
public class BackupResource {

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final List<Entity> ORDER = List.of(Entity.BRAND, Entity.MODEL, Entity.VARIANT, Entity.COMPARISON);

    private final CatalogWriter writer;
    private final AuditLog audit;
    private final EventPublisher events;

    @Inject
    JsonWebToken jwt;

    public BackupResource(CatalogWriter writer, AuditLog audit, EventPublisher events) {
        this.writer = writer;
        this.audit = audit;
        this.events = events;
    }

    @GET
    @Path("/export")
    @Produces("application/x-ndjson")
    public Response export() {
        StreamingOutput stream = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (Entity e : ORDER) {
                for (Document d : writer.collection(e).find().projection(Projections.exclude("_id")).batchSize(500)) {
                    w.write(new Document("collection", e.collection()).append("document", d).toJson(JSON));
                    w.write('\n');
                }
            }
            w.flush();
        };
        return Response.ok(stream).header("Content-Disposition", "attachment; filename=\"motoroctane-catalogue.ndjson\"")
                .header("Cache-Control", "no-store").build();
    }

    /** {@code mode=merge} (by id, default) or {@code mode=empty} (refused unless every collection is empty). */
    @POST
    @Path("/import")
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> importBackup(InputStream body, @QueryParam("mode") @DefaultValue("merge") String mode,
                                            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) throws IOException {
        if (!"merge".equals(mode) && !"empty".equals(mode)) {
            throw ProblemException.badParameter("mode", "must be merge or empty");
        }
        if ("empty".equals(mode)) {
            for (Entity e : ORDER) {
                if (writer.collection(e).estimatedDocumentCount() > 0) {
                    throw new ProblemException(409, "conflict", "Not empty",
                            "mode=empty needs an empty database; '" + e.collection() + "' has documents", "mode");
                }
            }
        }
        Map<String, Map<String, Integer>> summary = new LinkedHashMap<>();
        ORDER.forEach(e -> summary.put(e.collection(), new LinkedHashMap<>(Map.of("inserted", 0, "updated", 0,
                "unchanged", 0))));
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String at = "line " + number;
            if (line.isBlank()) {
                continue;
            }
            Document row;
            try {
                row = Document.parse(line);
            } catch (JsonParseException | IllegalArgumentException e) {
                throw ProblemException.badParameter("line " + number, "is not a JSON object");
            }
            Entity entity = ORDER.stream().filter(e -> e.collection().equals(row.getString("collection"))).findFirst()
                    .orElseThrow(() -> ProblemException.badParameter(at, "unknown collection"));
            Object raw = row.get("document");
            if (!(raw instanceof Document doc) || !(doc.get("id") instanceof String id) || hasOperatorKey(doc)) {
                throw ProblemException.badParameter("line " + number, "needs a document with a string id and no '$' keys");
            }
            doc.remove("_id");
            Document current = writer.collection(entity).find(eq("id", id)).projection(Projections.exclude("_id")).first();
            String outcome = current == null ? "inserted" : current.toJson(JSON).equals(doc.toJson(JSON)) ? "unchanged" : "updated";
            if (!dryRun && !"unchanged".equals(outcome)) {
                writer.collection(entity).replaceOne(eq("id", id), doc, new ReplaceOptions().upsert(true));
            }
            summary.get(entity.collection()).merge(outcome, 1, Integer::sum);
        }
        if (!dryRun) {
            audit.record(Actor.of(jwt), "import", "catalogue", mode, null, new Document("summary", summary));
            events.publish(new EventPublisher.Change("imported", "catalogue").lists(InvalidationEvent.FLUSH_ALL));
        }
        return Map.of("dryRun", dryRun, "mode", mode, "summary", summary);
    }

    private static boolean hasOperatorKey(Object value) {
        if (value instanceof Document d) {
            for (Map.Entry<String, Object> e : d.entrySet()) {
                if (e.getKey().startsWith("$") || e.getKey().contains(".") || hasOperatorKey(e.getValue())) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            return list.stream().anyMatch(BackupResource::hasOperatorKey);
        }
        return false;
    }
}
