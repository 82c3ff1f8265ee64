package com.motoroctane.admin.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bson.Document;
import io.quarkus.security.identity.SecurityIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.catalog.Entity;
import com.motoroctane.common.error.ProblemException;

import io.smallrye.common.annotation.Blocking;

/**
 * Writes on brands, models and variants. Editors create and edit; deleting needs admin. Every answer
 * carries the document's {@code ETag} ({@code "v<version>"}) to send back as {@code If-Match}.
 */
@Path("/api/{kind: brands|models|variants}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class CatalogWriteResource {

    private final CatalogWriter writer;

    @Inject
    SecurityIdentity identity;

    public CatalogWriteResource(CatalogWriter writer) {
        this.writer = writer;
    }

    @POST
    @RolesAllowed({Role.EDITOR, Role.ADMIN, Role.SUPER_ADMIN})
    public Response create(@PathParam("kind") String kind, JsonNode body) {
        Document created = writer.create(entity(kind), body, Actor.of(identity));
        return Response.status(201).entity(created).tag(tag(created)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.EDITOR, Role.ADMIN, Role.SUPER_ADMIN})
    public Response patch(@PathParam("kind") String kind, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Document after = writer.update(entity(kind), id, body, ifMatch, Actor.of(identity), false);
        return Response.ok(after).tag(tag(after)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.EDITOR, Role.ADMIN, Role.SUPER_ADMIN})
    public Response put(@PathParam("kind") String kind, @PathParam("id") String id,
                        @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Document after = writer.update(entity(kind), id, body, ifMatch, Actor.of(identity), true);
        return Response.ok(after).tag(tag(after)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.SUPER_ADMIN})
    public Response delete(@PathParam("kind") String kind, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch) {
        writer.delete(entity(kind), id, ifMatch, Actor.of(identity));
        return Response.noContent().build();
    }

    /** Public, as in the previous system: the brand rankings 1..50 not yet taken. */
    @GET
    @Path("/available-rankings")
    @PermitAll
    public List<Integer> availableRankings(@PathParam("kind") String kind, @QueryParam("excludeBrandId") String exclude) {
        if (!"brands".equals(kind)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return writer.availableRankings(exclude);
    }

    static jakarta.ws.rs.core.EntityTag tag(Document doc) {
        String etag = CatalogWriter.etag(doc);
        return new jakarta.ws.rs.core.EntityTag(etag.substring(1, etag.length() - 1));
    }

    private static Entity entity(String kind) {
        Entity e = Entity.ofPath(kind);
        if (e == null) {
            throw ProblemException.notFound("Collection", kind);
        }
        return e;
    }
}
