package com.motoroctane.admin.auth;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.admin.config.AdminConfig;
import com.motoroctane.common.net.TrustedProxies;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who is logging in, for the per-IP failed-login throttle: the socket peer, or, behind a configured trusted
 * proxy (the gateway), the right-most untrusted {@code X-Forwarded-For} hop ({@link TrustedProxies}, the
 * rule the gateway uses too). A caller who reaches this service around the gateway cannot rename itself
 * to dodge the limit.
 */
@ApplicationScoped
public class ClientIp {

    private final TrustedProxies proxies;

    public ClientIp(AdminConfig config) {
        this.proxies = TrustedProxies.of("admin.client-ip.trusted-proxies", config.clientIp().trustedProxies());
    }

    public String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return proxies.client(remote == null ? "unknown" : remote.hostAddress(), request.headers().getAll("X-Forwarded-For"));
    }
}
