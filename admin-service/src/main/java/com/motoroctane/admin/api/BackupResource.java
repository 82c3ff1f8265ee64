package com.motoroctane.admin.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import io.quarkus.security.identity.SecurityIdentity;

import com.mongodb.client.model.Projections;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.catalog.Entity;
import com.motoroctane.admin.catalog.InvalidRows;
import com.motoroctane.common.error.ProblemException;

import io.smallrye.common.annotation.Blocking;

/**
 * NDJSON backup of the catalogue and news collections, one {@code {"collection":…,"document":…}} per line in
 * MongoDB relaxed extended JSON (dates survive the round trip). Admin users are never exported.
 */
@Path("/api/admin")
@RolesAllowed({Role.ADMIN, Role.SUPER_ADMIN})
@Blocking
public class BackupResource {

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    /** Referenced before referencing: an article names models, a category, tags and an author. */
    private static final List<Entity> ORDER = List.of(Entity.BRAND, Entity.MODEL, Entity.VARIANT, Entity.COMPARISON,
            Entity.NEWS_CATEGORY, Entity.NEWS_TAG, Entity.NEWS_AUTHOR, Entity.ARTICLE);

    private final CatalogWriter writer;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    public BackupResource(CatalogWriter writer) {
        this.writer = writer;
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

    /**
     * {@code mode=merge} (by id, default) or {@code mode=empty} (refused unless every collection is empty).
     * All or nothing: every line is validated as a single write would be before anything is written (400
     * problem+json listing every bad line), then the documents are written through the rollback journal.
     */
    @POST
    @Path("/import")
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importBackup(InputStream body, @QueryParam("mode") @DefaultValue("merge") String mode,
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
        List<CatalogWriter.BackupLine> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                lines.add(new CatalogWriter.BackupLine(number, number == 1 && line.charAt(0) == '\uFEFF' ? line.substring(1) : line));
            }
        }
        Map<String, Map<String, Integer>> summary;
        try {
            summary = writer.importBackup(lines, ORDER, mode, dryRun, Actor.of(identity));
        } catch (InvalidRows e) {
            return RowProblems.of(e, uri);
        }
        return Response.ok(Map.of("dryRun", dryRun, "mode", mode, "summary", summary)).build();
    }
}
