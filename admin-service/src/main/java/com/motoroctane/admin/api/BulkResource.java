package com.motoroctane.admin.api;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.bson.Document;
import io.quarkus.security.identity.SecurityIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.admin.catalog.BatchRow;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.catalog.Csv;
import com.motoroctane.admin.catalog.Entity;
import com.motoroctane.admin.catalog.InvalidRows;
import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.error.ProblemException;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /api/bulk/{brands|models|variants}}: a JSON array (or the previous {@code {"brands":[...]}}),
 * or CSV; at most {@code admin.bulk.max-rows} rows, upserted all or nothing: one invalid row and nothing is
 * written (400 problem+json listing every row error); one invalidation event for the whole batch.
 * {@code GET} the same path as {@code text/csv} exports the collection in the format the import reads.
 */
@Path("/api/bulk/{kind: brands|models|variants}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.SUPER_ADMIN})
@Blocking
public class BulkResource {

    private final CatalogWriter writer;
    private final ObjectMapper json;
    private final int maxRows;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    public BulkResource(CatalogWriter writer, ObjectMapper json, AdminConfig config) {
        this.writer = writer;
        this.json = json;
        this.maxRows = config.bulk().maxRows();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("kind") String kind, JsonNode body) {
        JsonNode rows = body != null && body.isObject() ? body.get(kind) : body;
        if (rows == null || !rows.isArray()) {
            throw ProblemException.badParameter("body", "must be a JSON array of " + kind + " or {\"" + kind + "\":[...]}");
        }
        List<BatchRow> list = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            list.add(BatchRow.of(i, rows.get(i)));
        }
        return run(Entity.ofPath(kind), list);
    }

    @POST
    @Consumes("text/csv")
    public Response csv(@PathParam("kind") String kind, String body) {
        Entity entity = Entity.ofPath(kind);
        return run(entity, Csv.toRows(body == null ? "" : body, entity, json, maxRows));
    }

    /** The collection as CSV, text cells that a spreadsheet would run as formulas neutralised with a leading {@code '}. */
    @GET
    @Produces("text/csv")
    public Response export(@PathParam("kind") String kind) {
        Entity entity = Entity.ofPath(kind);
        StreamingOutput stream = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Iterable<Document> docs = writer.collection(entity).find().projection(Projections.exclude("_id"))
                    .sort(Sorts.ascending("id")).batchSize(500);
            Csv.write(w, entity, docs, json);
            w.flush();
        };
        return Response.ok(stream, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"motoroctane-" + kind + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    private Response run(Entity entity, List<BatchRow> rows) {
        if (rows.size() > maxRows) {
            throw ProblemException.badParameter("body", "at most " + maxRows + " rows per request");
        }
        List<CatalogWriter.RowResult> results;
        try {
            results = writer.bulk(entity, rows, Actor.of(identity));
        } catch (InvalidRows e) {
            return RowProblems.of(e, uri);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("summary", writer.summary(results));
        out.put("results", results);
        return Response.ok(out).build();
    }
}
