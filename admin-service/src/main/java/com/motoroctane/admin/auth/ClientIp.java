package com.motoroctane.admin.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.motoroctane.admin.config.AdminConfig;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who is logging in, for the per-IP failed-login throttle. The client is the socket peer, unless the peer
 * is a configured trusted proxy (the gateway): then {@code X-Forwarded-For} is read right to left and the
 * first hop that is not a trusted proxy is the client. A header from anyone else is ignored, so a caller
 * who reaches this service around the gateway cannot rename itself to dodge the limit. (Quarkus's own
 * proxy support believes the left-most entry, which a client behind a trusted load balancer can write.)
 */
@ApplicationScoped
public class ClientIp {

    private final List<IpSubnetFilterRule> trusted = new ArrayList<>();

    @Inject
    public ClientIp(AdminConfig config) {
        this(config.clientIp().trustedProxies());
    }

    ClientIp(List<String> trustedProxies) {
        for (String entry : trustedProxies) {
            String text = entry.trim();
            if (text.isEmpty() || "none".equalsIgnoreCase(text)) {
                continue;
            }
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("admin.client-ip.trusted-proxies: '" + text + "' is not an IP or CIDR");
            }
            int prefix = slash < 0 ? address.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
            trusted.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
        }
    }

    public String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return of(remote == null ? "unknown" : remote.hostAddress(), request.headers().getAll("X-Forwarded-For"));
    }

    String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                chain.add(hop.trim());
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (literal(hop) == null) {
                // a proxy that appends its peer never writes this; believe nothing of such a chain
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    boolean isTrusted(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(parsed, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** A literal IPv4/IPv6 address, or null; never a DNS lookup (a header must not trigger one). */
    private static InetAddress literal(String text) {
        return text == null || text.isEmpty() ? null : NetUtil.createInetAddressFromIpAddressString(text);
    }
}
