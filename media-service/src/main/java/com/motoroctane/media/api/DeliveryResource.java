package com.motoroctane.media.api;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.http.ETags;
import com.motoroctane.media.image.ImageType;
import com.motoroctane.media.image.Kind;
import com.motoroctane.media.service.DemoPictures;
import com.motoroctane.media.service.MediaPaths;
import com.motoroctane.media.service.MediaService;
import com.motoroctane.media.store.ObjectStore;

/**
 * {@code GET|HEAD /uploads/{path}}: the catalogue's image URLs.
 * <ul>
 * <li>{@code <kind>/<sha256>/<variant>.<ext>}: that rendition, immutable.</li>
 * <li>{@code <kind>/<sha256>[/<variant>]} with {@code ?w=320|640|1280}: the format negotiated from
 * {@code Accept} (AVIF, then WebP, then JPEG), {@code Vary: Accept}, immutable.</li>
 * <li>any other path: an alias of an asset (a presigned upload's key) or, in the devstack, a demo catalogue
 * image ({@link DemoPictures}), negotiated the same way, cached an hour.</li>
 * </ul>
 * ETag/304, {@code Range} (206) and HEAD on all of them; {@code Surrogate-Key: media:<sha256>} for CDN purges.
 */
@Path("/uploads")
@Tag(name = "delivery")
public class DeliveryResource {

    static final String ALIAS_CACHE = "public, max-age=3600, stale-while-revalidate=86400";
    private static final List<String> WIDTHS = List.of("320", "640", "1280");

    private final MediaService media;
    private final ObjectStore store;
    private final DemoPictures demo;

    public DeliveryResource(MediaService media, ObjectStore store, DemoPictures demo) {
        this.media = media;
        this.store = store;
        this.demo = demo;
    }

    /** Which stored object a request maps to, and how it may be cached. */
    record Target(String key, String sha256, boolean negotiated, String cacheControl) {
    }

    @GET
    @Path("/{path: .+}")
    @Operation(summary = "An image rendition: exact key, or negotiated by Accept with ?w=320|640|1280")
    public Response get(@PathParam("path") String path, @QueryParam("w") String w, @HeaderParam("Accept") String accept,
                        @HeaderParam("If-None-Match") String ifNoneMatch, @HeaderParam("Range") String range) {
        Target target = target(path, w, accept);
        String etag = etag(target.key);
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, etag)) {
            return headers(Response.notModified(), target, etag).build();
        }
        String byteRange = range != null && range.trim().toLowerCase(Locale.ROOT).startsWith("bytes=") ? range.trim() : null;
        ObjectStore.Body body;
        try {
            body = store.get(target.key, byteRange);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(416, "range-not-satisfiable", "Range not satisfiable",
                    "Parameter 'Range': '" + range + "' lies outside the object", "Range");
        }
        if (body == null) {
            throw ProblemException.notFound("Image", path);
        }
        InputStream in = body.stream();
        StreamingOutput bytes = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(body.contentRange() != null ? 206 : 200).entity(bytes)
                .header("Content-Type", body.contentType()).header("Content-Length", body.length());
        if (body.contentRange() != null) {
            response.header("Content-Range", body.contentRange());
        }
        return headers(response, target, etag).build();
    }

    @HEAD
    @Path("/{path: .+}")
    public Response head(@PathParam("path") String path, @QueryParam("w") String w, @HeaderParam("Accept") String accept,
                         @HeaderParam("If-None-Match") String ifNoneMatch) {
        Target target = target(path, w, accept);
        String etag = etag(target.key);
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, etag)) {
            return headers(Response.notModified(), target, etag).build();
        }
        ObjectStore.Head head = store.head(target.key);
        if (head == null) {
            throw ProblemException.notFound("Image", path);
        }
        return headers(Response.ok().header("Content-Type", head.contentType()).header("Content-Length", head.length()),
                target, etag).build();
    }

    private Target target(String path, String w, String accept) {
        MediaPaths.checkKey("path", path);
        String[] segments = path.split("/");
        Kind kind = Kind.ofPrefix(segments[0]);
        if (kind != null && segments.length >= 2 && segments[1].matches("[0-9a-f]{64}") && segments.length <= 3) {
            String base = segments[0] + "/" + segments[1];
            if (segments.length == 3 && segments[2].contains(".")) {
                return new Target(path, segments[1], false, MediaService.IMMUTABLE);
            }
            Kind.Variant variant = variant(kind, segments.length == 3 ? segments[2] : null, w);
            return new Target(base + "/" + variant.name() + "." + negotiate(accept).extension(), segments[1], true,
                    MediaService.IMMUTABLE);
        }
        Document asset = media.resolve(path, "path");
        if (asset == null) {
            asset = demo.assetFor(path);
        }
        if (asset == null) {
            throw ProblemException.notFound("Image", path);
        }
        Kind assetKind = "logo".equals(asset.getString("kind")) ? Kind.LOGO : Kind.IMAGE;
        Kind.Variant variant = variant(assetKind, null, w);
        return new Target(asset.getString("_id") + "/" + variant.name() + "." + negotiate(accept).extension(),
                asset.getString("sha256"), true, ALIAS_CACHE);
    }

    private static Kind.Variant variant(Kind kind, String named, String w) {
        if (named != null) {
            Kind.Variant v = kind.variant(named);
            if (v == null) {
                throw ProblemException.notFound("Image variant", named);
            }
            return v;
        }
        if (w == null || kind == Kind.LOGO) {
            if (w != null && !WIDTHS.contains(w)) {
                throw ProblemException.badParameter("w", "must be one of " + WIDTHS);
            }
            return kind.defaultVariant();
        }
        if (!WIDTHS.contains(w)) {
            throw ProblemException.badParameter("w", "must be one of " + WIDTHS);
        }
        return kind.variant("w" + w);
    }

    /** AVIF if the client lists it, else WebP if it lists that, else JPEG, which every client decodes. */
    static ImageType negotiate(String accept) {
        if (accept == null) {
            return ImageType.JPEG;
        }
        boolean webp = false;
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim();
            if (refused(parts)) {
                continue;
            }
            if (type.equals("image/avif")) {
                return ImageType.AVIF;
            }
            if (type.equals("image/webp")) {
                webp = true;
            }
        }
        return webp ? ImageType.WEBP : ImageType.JPEG;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Strong and stable: a content-addressed key names one byte sequence forever. */
    private static String etag(String key) {
        return '"' + key.replace('/', '-') + '"';
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response, Target target, String etag) {
        response.header("ETag", etag).header("Cache-Control", target.cacheControl).header("Accept-Ranges", "bytes")
                .header("Surrogate-Key", Tags.media(target.sha256)).header("X-Content-Type-Options", "nosniff");
        if (target.negotiated) {
            response.header("Vary", "Accept");
        }
        return response;
    }

}
