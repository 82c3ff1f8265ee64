package com.motoroctane.catalog.api;

import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.catalog.cache.CacheKind;
import io.smallrye.mutiny.Uni;
import com.motoroctane.catalog.domain.CatalogReads;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchResource {

    private final Serving serving;
    private final CatalogReads reads;

    public SearchResource(Serving serving, CatalogReads reads) {
        this.serving = serving;
        this.reads = reads;
    }

    @GET
    @Operation(summary = "Typeahead over brand, model and variant names",
            description = "q (1-100 characters, matched literally, case-insensitive); limit 1-50 (default 10). Ranked: "
                    + "prefix matches before word matches before substrings, popular first.")
    public Uni<Response> search(@Context UriInfo uri, @Context HttpHeaders headers) {
        Params params = serving.params(uri.getQueryParameters());
        String q = params.text("q", serving.paging().maxQueryLength());
        int max = serving.paging().maxSearchResults();
        int limit = params.limit(max, Math.min(10, max));
        String key = "q=" + q.toLowerCase(Locale.ROOT) + "&limit=" + limit;
        return serving.serve(CacheKind.SEARCH, key, headers, () -> reads.search(q, limit));
    }
}
