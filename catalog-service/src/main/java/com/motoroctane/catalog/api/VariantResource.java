package com.motoroctane.catalog.api;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

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
import com.motoroctane.catalog.domain.CatalogReads;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.catalog.domain.ListQuery;
import com.motoroctane.catalog.domain.Listing;
import com.motoroctane.common.catalog.CatalogFields;

@Path("/api/variants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Variants")
public class VariantResource {

    private final Serving serving;
    private final CatalogReads reads;

    public VariantResource(Serving serving, CatalogReads reads) {
        this.serving = serving;
        this.reads = reads;
    }

    @GET
    @Operation(summary = "Active variants as list cards, filtered and sorted, paginated",
            description = "Each item is a card by default (view=card): id, name, brandId, modelId, status, price, fuelType, "
                    + "transmission, engineName, power, torque, mileageCompanyClaimed, evRange, isValueForMoney; view=full: whole "
                    + "documents; fields=: from the variant field set (not with view). Filters: modelId, brandId, fuelType, "
                    + "transmission, minPrice, maxPrice (rupees). sort: price, name. page/limit or cursor.")
    @Parameter(name = "view", in = ParameterIn.QUERY, description = "card (default) or full",
            schema = @Schema(enumeration = {"card", "full"}))
    public Uni<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        Params params = serving.params(uri.getQueryParameters());
        List<Bson> filters = new ArrayList<>(); // the store adds what visibility requires
        String modelId = params.id("modelId");
        if (modelId != null) {
            filters.add(eq("modelId", modelId));
        }
        String brandId = params.id("brandId");
        if (brandId != null) {
            filters.add(eq("brandId", brandId));
        }
        String fuel = params.oneOf("fuelType", CatalogFields.FUEL_TYPES);
        if (fuel != null) {
            filters.add(eq("fuelType", fuel));
        }
        String transmission = params.oneOf("transmission", CatalogFields.TRANSMISSIONS);
        if (transmission != null) {
            filters.add(eq("transmission", transmission));
        }
        Long minPrice = params.price("minPrice");
        Long maxPrice = params.price("maxPrice");
        params.priceRange(minPrice, maxPrice);
        if (minPrice != null) {
            filters.add(gte("price", minPrice));
        }
        if (maxPrice != null) {
            filters.add(lte("price", maxPrice));
        }
        ListQuery query = serving.listQuery(Listing.VARIANTS, params, Serving.allOf(filters));
        // which writes can reshape this page beyond the items it shows (Tags.variantUpdateLists): within one
        // model, only that model's variants, whose every event names the model; otherwise any price change when
        // the page is ordered or banded by price (only a falling one on a cheapest-first first page)
        String keep = modelId != null ? Tags.model(modelId)
                : minPrice != null || maxPrice != null || "price".equals(query.sort().name())
                        ? CatalogReads.priceTag(Tags.VARIANTS, query, "price", minPrice, maxPrice)
                : null;
        return serving.serve(CacheKind.VARIANTS, Serving.cacheKey(query, params.raw("cursor")), headers,
                () -> keep == null ? reads.list(Listing.VARIANTS, query) : reads.list(Listing.VARIANTS, query, keep));
    }

    @GET
    @Path("by")
    @Operation(summary = "Batch read: up to 50 active variants by id (ids=a,b,c), in the order asked; unknown ids listed in 'missing'",
            description = "Cards by default like GET /api/variants; view=full for whole documents (what a comparison reads), "
                    + "or fields=.")
    @Parameter(name = "view", in = ParameterIn.QUERY, description = "card (default) or full",
            schema = @Schema(enumeration = {"card", "full"}))
    public Uni<Response> byIds(@Context UriInfo uri, @Context HttpHeaders headers) {
        Params params = serving.params(uri.getQueryParameters());
        List<String> ids = params.ids("ids", serving.paging().maxBatchIds());
        List<String> fields = serving.shown(Listing.VARIANTS, params);
        return serving.serve(CacheKind.VARIANTS, "by?" + params.canonical(), headers, () -> reads.variantsByIds(ids, fields));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One active variant by id")
    public Uni<Response> get(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        Params.checkId("id", id);
        Params params = serving.params(uri.getQueryParameters());
        var fields = params.fields(Listing.VARIANTS.fields());
        return serving.serve(CacheKind.VARIANTS, "variant/" + id + '?' + params.canonical(), headers,
                () -> reads.document(Listing.VARIANTS, id, fields));
    }
}
