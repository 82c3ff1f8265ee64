package com.motoroctane.catalog.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.catalog.cache.CacheKind;
import com.motoroctane.catalog.domain.CuratedComparisons;

import io.smallrye.mutiny.Uni;

/**
 * The raw curated comparison list, read by compare-service (the public, enriched list is compare-service's
 * {@code /api/popular-comparisons}; the gateway does not route this path).
 */
@Path("/api/curated-comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons")
public class CuratedComparisonResource {

    private final Serving serving;
    private final CuratedComparisons comparisons;

    public CuratedComparisonResource(Serving serving, CuratedComparisons comparisons) {
        this.serving = serving;
        this.comparisons = comparisons;
    }

    @GET
    @Operation(summary = "Active curated comparisons {id, model1Id, model2Id, order, isActive} in order (for compare-service)")
    public Uni<Response> active(@Context HttpHeaders headers) {
        return serving.serve(CacheKind.PAGES, "curated-comparisons", headers, comparisons::active);
    }
}
