package com.motoroctane.gateway.edge;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.motoroctane.gateway.edgecache.EdgeCachePurge;
import com.motoroctane.gateway.monitoring.MonitoringRoutes;
import com.motoroctane.gateway.openapi.MergedOpenApi;
import com.motoroctane.gateway.proxy.ProxyHandler;
import com.motoroctane.gateway.security.AccessGate;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;

/**
 * Wires the gateway into the public HTTP router: the edge handler first of all (ahead of load shedding, so
 * even a shed request gets its headers), rate limit + JWT for the gateway's own endpoints, the endpoints, and
 * the proxy last, so everything else is either routed to a service or a problem+json 404. Metrics and
 * health ({@code /q/metrics}, {@code /q/health}) live on the management interface, not on this router.
 */
@Singleton
public class GatewayRouter {

    /** Load shedding sits at -1,000,000,000. */
    static final int EDGE_ORDER = -1_500_000_000;
    /** Right after load shedding: marks a request it let through, so a shed 503 can be told apart. */
    static final int ADMITTED_ORDER = -999_999_999;
    /** Right after load shedding, before Quarkus' own routes (Swagger UI) and the gateway's endpoints. */
    static final int OWN_ENDPOINTS_ORDER = -999_000_000;
    static final int PROXY_ORDER = Integer.MAX_VALUE - 1_000;
    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);

    private final EdgeHandler edge;
    private final Problems problems;
    private final MonitoringRoutes monitoring;
    private final MergedOpenApi openApi;
    private final ProxyHandler proxy;
    private final AccessGate gate;
    private final EdgeCachePurge purge;

    public GatewayRouter(EdgeHandler edge, Problems problems, MonitoringRoutes monitoring, MergedOpenApi openApi,
                         ProxyHandler proxy, AccessGate gate, EdgeCachePurge purge) {
        this.gate = gate;
        this.purge = purge;
        this.edge = edge;
        this.problems = problems;
        this.monitoring = monitoring;
        this.openApi = openApi;
        this.proxy = proxy;
    }

    void install(@Observes Router router) {
        if (!Boolean.getBoolean(CanonicalPath.OWN_URI_VALIDATION)) {
            LOG.warnf("-D%s=true is not set: Quarkus answers a raw backslash or a broken %%-escape in a URI with an "
                    + "empty 400 before the gateway can answer problem+json", CanonicalPath.OWN_URI_VALIDATION);
        }
        router.route().order(EDGE_ORDER).handler(edge::handle);
        router.route().order(EDGE_ORDER).failureHandler(problems::onFailure);
        router.route().order(ADMITTED_ORDER).handler(edge::admitted);
        // the gateway's own endpoints on the public port are rate-limited and JWT-checked like proxied ones
        router.route("/api/monitoring/*").order(OWN_ENDPOINTS_ORDER).handler(gate::ownEndpoint);
        router.route("/q/*").order(OWN_ENDPOINTS_ORDER).handler(gate::ownEndpoint);
        // the edge cache's purge: under /api/admin, so an admin token and the modify limit; its body waits for both
        router.post(EdgeCachePurge.PATH).order(OWN_ENDPOINTS_ORDER - 1).handler(purge::pause);
        router.post(EdgeCachePurge.PATH).order(OWN_ENDPOINTS_ORDER).handler(gate::ownEndpoint);
        router.post(EdgeCachePurge.PATH).handler(purge::handle);
        monitoring.install(router);
        router.get("/q/openapi").handler(openApi::handle);
        router.route().order(PROXY_ORDER).handler(proxy::handle);
    }

    /** Swagger UI lives on the management interface; the merged document it loads is served there in full. */
    void installManagement(@Observes ManagementInterface management) {
        management.router().get("/q/openapi").handler(openApi::handleFull);
    }

    void stopping(@Observes ShutdownEvent event) {
        monitoring.shuttingDown();
    }
}
