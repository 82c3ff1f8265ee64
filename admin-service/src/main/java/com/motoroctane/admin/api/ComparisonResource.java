package com.motoroctane.admin.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.catalog.Entity;
import com.motoroctane.admin.catalog.InvalidRows;
import com.motoroctane.common.error.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

import io.smallrye.common.annotation.Blocking;

/**
 * Popular comparisons: POST an object adds one (editor and up); POST an array replaces the whole list (as
 * before), which can remove every comparison at once, so it needs admin or super_admin like every other
 * destructive bulk operation.
 */
@Path("/api/popular-comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class ComparisonResource {

    private final CatalogWriter writer;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    public ComparisonResource(CatalogWriter writer) {
        this.writer = writer;
    }

    @POST
    @RolesAllowed({Role.EDITOR, Role.ADMIN, Role.SUPER_ADMIN})
    public Response post(JsonNode body) {
        if (body != null && body.isArray()) {
            if (!identity.hasRole(Role.ADMIN) && !identity.hasRole(Role.SUPER_ADMIN)) {
                throw new ProblemException(403, "forbidden", "Forbidden", "Replacing the whole popular-comparison "
                        + "list (POST of an array) needs the admin role; add one comparison with POST of an object", "body");
            }
            List<Document> written;
            try {
                written = writer.replaceComparisons(body, Actor.of(identity));
            } catch (InvalidRows e) {
                return RowProblems.of(e, uri);
            }
            return Response.ok(Map.of("success", true, "count", written.size(), "comparisons", written)).build();
        }
        Document created = writer.create(Entity.COMPARISON, body, Actor.of(identity));
        return Response.status(201).entity(created).tag(CatalogWriteResource.tag(created)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.EDITOR, Role.ADMIN, Role.SUPER_ADMIN})
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Document after = writer.update(Entity.COMPARISON, id, body, ifMatch, Actor.of(identity), false);
        return Response.ok(after).tag(CatalogWriteResource.tag(after)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.EDITOR, Role.ADMIN, Role.SUPER_ADMIN})
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Document after = writer.update(Entity.COMPARISON, id, body, ifMatch, Actor.of(identity), true);
        return Response.ok(after).tag(CatalogWriteResource.tag(after)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.SUPER_ADMIN})
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        writer.delete(Entity.COMPARISON, id, ifMatch, Actor.of(identity));
        return Response.noContent().build();
    }
}
