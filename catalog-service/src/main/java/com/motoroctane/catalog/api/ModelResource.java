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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.catalog.cache.CacheKind;
import io.smallrye.mutiny.Uni;
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
    @Operation(summary = "Active models, filtered and sorted, paginated",
            description = "Filters: brandId, bodyType, fuelType, transmission, seating, minPrice/maxPrice (starting price, "
                    + "i.e. the lowest active variant price), isPopular, isNew. sort: name, price, popularRank, newRank, "
                    + "launchDate; '-' prefix or ':desc' suffix for descending. page/limit or cursor; fields=.")
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
        boolean derived = minPrice != null || maxPrice != null || "price".equals(query.sort().name());
        return serving.serve(CacheKind.MODELS, Serving.cacheKey(query, params.raw("cursor")), headers,
                () -> derived ? reads.modelsByPrice(query, minPrice, maxPrice) : reads.list(Listing.MODELS, query));
    }

    @GET
    @Path("{idOrSlug}")
    @Operation(summary = "One active model by id or slug")
    public Uni<Response> get(@PathParam("idOrSlug") String idOrSlug, @Context UriInfo uri, @Context HttpHeaders headers) {
        Params.checkId("idOrSlug", idOrSlug);
        Params params = serving.params(uri.getQueryParameters());
        var fields = params.fields(Listing.MODELS.fields());
        return serving.serve(CacheKind.MODELS, "model/" + idOrSlug + '?' + params.canonical(), headers,
                () -> reads.document(Listing.MODELS, idOrSlug, fields));
    }
}
