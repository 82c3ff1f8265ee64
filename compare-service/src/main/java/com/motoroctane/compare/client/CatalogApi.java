package com.motoroctane.compare.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalog-service endpoints compare-service reads (catalog-service/README.md). Only {@link Catalog}
 * calls this, with timeout, retry and circuit breaker around every call.
 */
@RegisterRestClient(configKey = "catalog")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/api/variants/by")
    JsonNode variantsByIds(@QueryParam("ids") String commaSeparatedIds, @QueryParam("view") String view);

    @GET
    @Path("/api/variants")
    JsonNode variants(@QueryParam("modelId") String modelId, @QueryParam("minPrice") Long minPrice,
                      @QueryParam("maxPrice") Long maxPrice, @QueryParam("sort") String sort,
                      @QueryParam("limit") int limit, @QueryParam("cursor") String cursor, @QueryParam("fields") String fields);

    @GET
    @Path("/api/models/{idOrSlug}")
    JsonNode model(@PathParam("idOrSlug") String idOrSlug, @QueryParam("fields") String fields);

    @GET
    @Path("/api/models")
    JsonNode models(@QueryParam("brandId") String brandId, @QueryParam("bodyType") String bodyType,
                    @QueryParam("limit") int limit, @QueryParam("cursor") String cursor, @QueryParam("fields") String fields);

    @GET
    @Path("/api/brands/{idOrSlug}")
    JsonNode brand(@PathParam("idOrSlug") String idOrSlug, @QueryParam("fields") String fields);

    @GET
    @Path("/api/brands")
    JsonNode brands(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor, @QueryParam("fields") String fields);

    /** {brand:{id,name,slug}, models:[{id, name, price (lakh string), startingPrice (rupees), image, slug, bodyType, …}]}: every shown model of a brand. */
    @GET
    @Path("/api/frontend/brands/{brandId}/models")
    JsonNode brandModelCards(@PathParam("brandId") String brandId);

    @GET
    @Path("/api/curated-comparisons")
    JsonNode curatedComparisons();

    @GET
    @Path("/q/health/ready")
    jakarta.ws.rs.core.Response ready();
}
