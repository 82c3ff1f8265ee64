package com.motoroctane.catalog.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.motoroctane.catalog.config.CatalogConfig;
import com.motoroctane.common.error.Problem;
import com.motoroctane.common.error.ProblemMapper;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The request-line and header limits, and URIs that cannot be parsed, answered as problem+json, first on
 * the router. Quarkus and Vert.x answer these themselves with an empty body before any application code
 * runs and offer no hook into that answer, so their checks are moved out of the way: the HTTP decoder's
 * limits ({@code quarkus.http.limits.*}) are set well above these, and Quarkus' own URI check (an empty
 * 400) is turned off with the JVM flag {@value #OWN_URI_VALIDATION}, which this filter replaces with the
 * same {@link URI} parse. The flag is set wherever the service runs (surefire, bin/platform, the image).
 * Past the decoder's limits, and for bytes that are not HTTP at all, the connection-level answer remains.
 */
@ApplicationScoped
public class RequestLimits {

    /** Read by Quarkus' root handler when its class loads; see the class comment. */
    static final String OWN_URI_VALIDATION = "vertx.disableURIValidation";
    private static final Logger LOG = Logger.getLogger(RequestLimits.class);

    private final CatalogConfig.Http limits;
    private final ObjectMapper json;

    public RequestLimits(CatalogConfig config, ObjectMapper json) {
        this.limits = config.http();
        this.json = json;
    }

    void install(@Observes Router router) {
        if (!Boolean.getBoolean(OWN_URI_VALIDATION)) {
            LOG.warnf("-D%s=true is not set: Quarkus answers a malformed URI with an empty 400 before this service "
                    + "can answer problem+json", OWN_URI_VALIDATION);
        }
        router.route().order(-1000).handler(this::check);
        // what the router itself refuses before a resource runs (it answers with an empty body otherwise)
        router.errorHandler(400, ctx -> refuse(ctx, 400, "bad-request", "Bad request", "The request is malformed"));
    }

    /** A URI {@link URI} cannot parse, said as a client can act on it; null if it parses. */
    static String malformed(String uri) {
        int bad = badEscape(uri);
        if (bad >= 0) {
            return "The request URI has a '%' at offset " + bad + " that is not followed by two hexadecimal digits";
        }
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return "The request URI is not valid (" + e.getReason() + " at offset " + e.getIndex() + ")";
        }
    }

    /** The offset of the first '%' not followed by two hex digits, or -1. */
    static int badEscape(String uri) {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0 || Character.digit(uri.charAt(i + 2), 16) < 0) {
                return i;
            }
        }
        return -1;
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        int uri = request.uri().length();
        if (uri > limits.maxUriLength()) {
            refuse(ctx, 414, "uri-too-long", "URI too long",
                    "The request URI is " + uri + " characters; at most " + limits.maxUriLength() + " are accepted");
            return;
        }
        String malformed = malformed(request.uri());
        if (malformed != null) {
            refuse(ctx, 400, "malformed-uri", "Malformed request URI", malformed);
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headers > limits.maxHeaderBytes()) {
            refuse(ctx, 431, "headers-too-large", "Request header fields too large",
                    "The request headers are " + headers + " bytes; at most " + limits.maxHeaderBytes() + " are accepted");
            return;
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        String path = ctx.request().path();
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail,
                path == null || path.length() > 200 ? null : path, null,
                ctx.request().getHeader(ProblemMapper.REQUEST_ID_HEADER));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Connection", "close")
                .end(body);
    }
}
