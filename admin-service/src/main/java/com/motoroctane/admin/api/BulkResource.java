package com.motoroctane.admin.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.bson.Document;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.audit.AuditLog;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.catalog.Csv;
import com.motoroctane.admin.catalog.Entity;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.admin.events.EventPublisher;
import com.motoroctane.common.error.ProblemException;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /api/bulk/{brands|models|variants}}: a JSON array (or the previous {@code {"brands":[...]}}),
 * or CSV; at most {@code admin.bulk.max-rows} rows; each row is upserted on its own and reported as
 * {@code {index, id, status, errors}}; one invalidation event for the whole batch.
 */
@Path("/api/bulk/{kind: brands|models|variants}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.SUPER_ADMIN})
@Blocking
public class BulkResource {

    private final CatalogWriter writer;
    private final AuditLog audit;
    private final EventPublisher events;
    private final ObjectMapper json;
    private final int maxRows;

    @Inject
    JsonWebToken jwt;

    public BulkResource(CatalogWriter writer, AuditLog audit, EventPublisher events, ObjectMapper json, AdminConfig config) {
        this.writer = writer;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.maxRows = config.bulk().maxRows();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> json(@PathParam("kind") String kind, JsonNode body) {
        JsonNode rows = body != null && body.isObject() ? body.get(kind) : body;
        if (rows == null || !rows.isArray()) {
            throw ProblemException.badParameter("body", "must be a JSON array of " + kind + " or {\"" + kind + "\":[...]}");
        }
        return run(Entity.ofPath(kind), rows);
    }

    @POST
    @Consumes("text/csv")
    public Map<String, Object> csv(@PathParam("kind") String kind, String body) {
        Entity entity = Entity.ofPath(kind);
        return run(entity, Csv.toRows(body == null ? "" : body, entity, json, maxRows));
    }

    private Map<String, Object> run(Entity entity, JsonNode rows) {
        if (rows.size() > maxRows) {
            throw ProblemException.badParameter("body", "at most " + maxRows + " rows per request");
        }
        Actor actor = Actor.of(jwt);
        EventPublisher.Change change = new EventPublisher.Change("bulk", entity.entityName());
        List<Document> entries = new ArrayList<>();
        List<CatalogWriter.RowResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            results.add(writer.upsert(entity, i, rows.get(i), actor, change, entries));
        }
        audit.recordAll(entries);
        if (!change.isEmpty()) {
            events.publish(change.lists("stats"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> summary = writer.summary(results);
        out.put("success", ((Number) summary.get("errors")).longValue() == 0);
        out.put("summary", summary);
        out.put("results", results);
        return out;
    }
}
