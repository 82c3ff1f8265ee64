package com.motoroctane.gateway.security;

import java.util.List;

import jakarta.inject.Singleton;

import com.motoroctane.common.net.TrustedProxies;
import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who the client is, for rate limits and X-Forwarded-For: the socket peer, or, behind a configured trusted
 * proxy (the load balancer), the right-most untrusted {@code X-Forwarded-For} hop ({@link TrustedProxies},
 * the rule admin-service uses too). A header sent by anyone else is ignored, so it cannot dodge a limit.
 */
@Singleton
public class ClientAddress {

    private final TrustedProxies proxies;

    public ClientAddress(GatewayConfig config) {
        this.proxies = TrustedProxies.of("gateway.client-ip.trusted-proxies", config.clientIp().trustedProxies().orElse(List.of()));
    }

    public String peer(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    public boolean peerIsTrusted(HttpServerRequest request) {
        return proxies.isTrusted(peer(request));
    }

    public String clientIp(HttpServerRequest request) {
        return proxies.client(peer(request), request.headers().getAll("X-Forwarded-For"));
    }

    /** The X-Forwarded-For to send upstream: the believed chain plus the peer, never an untrusted peer's claims. */
    public String forwardedFor(HttpServerRequest request) {
        return proxies.forwardedFor(peer(request), request.headers().getAll("X-Forwarded-For"));
    }
}
