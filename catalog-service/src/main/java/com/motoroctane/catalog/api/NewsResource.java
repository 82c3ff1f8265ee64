package com.motoroctane.catalog.api;

import java.util.Locale;
import java.util.function.Supplier;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.cache.HttpCaching;
import com.motoroctane.cache.ResponseCache;
import com.motoroctane.catalog.news.ArticleViews;
import com.motoroctane.catalog.news.NewsConfig;
import com.motoroctane.catalog.news.NewsReads;
import com.motoroctane.catalog.news.NewsSchedule;
import com.motoroctane.common.error.ProblemException;

import io.smallrye.mutiny.Uni;

/**
 * The public news section (the previous system's {@code /api/news} routes). Each list path has two segments
 * ({@code featured/list}), so it never collides with an article's {@code {slug}}.
 */
@Path("/api/news")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "News")
public class NewsResource {

    /** The first segment of every news cache key. */
    static final String SEGMENT = "news";

    private final Serving serving;
    private final ResponseCache cache;
    private final HttpCaching caching;
    private final NewsReads reads;
    private final NewsSchedule schedule;
    /** An article answer counts a view per delivery, so only the reader's own browser may keep it. */
    static final String ARTICLE_CACHE_CONTROL = "private, no-cache";

    private final ArticleViews views;
    private final NewsConfig config;

    public NewsResource(Serving serving, ResponseCache cache, HttpCaching caching, NewsReads reads, NewsSchedule schedule,
                        ArticleViews views, NewsConfig config) {
        this.serving = serving;
        this.cache = cache;
        this.caching = caching;
        this.reads = reads;
        this.schedule = schedule;
        this.views = views;
        this.config = config;
    }

    @GET
    @Operation(summary = "Published articles, newest first, as cards (no contentBlocks)",
            description = "Filters: category and tag (id or slug), search (title and excerpt, literal, case-insensitive, "
                    + "at most 100 characters). Paging: page/limit (limit 1-50, default 10) or the cursor from "
                    + "pagination.next. The body holds the platform envelope {data, pagination} and the previous "
                    + "system's {articles, total, page, totalPages} with the same items.")
    @Parameters({
        @Parameter(name = "category", in = ParameterIn.QUERY, description = "category id or slug"),
        @Parameter(name = "tag", in = ParameterIn.QUERY, description = "tag id or slug"),
        @Parameter(name = "search", in = ParameterIn.QUERY, description = "text in the title or excerpt (1-100 characters)"),
        @Parameter(name = "page", in = ParameterIn.QUERY, description = "1 or more (default 1)"),
        @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-50 (default 10)"),
        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "pagination.next of the previous page")
    })
    public Uni<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        Params params = serving.params(uri.getQueryParameters());
        String categoryId = params.id("category");
        String tagId = params.id("tag");
        String text = search(params);
        int size = params.limit(config.maxLimit(), config.defaultLimit());
        int pageNumber = params.page();
        String rawCursor = params.raw("cursor");
        String fingerprint = SEGMENT + '?' + params.canonical();
        var request = new NewsReads.ListRequest(categoryId, tagId, text, pageNumber, size, rawCursor, fingerprint);
        String key = fingerprint + "limit=" + size + (rawCursor == null ? "&page=" + pageNumber : "&cursor=" + rawCursor);
        return serve(key, schedule.ttl(config.ttl()), headers, () -> reads.list(request));
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One published article by slug, whole, with category, tags, author and linked model cards",
            description = "404 problem+json unless published (or scheduled with its publishDate reached). Each read "
                    + "counts a view (in Redis, written to MongoDB in batches).")
    public Uni<Response> article(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Params.checkId("slug", slug);
        return cache.serve(cache.key(SEGMENT, "article/" + slug), config.ttl(), Serving.fromStore(() -> reads.detail(slug)))
                .map(served -> {
                    views.countFromTags(served.response().surrogateKeys());
                    // every read must reach this service to be counted: no shared cache (the gateway's edge
                    // cache, a CDN) may hold the answer, and a browser revalidates it (a 304 here still counts)
                    return Response.fromResponse(caching.respond(served, config.ttl(), headers))
                            .header(HttpHeaders.CACHE_CONTROL, null)
                            .header(HttpHeaders.CACHE_CONTROL, ARTICLE_CACHE_CONTROL)
                            .build();
                });
    }

    @GET
    @Path("featured/list")
    @Operation(summary = "The newest featured articles (at most 5)")
    public Uni<Response> featured(@Context HttpHeaders headers) {
        return serve("featured", schedule.ttl(config.ttl()), headers, reads::featured);
    }

    @GET
    @Path("trending/list")
    @Operation(summary = "The most-read articles (at most 10)")
    public Uni<Response> trending(@Context HttpHeaders headers) {
        return serve("trending", schedule.ttl(config.ttl()), headers, reads::trending);
    }

    @GET
    @Path("categories/list")
    @Operation(summary = "Every news category, by name")
    public Uni<Response> categories(@Context HttpHeaders headers) {
        return serve("categories", config.ttl(), headers, reads::categories);
    }

    @GET
    @Path("tags/list")
    @Operation(summary = "Every news tag, by name")
    public Uni<Response> tags(@Context HttpHeaders headers) {
        return serve("tags", config.ttl(), headers, reads::tags);
    }

    private Uni<Response> serve(String canonical, int ttl, HttpHeaders headers, Supplier<ResponseCache.Rendered> loader) {
        return cache.serve(cache.key(SEGMENT, canonical), ttl, Serving.fromStore(loader))
                .map(served -> caching.respond(served, ttl, headers));
    }

    /** {@code search}: optional, trimmed, at most {@code catalog.news.max-search-length} characters, no control characters. */
    private String search(Params params) {
        String value = params.raw("search");
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > config.maxSearchLength()) {
            throw ProblemException.badParameter("search", "is longer than " + config.maxSearchLength() + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badParameter("search", "contains control characters");
        }
        params.note("search", trimmed.toLowerCase(Locale.ROOT));
        return trimmed;
    }
}
