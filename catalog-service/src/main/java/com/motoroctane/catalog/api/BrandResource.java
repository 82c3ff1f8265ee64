package com.motoroctane.catalog.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.catalog.cache.CacheKind;
import io.smallrye.mutiny.Uni;
import com.motoroctane.catalog.domain.CatalogReads;
import com.motoroctane.catalog.domain.ListQuery;
import com.motoroctane.catalog.domain.Listing;

@Path("/api/brands")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Brands")
public class BrandResource {

    private final Serving serving;
    private final CatalogReads reads;

    public BrandResource(Serving serving, CatalogReads reads) {
        this.serving = serving;
        this.reads = reads;
    }

    @GET
    @Operation(summary = "Active brands as list cards, by ranking (sort=ranking|name), paginated",
            description = "Each item is a card by default (view=card): id, name, slug, logo, ranking, status; view=full: whole "
                    + "documents; fields=: from the brand field set (not with view).")
    @Parameter(name = "view", in = ParameterIn.QUERY, description = "card (default) or full",
            schema = @Schema(enumeration = {"card", "full"}))
    public Uni<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        Params params = serving.params(uri.getQueryParameters());
        ListQuery query = serving.listQuery(Listing.BRANDS, params, com.mongodb.client.model.Filters.empty());
        return serving.serve(CacheKind.BRANDS, Serving.cacheKey(query, params.raw("cursor")), headers,
                () -> reads.list(Listing.BRANDS, query));
    }

    @GET
    @Path("{idOrSlug}")
    @Operation(summary = "One active brand by id (brand-maruti-suzuki) or slug (maruti-suzuki)")
    public Uni<Response> get(@PathParam("idOrSlug") String idOrSlug, @Context UriInfo uri, @Context HttpHeaders headers) {
        Params.checkId("idOrSlug", idOrSlug);
        Params params = serving.params(uri.getQueryParameters());
        var fields = params.fields(Listing.BRANDS.fields());
        return serving.serve(CacheKind.BRANDS, "brand/" + idOrSlug + '?' + params.canonical(), headers,
                () -> reads.document(Listing.BRANDS, idOrSlug, fields));
    }

    @GET
    @Path("{id}/formatted")
    @Operation(summary = "A brand with its summary split into sections and its real price range")
    public Uni<Response> formatted(@PathParam("id") String id, @Context HttpHeaders headers) {
        Params.checkId("id", id);
        return serving.serve(CacheKind.BRANDS, "brand-formatted/" + id, headers, () -> reads.brandFormatted(id));
    }
}
