package com.motoroctane.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.motoroctane.admin.audit.Actor;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.admin.catalog.CatalogWriter;
import com.motoroctane.admin.catalog.Entity;
import com.motoroctane.admin.news.NewsListing;
import com.motoroctane.common.api.Page;
import com.motoroctane.common.error.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

import io.smallrye.common.annotation.Blocking;

/**
 * The news section's writes (and the editors' reads, drafts included) on articles, categories, tags and
 * authors, through the catalogue's writer: the same validation, sanitising, If-Match, audit and
 * invalidation events. Role matrix as for the catalogue: editors read, create and edit; deleting needs admin.
 */
@Path("/api/admin/{kind: articles|categories|tags|authors}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.EDITOR, Role.ADMIN, Role.SUPER_ADMIN})
@Tag(name = "news admin", description = "Articles, categories, tags and authors (collections of common NewsFields)")
@Blocking
public class NewsAdminResource {

    private final CatalogWriter writer;
    private final NewsListing listing;

    @Inject
    SecurityIdentity identity;

    public NewsAdminResource(CatalogWriter writer, NewsListing listing) {
        this.writer = writer;
        this.listing = listing;
    }

    @GET
    @Operation(summary = "Every document of the kind, drafts included: articles newest first, the others by name")
    @APIResponse(responseCode = "400", description = "a filter or page/limit out of range (problem+json naming it)")
    public Page<Document> list(@PathParam("kind") String kind,
                               @Parameter(description = "articles: category id or slug") @QueryParam("category") String category,
                               @Parameter(description = "articles: tag id or slug") @QueryParam("tag") String tag,
                               @Parameter(description = "articles: author id") @QueryParam("author") String author,
                               @Parameter(description = "articles: draft, published or scheduled") @QueryParam("status") String status,
                               @Parameter(description = "tags: general, brand, model or topic") @QueryParam("type") String type,
                               @Parameter(description = "articles: title or excerpt; others: name (literal, any case)")
                               @QueryParam("search") String search,
                               @QueryParam("page") @DefaultValue("1") String page,
                               @QueryParam("limit") @DefaultValue("20") String limit) {
        Paging paging = Paging.of(page, limit);
        return listing.list(entity(kind), new NewsListing.Filters(category, tag, author, status, type, search),
                paging.page(), paging.limit());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One document by id, with its ETag (\"v<version>\") to send back as If-Match")
    public Response get(@PathParam("kind") String kind, @PathParam("id") String id) {
        Document doc = writer.find(entity(kind), id);
        return Response.ok(doc).tag(CatalogWriteResource.tag(doc)).build();
    }

    @POST
    @Operation(summary = "Create (201 with ETag); the id and, when absent, the slug are made from the title or name")
    @APIResponse(responseCode = "400", description = "invalid body (problem+json, parameter = the field)")
    @APIResponse(responseCode = "409", description = "the article slug sent is taken")
    public Response create(@PathParam("kind") String kind, JsonNode body) {
        Document created = writer.create(entity(kind), body, Actor.of(identity));
        return Response.status(201).entity(created).tag(CatalogWriteResource.tag(created)).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change the fields sent")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response patch(@PathParam("kind") String kind, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Document after = writer.update(entity(kind), id, body, ifMatch, Actor.of(identity), false);
        return Response.ok(after).tag(CatalogWriteResource.tag(after)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace every writable field (those not sent are removed; views/likes/comments stay)")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response put(@PathParam("kind") String kind, @PathParam("id") String id,
                        @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Document after = writer.update(entity(kind), id, body, ifMatch, Actor.of(identity), true);
        return Response.ok(after).tag(CatalogWriteResource.tag(after)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Delete (admin); a category, tag or author still used by articles is kept: 409 with the count")
    @APIResponse(responseCode = "409", description = "still referenced by articles")
    public Response delete(@PathParam("kind") String kind, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch) {
        writer.delete(entity(kind), id, ifMatch, Actor.of(identity));
        return Response.noContent().build();
    }

    private static Entity entity(String kind) {
        Entity e = Entity.ofNewsPath(kind);
        if (e == null) {
            throw ProblemException.notFound("Collection", kind);
        }
        return e;
    }
}
