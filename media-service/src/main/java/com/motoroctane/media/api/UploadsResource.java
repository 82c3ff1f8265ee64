package com.motoroctane.media.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.motoroctane.common.auth.AccessTokens;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.media.auth.AdminGuard;
import com.motoroctane.media.image.Kind;
import com.motoroctane.media.service.MediaService;
import com.motoroctane.media.service.ProcessingPool;
import com.motoroctane.media.store.Assets;

/** Presigned uploads straight to the bucket, their processing, and deletes. Admin roles only. */
@Path("/api/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "uploads")
public class UploadsResource {

    private final AdminGuard guard;
    private final MediaService media;
    private final ProcessingPool pool;

    public UploadsResource(AdminGuard guard, MediaService media, ProcessingPool pool) {
        this.guard = guard;
        this.media = media;
        this.pool = pool;
    }

    /** {@code size} (bytes) binds the URL to that exact length, {@code contentType} to that type. */
    public record PresignRequest(String filename, String contentType, Long size) {
    }

    public record CompleteRequest(String key, String kind, String filename) {
    }

    public record DeleteRequest(String key, String url) {
    }

    @POST
    @Path("/presign")
    @Operation(summary = "A PUT URL to the bucket, valid 600 s, bound to the declared type and size; "
            + "POST /api/uploads/complete with its key then validates and renders it")
    public MediaService.Presigned presign(PresignRequest body, @HeaderParam("Authorization") String authorization,
                                          @CookieParam(AccessTokens.COOKIE) String cookie) {
        guard.require(authorization, cookie);
        if (body == null) {
            throw ProblemException.badParameter("body", "{filename, contentType, size} is required");
        }
        return media.presign(body.filename(), body.contentType(), body.size());
    }

    @POST
    @Path("/complete")
    @Operation(summary = "Validate and render a presigned upload (kind 'image' or 'logo'); its key then serves the renditions")
    public Response complete(CompleteRequest body, @HeaderParam("Authorization") String authorization,
                             @CookieParam(AccessTokens.COOKIE) String cookie) throws IOException {
        AdminGuard.Uploader uploader = guard.require(authorization, cookie);
        if (body == null) {
            throw ProblemException.badParameter("body", "{key, kind} is required");
        }
        Kind kind = body.kind() == null || body.kind().equals("image") ? Kind.IMAGE
                : body.kind().equals("logo") ? Kind.LOGO : null;
        if (kind == null) {
            throw ProblemException.badParameter("kind", "must be 'image' or 'logo'");
        }
        MediaService.Ingested ingested;
        try {
            ingested = pool.submit(() -> media.complete(body.key(), kind, uploader, body.filename())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
        return Response.status(ingested.created() ? 201 : 200)
                .entity(AssetView.of(ingested.asset(), ingested.created(), media)).build();
    }

    @DELETE
    @Path("/object")
    @Operation(summary = "Delete an asset named by {key} or {url} (any of its rendition keys or URLs, or a presigned key): "
            + "every rendition is removed and an invalidation event names its surrogate key")
    public Map<String, Object> delete(DeleteRequest body, @HeaderParam("Authorization") String authorization,
                                      @CookieParam(AccessTokens.COOKIE) String cookie) {
        guard.require(authorization, cookie);
        if (body == null || (body.key() == null && body.url() == null)) {
            throw ProblemException.badParameter("key", "{key} or {url} is required");
        }
        String parameter = body.key() != null ? "key" : "url";
        String key = body.key() != null ? body.key() : media.keyOfUrl(body.url());
        Document deleted = media.delete(key, parameter);
        List<String> keys = Assets.keys(deleted);
        return Map.of("success", true, "key", key, "id", deleted.getString("_id"), "deleted", keys);
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException(cause);
    }
}
