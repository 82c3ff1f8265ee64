package com.motoroctane.gateway.security;

import jakarta.inject.Singleton;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.MultiMap;

/** The browser-hardening headers every response carries, errors and gateway-made answers included. */
@Singleton
public class SecurityHeaders {

    private final GatewayConfig.SecurityHeaders values;

    public SecurityHeaders(GatewayConfig config) {
        this.values = config.securityHeaders();
    }

    public void apply(MultiMap headers) {
        headers.set("Strict-Transport-Security", values.hsts());
        headers.set("Content-Security-Policy", values.contentSecurityPolicy());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", values.referrerPolicy());
        headers.set("Permissions-Policy", values.permissionsPolicy());
        headers.remove("Server");
        headers.remove("X-Powered-By");
    }
}
