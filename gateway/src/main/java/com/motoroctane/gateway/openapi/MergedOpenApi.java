package com.motoroctane.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.motoroctane.gateway.config.GatewayConfig;
import com.motoroctane.gateway.proxy.RouteTable;
import com.motoroctane.gateway.proxy.Upstream;
import com.motoroctane.gateway.proxy.Upstreams;
import com.motoroctane.gateway.security.AccessGate;
import com.motoroctane.gateway.security.EdgeAuth;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * One OpenAPI document for the whole public API at {@code /q/openapi}: the gateway's own endpoints plus
 * each deployed service's document, keeping only the paths the routing table sends to that service.
 * Rebuilt at most once per cache TTL; a service that cannot be read is left out until the next build.
 * Anonymous readers get {@link #publicView}; the full document (admin, bulk, user management) needs an
 * admin token.
 */
@Singleton
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final String OWN_DOCUMENT = "META-INF/openapi.yaml";

    private final Upstreams upstreams;
    private final RouteTable routes;
    private final EdgeAuth auth;
    private final AccessGate gate;
    private final ObjectMapper json;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final long ttlMillis;
    private final long timeoutMillis;
    private volatile ObjectNode cached;
    private volatile long builtAt;

    public MergedOpenApi(Upstreams upstreams, RouteTable routes, EdgeAuth auth, AccessGate gate, ObjectMapper json,
                         GatewayConfig config) {
        this.upstreams = upstreams;
        this.routes = routes;
        this.auth = auth;
        this.gate = gate;
        this.json = json;
        this.ttlMillis = config.monitoring().openapiCacheTtl().toMillis();
        this.timeoutMillis = config.monitoring().upstreamProbeTimeout().toMillis() * 3;
    }

    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Authorization, Cookie, Accept");
        gate.isAdmin(ctx, admin -> serve(ctx, admin));
    }

    /** The management interface is internal: the full document, for the Swagger UI served there. */
    public void handleFull(RoutingContext ctx) {
        serve(ctx, true);
    }

    private void serve(RoutingContext ctx, boolean admin) {
        document().map(full -> admin ? full : publicView(full)).onComplete(built -> {
            if (built.failed()) {
                ctx.fail(built.cause());
                return;
            }
            String format = ctx.request().getParam("format");
            String accept = String.valueOf(ctx.request().getHeader("Accept"));
            boolean asJson = "json".equalsIgnoreCase(format) || format == null && accept.contains("application/json");
            try {
                String body = asJson ? json.writerWithDefaultPrettyPrinter().writeValueAsString(built.result())
                        : yaml.writeValueAsString(built.result());
                ctx.response().putHeader("Content-Type", asJson ? "application/json" : "application/yaml")
                        .putHeader("Cache-Control", "no-cache")
                        .end(body);
            } catch (IOException e) {
                ctx.fail(e);
            }
        });
    }

    Future<ObjectNode> document() {
        ObjectNode current = cached;
        if (current != null && System.currentTimeMillis() - builtAt < ttlMillis) {
            return Future.succeededFuture(current);
        }
        List<Upstream> deployed = upstreams.all().stream().filter(Upstream::deployed).toList();
        List<Future<JsonNode>> fetches = new ArrayList<>();
        deployed.forEach(upstream -> fetches.add(fetch(upstream)));
        return Future.join(fetches).transform(ignored -> {
            ObjectNode merged = own();
            boolean complete = true;
            for (int i = 0; i < deployed.size(); i++) {
                JsonNode document = fetches.get(i).result();
                if (document == null) {
                    complete = false;
                    continue;
                }
                merge(merged, document, deployed.get(i).name());
            }
            if (complete) {
                cached = merged;
                builtAt = System.currentTimeMillis();
            }
            return Future.succeededFuture(merged);
        });
    }

    private Future<JsonNode> fetch(Upstream upstream) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setURI(upstream.basePath() + upstream.config().openapiPath())
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis)
                .putHeader("Accept", "application/json");
        return upstream.client().request(options).compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(body -> {
                    try {
                        return (JsonNode) json.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .otherwise(failure -> {
                    LOG.debugf("OpenAPI of %s not available: %s", upstream.name(), failure.getMessage());
                    return null;
                });
    }

    private ObjectNode own() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(OWN_DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(OWN_DOCUMENT + " missing from the gateway");
            }
            return (ObjectNode) json.valueToTree(yaml.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void merge(ObjectNode into, JsonNode document, String upstream) {
        ObjectNode paths = into.withObject("/paths");
        Iterator<Map.Entry<String, JsonNode>> fields = document.path("paths").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> path = fields.next();
            // per operation: /api/brands is read from catalog-service but written through admin-service
            ObjectNode operations = paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey()) : json.createObjectNode();
            path.getValue().fields().forEachRemaining(entry -> {
                HttpMethod method = OPERATIONS.get(entry.getKey());
                boolean keep = method == null ? !operations.has(entry.getKey())
                        : routedTo(path.getKey(), method, upstream) && !operations.has(entry.getKey());
                if (keep) {
                    operations.set(entry.getKey(), entry.getValue());
                }
            });
            boolean anyOperation = false;
            for (Iterator<String> names = operations.fieldNames(); names.hasNext(); ) {
                anyOperation |= OPERATIONS.containsKey(names.next());
            }
            if (anyOperation) {
                paths.set(path.getKey(), operations);
            }
        }
        document.path("components").fields().forEachRemaining(section -> {
            ObjectNode target = into.withObject("/components").withObject("/" + section.getKey());
            section.getValue().fields().forEachRemaining(entry -> {
                if (!target.has(entry.getKey())) {
                    target.set(entry.getKey(), entry.getValue());
                }
            });
        });
        ArrayNode tags = into.withArray("tags");
        for (JsonNode tag : document.path("tags")) {
            boolean known = false;
            for (JsonNode existing : tags) {
                known |= existing.path("name").equals(tag.path("name"));
            }
            if (!known) {
                tags.add(tag);
            }
        }
    }

    /**
     * What an anonymous reader sees: only operations anyone may call. An operation is left out when the
     * gateway requires a token for it (admin, bulk, catalogue writes, /api/auth/me …) or when its service
     * declares a security requirement (admin-service's user management under /api/auth and /api/admin).
     */
    ObjectNode publicView(ObjectNode full) {
        ObjectNode view = full.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> paths = view.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replaceAll("\\{[^}]*}", "x");
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                HttpMethod method = OPERATIONS.get(operation.getKey());
                if (method == null) {
                    continue; // parameters, summary, servers …
                }
                JsonNode security = operation.getValue().path("security");
                boolean declared = security.isArray() && !security.isEmpty();
                if (declared || auth.requirement(concrete, method) != EdgeAuth.Requirement.NONE) {
                    operations.remove();
                }
            }
            boolean anyLeft = false;
            for (Iterator<String> names = path.getValue().fieldNames(); names.hasNext(); ) {
                anyLeft |= OPERATIONS.containsKey(names.next());
            }
            if (!anyLeft) {
                paths.remove();
            }
        }
        return view;
    }

    private static final Map<String, HttpMethod> OPERATIONS = Map.of("get", HttpMethod.GET, "put", HttpMethod.PUT,
            "post", HttpMethod.POST, "delete", HttpMethod.DELETE, "patch", HttpMethod.PATCH, "head", HttpMethod.HEAD,
            "options", HttpMethod.OPTIONS, "trace", HttpMethod.TRACE);

    /** Only what clients can reach through the gateway is published, e.g. not a service's internal paths. */
    private boolean routedTo(String path, HttpMethod method, String upstream) {
        String concrete = path.replaceAll("\\{[^}]*}", "x");
        return routes.match(concrete, method) instanceof RouteTable.Found found && found.route().upstream().equals(upstream);
    }
}
