package com.motoroctane.compare.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.compare.config.CompareConfig;
import com.motoroctane.compare.trending.Trending;

import io.smallrye.mutiny.Uni;

@Path("/api/comparisons/trending")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compare")
public class TrendingResource {

    static final List<String> WINDOWS = List.of("24h", "7d");

    private final Serving serving;
    private final Trending trending;
    private final CompareConfig config;

    public TrendingResource(Serving serving, Trending trending, CompareConfig config) {
        this.serving = serving;
        this.trending = trending;
        this.config = config;
    }

    @GET
    @Operation(summary = "The model pairs users compared most over the window",
            description = "A 3- or 4-way comparison counts each of its pairs. Entries: {model1Id, model2Id, count, model1, model2}.")
    @Parameter(name = "window", in = ParameterIn.QUERY, description = "24h (default) or 7d")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-50, default 10", schema = @Schema(type = SchemaType.INTEGER))
    public Uni<Response> trending(@Context UriInfo uri, @Context HttpHeaders headers) {
        CompareParams params = new CompareParams(uri.getQueryParameters(), config.items().maxIdLength());
        String window = params.oneOf("window", WINDOWS, "24h");
        int limit = params.limit(config.trending().defaultLimit(), config.trending().maxLimit());
        return serving.serve("trending", "window=" + window + "&limit=" + limit, config.ttl().trending(), headers,
                () -> trending.build(window, limit));
    }
}
