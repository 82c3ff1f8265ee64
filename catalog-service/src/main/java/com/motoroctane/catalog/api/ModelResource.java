package com.motoroctane.catalog.api;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.catalog.cache.CacheKind;
import io.smallrye.mutiny.Uni;
import com.motoroctane.catalog.domain.Aggregates;
import com.motoroctane.catalog.domain.CatalogReads;
import com.motoroctane.catalog.domain.ListQuery;
import com.motoroctane.catalog.domain.Listing;
import com.motoroctane.common.catalog.CatalogFields;

@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models")
public class ModelResource {

    private final Serving serving;
    private final CatalogReads reads;

    public ModelResource(Serving serving, CatalogReads reads) {
        this.serving = serving;
        this.reads = reads;
    }

    @GET
    @Operation(summary = "Active models as list cards with their aggregates, filtered and sorted, paginated",
            description = "Each item is a card by default (view=card): id, name, slug, brandId, status, bodyType, subBodyType, "
                    + "fuelTypes, transmissions, seating, heroImage, isPopular, isNew, popularRank, newRank, launchDate, and the "
                    + "aggregates startingPrice, maxPrice (rupees, over active variants, null without one), variantCount, "
                    + "brandName, brandSlug. view=full: whole documents plus the aggregates. fields=: any stored field or "
                    + "aggregate (not with view). Filters: brandId, bodyType, fuelType, transmission, seating, "
                    + "minPrice/maxPrice (a starting-price band), isPopular, isNew. sort: name, startingPrice (alias price), "
                    + "popularRank, newRank, launchDate; '-' prefix or ':desc' suffix for descending. page/limit or cursor.")
    @Parameter(name = "view", in = ParameterIn.QUERY, description = "card (default) or full",
            schema = @Schema(enumeration = {"card", "full"}))
    @Parameter(name = "fields", in = ParameterIn.QUERY,
            description = "comma-separated stored fields and/or aggregates (startingPrice, maxPrice, variantCount, brandName, brandSlug)")
    @Parameter(name = "sort", in = ParameterIn.QUERY,
            description = "name | startingPrice | popularRank | newRank | launchDate, '-' prefix for descending")
    @Parameter(name = "minPrice", in = ParameterIn.QUERY, description = "lowest starting price, rupees")
    @Parameter(name = "maxPrice", in = ParameterIn.QUERY, description = "highest starting price, rupees")
    public Uni<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        Params params = serving.params(uri.getQueryParameters());
        List<Bson> filters = new ArrayList<>(); // the store adds what visibility requires
        String brandId = params.id("brandId");
        if (brandId != null) {
            filters.add(eq("brandId", brandId));
        }
        String bodyType = params.oneOf("bodyType", CatalogFields.BODY_TYPES);
        if (bodyType != null) {
            filters.add(eq("bodyType", bodyType));
        }
        String fuel = params.oneOf("fuelType", CatalogFields.FUEL_TYPES);
        if (fuel != null) {
            filters.add(eq("fuelTypes", fuel));
        }
        String transmission = params.oneOf("transmission", CatalogFields.TRANSMISSIONS);
        if (transmission != null) {
            filters.add(eq("transmissions", transmission));
        }
        Integer seating = params.integer("seating", 1, 12);
        if (seating != null) {
            filters.add(eq("seating", seating));
        }
        Boolean popular = params.bool("isPopular");
        if (popular != null) {
            filters.add(popular ? eq("isPopular", true) : com.mongodb.client.model.Filters.ne("isPopular", true));
        }
        Boolean isNew = params.bool("isNew");
        if (isNew != null) {
            filters.add(isNew ? eq("isNew", true) : com.mongodb.client.model.Filters.ne("isNew", true));
        }
        Long minPrice = params.price("minPrice");
        Long maxPrice = params.price("maxPrice");
        params.priceRange(minPrice, maxPrice);

        ListQuery query = serving.listQuery(Listing.MODELS, params, Serving.allOf(filters));
        boolean derived = minPrice != null || maxPrice != null || Aggregates.STARTING_PRICE.equals(query.sort().name());
        return serving.serve(CacheKind.MODELS, Serving.cacheKey(query, params.raw("cursor")), headers,
                () -> derived ? reads.modelsByPrice(query, minPrice, maxPrice) : reads.list(Listing.MODELS, query));
    }

    @GET
    @Path("{idOrSlug}")
    @Operation(summary = "One active model by id or slug",
            description = "The whole stored document (ETag = its version); fields= may also name the aggregates "
                    + "startingPrice, maxPrice, variantCount, brandName, brandSlug.")
    public Uni<Response> get(@PathParam("idOrSlug") String idOrSlug, @Context UriInfo uri, @Context HttpHeaders headers) {
        Params.checkId("idOrSlug", idOrSlug);
        Params params = serving.params(uri.getQueryParameters());
        var fields = params.fields(Listing.MODELS.fields());
        return serving.serve(CacheKind.MODELS, "model/" + idOrSlug + '?' + params.canonical(), headers,
                () -> reads.document(Listing.MODELS, idOrSlug, fields));
    }
}
