package com.motoroctane.compare.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.compare.config.CompareConfig;
import com.motoroctane.compare.domain.PopularComparisons;

import io.smallrye.mutiny.Uni;

@Path("/api/popular-comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compare")
public class PopularComparisonResource {

    private final Serving serving;
    private final PopularComparisons popular;
    private final CompareConfig config;

    public PopularComparisonResource(Serving serving, PopularComparisons popular, CompareConfig config) {
        this.serving = serving;
        this.popular = popular;
        this.config = config;
    }

    @GET
    @Operation(summary = "The curated popular comparisons, active only, in order",
            description = "Each entry keeps id, model1Id, model2Id, order and isActive, and adds model1/model2: "
                    + "{id, name, slug, image, bodyType, brand{id,name,slug}, price (starting price)}. Entries whose model "
                    + "is not shown to the public are left out.")
    public Uni<Response> list(@Context HttpHeaders headers) {
        return serving.serve("popular", "all", config.ttl().popular(), headers, popular::build);
    }
}
