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
import io.smallrye.mutiny.Uni;
import com.motoroctane.catalog.domain.CatalogReads;

@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats")
public class StatsResource {

    private final Serving serving;
    private final CatalogReads reads;

    public StatsResource(Serving serving, CatalogReads reads) {
        this.serving = serving;
        this.reads = reads;
    }

    @GET
    @Operation(summary = "Counts of active brands, models and variants")
    public Uni<Response> stats(@Context HttpHeaders headers) {
        return serving.serve(CacheKind.STATS, "stats", headers, reads::stats);
    }
}
