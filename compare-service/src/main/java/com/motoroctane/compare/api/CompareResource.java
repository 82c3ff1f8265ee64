package com.motoroctane.compare.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.motoroctane.cache.CachedResponse;
import com.motoroctane.cache.ResponseCache;
import com.motoroctane.compare.config.CompareConfig;
import com.motoroctane.compare.domain.Alternatives;
import com.motoroctane.compare.domain.Comparisons;
import com.motoroctane.compare.domain.Reorder;
import com.motoroctane.compare.domain.Resolver;
import com.motoroctane.compare.trending.TrendingCounter;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Side-by-side comparisons of 2 to 4 cars, by variant ids, model ids or the previous site's slug path, and
 * "similar cars" for one variant. A comparison is cached once per set of variants (sorted ids +
 * onlyDifferences), so {@code a,b} and {@code b,a} share the entry; the answer lists the items in the
 * order asked ({@link Reorder}).
 */
@Path("/api/compare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compare")
public class CompareResource {

    static final String COMPARISONS = "comparisons";
    static final String RESOLUTIONS = "resolve";
    static final String ALTERNATIVES = "alternatives";

    private final Serving serving;
    private final Comparisons comparisons;
    private final Resolver resolver;
    private final Alternatives alternatives;
    private final TrendingCounter trending;
    private final CompareConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    public CompareResource(Serving serving, Comparisons comparisons, Resolver resolver, Alternatives alternatives,
                           TrendingCounter trending, CompareConfig config, ObjectMapper json, MeterRegistry registry) {
        this.serving = serving;
        this.comparisons = comparisons;
        this.resolver = resolver;
        this.alternatives = alternatives;
        this.trending = trending;
        this.config = config;
        this.json = json;
        this.registry = registry;
    }

    @GET
    @Operation(summary = "Compare 2 to 4 cars: items (brand, model, variant summary, image, price) and the grouped spec table",
            description = "Give either variants=a,b[,c,d] or models=a,b[,c,d]; with models each model stands for its cheapest "
                    + "active variant unless variant.<modelId>=<variantId> picks one of its variants. Every row has one value "
                    + "per item, 'different' and, where comparable, 'best' (index of the best item). onlyDifferences=true "
                    + "drops equal rows.")
    @Parameter(name = "variants", in = ParameterIn.QUERY, description = "2-4 variant ids, comma-separated")
    @Parameter(name = "models", in = ParameterIn.QUERY, description = "2-4 model ids, comma-separated")
    @Parameter(name = "variant.{modelId}", in = ParameterIn.QUERY, description = "with models: the variant to use for that model")
    @Parameter(name = "onlyDifferences", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN))
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "Malformed parameter (named in 'parameter')")
    @APIResponse(responseCode = "404", description = "An unknown or inactive id (named in 'parameter')")
    @APIResponse(responseCode = "503", description = "catalog-service down and nothing cached (Retry-After)")
    public Uni<Response> compare(@Context UriInfo uri, @Context HttpHeaders headers) {
        CompareParams params = params(uri);
        CompareParams.Selection selection = params.selection();
        boolean onlyDifferences = params.onlyDifferences();
        if (!selection.byModels()) {
            return compareVariants(selection.ids(), onlyDifferences, headers, CompareParams.VARIANTS, null);
        }
        StringBuilder canonical = new StringBuilder("models=").append(String.join(",", selection.ids()));
        new TreeMap<>(selection.overrides()).forEach((m, v) -> canonical.append("&variant.").append(m).append('=').append(v));
        return resolved(canonical.toString(), () -> resolver.models(selection.ids(), selection.overrides()))
                .flatMap(r -> compareVariants(r.ids(), onlyDifferences, headers, CompareParams.MODELS, r.tags()));
    }

    @GET
    @Path("{slugs}")
    @Operation(summary = "Compare by the previous site's path: {brandSlug}-{modelSlug}-vs-{brandSlug}-{modelSlug}[-vs-...]",
            description = "Brand and model slugs may hold hyphens: each part is matched against the real brand slugs, longest "
                    + "first, and the rest must be a model slug of that brand. Each model stands for its cheapest active variant.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "Malformed path (parameter 'slug')")
    @APIResponse(responseCode = "404", description = "A part names no active car (parameter 'slug')")
    public Uni<Response> compareBySlugs(@PathParam("slugs") String slugs, @Context UriInfo uri, @Context HttpHeaders headers) {
        List<String> parts = CompareParams.slugParts(slugs, config.items().maxSlugPathLength());
        boolean onlyDifferences = params(uri).onlyDifferences();
        return resolved("slug=" + slugs, () -> resolver.slugs(parts))
                .flatMap(r -> compareVariants(r.ids(), onlyDifferences, headers, "slug", r.tags()));
    }

    @GET
    @Path("alternatives")
    @Operation(summary = "Similar cars: active variants of other models with the same body type within ±15 % of the price, nearest first")
    @Parameter(name = "variant", in = ParameterIn.QUERY, required = true, description = "the variant id")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-20, default 6", schema = @Schema(type = SchemaType.INTEGER))
    @APIResponse(responseCode = "200", description = "{variant, price, bodyType, data:[cards]}")
    @APIResponse(responseCode = "400", description = "Malformed parameter")
    @APIResponse(responseCode = "404", description = "Unknown or inactive variant")
    public Uni<Response> alternatives(@Context UriInfo uri, @Context HttpHeaders headers) {
        CompareParams params = params(uri);
        String variant = params.requiredId("variant");
        int limit = params.limit(config.alternatives().defaultLimit(), config.alternatives().maxLimit());
        return serving.serve(ALTERNATIVES, variant + "&limit=" + limit, config.ttl().alternatives(), headers,
                () -> alternatives.build(variant, limit));
    }

    /**
     * The comparison of {@code requested}, cached once per set of variants; {@code resolutionTags} (models and slug
     * forms) are added to its answer's tags, since which variants such a request stands for can change while the
     * comparison of those variants does not.
     */
    private Uni<Response> compareVariants(List<String> requested, boolean onlyDifferences, HttpHeaders headers, String parameter,
                                          List<String> resolutionTags) {
        List<String> canonical = requested.stream().sorted().toList();
        String key = serving.key(COMPARISONS, String.join(",", canonical) + "&onlyDifferences=" + onlyDifferences);
        int ttl = config.ttl().comparisons();
        int[] order = Reorder.permutation(canonical, requested);
        return serving.serve(key, ttl, headers, () -> comparisons.build(canonical, onlyDifferences, parameter), served -> {
            trending.recordFromTags(served.response().surrogateKeys());
            registry.counter("compare.comparisons.served", "source", served.source().name().toLowerCase(java.util.Locale.ROOT),
                    "items", String.valueOf(requested.size())).increment();
            ResponseCache.Served answered = order == null ? served : reordered(served, order);
            return resolutionTags == null ? answered
                    : new ResponseCache.Served(answered.response().withTags(resolutionTags), answered.source());
        });
    }

    /** The cached entry with its items in the order asked; the ETag names the order, so each order validates alone. */
    private ResponseCache.Served reordered(ResponseCache.Served served, int[] order) {
        CachedResponse entry = served.response();
        try {
            ObjectNode body = (ObjectNode) json.readTree(entry.body());
            byte[] bytes = json.writeValueAsBytes(Reorder.apply(body, order));
            String etag = entry.etag();
            String named = etag.endsWith("\"") ? etag.substring(0, etag.length() - 1) + "." + Reorder.name(order) + '"' : etag;
            return new ResponseCache.Served(new CachedResponse(bytes, named, entry.surrogateKeys(), entry.createdAtMillis(),
                    entry.ttlSeconds()), served.source());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cached comparison is not JSON", e);
        }
    }

    /** What a models or slug request stands for: its variant ids and the tags that can change them. */
    private record Resolution(List<String> ids, List<String> tags) {
    }

    /** Variant ids a models or slug request stands for, cached under {@code resolve} so it also works from cache alone. */
    private Uni<Resolution> resolved(String canonical, java.util.function.Supplier<Resolver.Resolved> resolve) {
        return serving.served(serving.key(RESOLUTIONS, canonical), config.ttl().resolutions(), () -> {
            Resolver.Resolved r = resolve.get();
            try {
                return new Comparisons.Built(json.writeValueAsBytes(r.variantIds()), r.tags());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).map(served -> {
            List<String> ids = new ArrayList<>();
            try {
                for (JsonNode id : json.readTree(new String(served.response().body(), StandardCharsets.UTF_8))) {
                    ids.add(id.asText());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cached resolution is not JSON", e);
            }
            return new Resolution(ids, served.response().tags());
        });
    }

    private CompareParams params(UriInfo uri) {
        return new CompareParams(uri.getQueryParameters(), config.items().maxIdLength());
    }
}
