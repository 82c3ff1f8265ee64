package com.motoroctane.catalog.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.catalog.cache.CacheKind;
import io.smallrye.mutiny.Uni;
import com.motoroctane.catalog.domain.CatalogReads;

/** One request per page: the previous /api/frontend shapes (with real values) and the new page bundles. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Page bundles")
public class PageBundleResource {

    private final Serving serving;
    private final CatalogReads reads;

    public PageBundleResource(Serving serving, CatalogReads reads) {
        this.serving = serving;
        this.reads = reads;
    }

    @GET
    @Path("frontend/brands/{brandId}/models")
    @Operation(summary = "A brand's active models as cards: starting price, variant count, power and mileage from variants")
    public Uni<Response> brandModels(@PathParam("brandId") String brandId, @Context HttpHeaders headers) {
        Params.checkId("brandId", brandId);
        return serving.serve(CacheKind.PAGES, "frontend-brand-models/" + brandId, headers,
                () -> reads.frontendBrandModels(brandId));
    }

    @GET
    @Path("frontend/models/{slug}")
    @Operation(summary = "A model matched by its slug, with brandName and real prices")
    public Uni<Response> model(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Params.checkId("slug", slug);
        return serving.serve(CacheKind.PAGES, "frontend-model/" + slug, headers, () -> reads.frontendModel(slug));
    }

    @GET
    @Path("pages/brand/{slug}")
    @Operation(summary = "Everything a brand page shows: brand with formatted summary, model cards, price stats, other brands")
    public Uni<Response> brandPage(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Params.checkId("slug", slug);
        return serving.serve(CacheKind.PAGES, "brand-page/" + slug, headers, () -> reads.brandPage(slug));
    }

    @GET
    @Path("pages/model/{brandSlug}/{modelSlug}")
    @Operation(summary = "Everything a model page shows: brand, model, variants, pricing, similar models, comparisons")
    public Uni<Response> modelPage(@PathParam("brandSlug") String brandSlug, @PathParam("modelSlug") String modelSlug,
                              @Context HttpHeaders headers) {
        Params.checkId("brandSlug", brandSlug);
        Params.checkId("modelSlug", modelSlug);
        return serving.serve(CacheKind.PAGES, "model-page/" + brandSlug + "/" + modelSlug, headers,
                () -> reads.modelPage(brandSlug, modelSlug));
    }
}
