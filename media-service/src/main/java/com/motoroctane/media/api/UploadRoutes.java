package com.motoroctane.media.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.common.auth.AccessTokens;
import com.motoroctane.common.error.Problem;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.error.ProblemMapper;
import com.motoroctane.media.auth.AdminGuard;
import com.motoroctane.media.config.MediaConfig;
import com.motoroctane.media.image.Kind;
import com.motoroctane.media.service.MediaService;
import com.motoroctane.media.service.ProcessingPool;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/upload/logo} (field {@code logo}) and {@code POST /api/upload/image} (field {@code image}),
 * multipart as the previous admin app sends them, handled on Vert.x directly so the body is checked while it
 * streams: the token before any byte is read, a declared length over the limit before any byte is read, the
 * file's bytes counted as they arrive into a temporary file (chunked bodies included) and refused the moment
 * they pass the limit. Nothing more than the limit is ever held. Processing then runs on the
 * {@link ProcessingPool}; the temporary file is removed whatever happens.
 */
@ApplicationScoped
public class UploadRoutes {

    private static final Logger LOG = Logger.getLogger(UploadRoutes.class);
    /** Room for the multipart boundaries and part headers around the file. */
    static final long MULTIPART_SLACK = 64 * 1024;
    /** A refused body is read and discarded up to this much (so the client sees the answer), then the connection closes. */
    static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private final Vertx vertx;
    private final AdminGuard guard;
    private final MediaService media;
    private final ProcessingPool pool;
    private final ObjectMapper json;
    private final long maxBytes;

    public UploadRoutes(Vertx vertx, AdminGuard guard, MediaService media, ProcessingPool pool, ObjectMapper json,
                        MediaConfig config) {
        this.vertx = vertx;
        this.guard = guard;
        this.media = media;
        this.pool = pool;
        this.json = json;
        this.maxBytes = config.maxBytes();
    }

    void routes(@Observes Router router) {
        router.post("/api/upload/logo").order(-100).handler(ctx -> new Exchange(ctx, Kind.LOGO).start());
        router.post("/api/upload/image").order(-100).handler(ctx -> new Exchange(ctx, Kind.IMAGE).start());
    }

    /** One upload request, from its headers to its answer. Every callback runs on the request's event loop. */
    private final class Exchange {
        private final RoutingContext ctx;
        private final HttpServerRequest request;
        private final Kind kind;
        private ProblemException refusal;
        private Path file;
        private AsyncFile out;
        private String originalName;
        private long received;
        private long seen;
        private boolean answered;

        Exchange(RoutingContext ctx, Kind kind) {
            this.ctx = ctx;
            this.request = ctx.request();
            this.kind = kind;
        }

        void start() {
            request.pause();
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                refuse(new ProblemException(415, "unsupported-media-type", "Unsupported request body",
                        "Send the file as multipart/form-data in the field '" + kind.field() + "'", kind.field()));
                return;
            }
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                try {
                    if (Long.parseLong(length.trim()) > maxBytes + MULTIPART_SLACK) {
                        refuse(MediaService.tooLarge(kind.field(), maxBytes));
                        return;
                    }
                } catch (NumberFormatException e) {
                    refuse(ProblemException.badParameter("Content-Length", "is not a number"));
                    return;
                }
            }
            Cookie cookie = request.getCookie(AccessTokens.COOKIE);
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            vertx.executeBlocking(() -> guard.require(authorization, cookie == null ? null : cookie.getValue()), false)
                    .onComplete(checked -> {
                        if (checked.failed()) {
                            refuse(checked.cause());
                        } else {
                            receive(checked.result());
                        }
                    });
        }

        private void receive(AdminGuard.Uploader uploader) {
            request.setExpectMultipart(true);
            request.uploadHandler(this::part);
            request.handler(this::counted);
            request.exceptionHandler(e -> cleanUp());
            request.endHandler(v -> ended(uploader));
            request.resume();
        }

        /** Every byte of the body, whatever part it belongs to: a body far past the limit is cut off. */
        private void counted(Buffer chunk) {
            seen += chunk.length();
            if (refusal == null && seen > maxBytes + MULTIPART_SLACK) {
                refusal = MediaService.tooLarge(kind.field(), maxBytes);
                cleanUp();
            }
            if (seen > DRAIN_LIMIT) {
                answer(refusal, true);
            }
        }

        private void part(HttpServerFileUpload upload) {
            if (refusal != null) {
                upload.handler(ignored -> { });
                return;
            }
            if (!upload.name().equals(kind.field())) {
                refusal = new ProblemException(400, "invalid-parameter", "Invalid request parameter",
                        "Parameter '" + upload.name() + "': not expected; send the file in the field '" + kind.field() + "'",
                        kind.field());
                cleanUp();
                upload.handler(ignored -> { });
                return;
            }
            if (file != null) {
                refusal = ProblemException.badParameter(kind.field(), "send exactly one file");
                cleanUp();
                upload.handler(ignored -> { });
                return;
            }
            try {
                file = media.newTempFile();
            } catch (IOException e) {
                refusal = new ProblemException(503, "no-space", "Upload cannot be stored", "No temporary space: " + e.getMessage(), null)
                        .retryAfter(5);
                upload.handler(ignored -> { });
                return;
            }
            originalName = upload.filename();
            out = vertx.fileSystem().openBlocking(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true));
            upload.handler(chunk -> {
                if (refusal != null) {
                    return;
                }
                received += chunk.length();
                if (received > maxBytes) {
                    refusal = MediaService.tooLarge(kind.field(), maxBytes);
                    cleanUp();
                    return;
                }
                out.write(chunk);
                if (out.writeQueueFull()) {
                    request.pause();
                    out.drainHandler(v -> request.resume());
                }
            });
        }

        private void ended(AdminGuard.Uploader uploader) {
            if (refusal != null) {
                answer(refusal, false);
                return;
            }
            if (file == null) {
                answer(ProblemException.badParameter(kind.field(), "no file was sent in the field '" + kind.field() + "'"), false);
                return;
            }
            AsyncFile written = out;
            out = null;
            written.close().onComplete(closed -> {
                if (closed.failed()) {
                    cleanUp();
                    answer(closed.cause(), false);
                    return;
                }
                Path original = file;
                try {
                    pool.submit(() -> {
                        try {
                            return media.ingest(original, kind, originalName, uploader, null);
                        } finally {
                            Files.deleteIfExists(original);
                        }
                    }).whenComplete((ingested, failure) -> ctx.vertx().runOnContext(v -> {
                        if (failure != null) {
                            answer(failure, false);
                        } else {
                            ok(ingested);
                        }
                    }));
                } catch (ProblemException busy) {
                    cleanUp();
                    answer(busy, false);
                }
            });
        }

        private void ok(MediaService.Ingested ingested) {
            try {
                byte[] body = json.writeValueAsBytes(AssetView.of(ingested.asset(), ingested.created(), media));
                answered = true;
                ctx.response().setStatusCode(ingested.created() ? 201 : 200)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(Buffer.buffer(body));
            } catch (JsonProcessingException e) {
                answer(e, false);
            }
        }

        /** Refused before the body was read: read and discard it (up to a bound), then answer. */
        private void refuse(Throwable failure) {
            refusal = failure instanceof ProblemException p ? p : null;
            if (request.isEnded()) {
                answer(failure, false);
                return;
            }
            request.handler(chunk -> {
                seen += chunk.length();
                if (seen > DRAIN_LIMIT) {
                    answer(failure, true);
                }
            });
            request.endHandler(v -> answer(failure, false));
            request.exceptionHandler(e -> { });
            request.resume();
        }

        private void cleanUp() {
            if (out != null) {
                AsyncFile closing = out;
                out = null;
                Path doomed = file;
                closing.close().onComplete(v -> deleteQuietly(doomed));
            } else if (file != null) {
                deleteQuietly(file);
            }
        }

        private void answer(Throwable failure, boolean closeConnection) {
            if (answered) {
                return;
            }
            answered = true;
            cleanUp();
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            ProblemException p = cause instanceof ProblemException pe ? pe : null;
            if (p == null) {
                LOG.errorf(cause, "Upload to %s failed", request.path());
                p = new ProblemException(500, "internal", "Internal error",
                        "The upload could not be processed; it has been logged", null);
            }
            Problem problem = new Problem(p.type(), p.title(), p.status(), p.getMessage(), request.path(), p.parameter(),
                    request.getHeader(ProblemMapper.REQUEST_ID_HEADER));
            var response = ctx.response().setStatusCode(p.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            if (p.retryAfterSeconds() > 0) {
                response.putHeader("Retry-After", Long.toString(p.retryAfterSeconds()));
            }
            if (p.status() == 401) {
                response.putHeader("WWW-Authenticate", "Bearer");
            }
            if (closeConnection) {
                response.putHeader(HttpHeaders.CONNECTION, "close");
            }
            try {
                response.end(Buffer.buffer(json.writeValueAsBytes(problem)));
            } catch (JsonProcessingException e) {
                response.end();
            }
            if (closeConnection) {
                request.connection().close();
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warnf("Temporary upload %s not removed: %s", path, e.toString());
        }
    }
}
