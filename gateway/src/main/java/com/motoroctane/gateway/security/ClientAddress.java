package com.motoroctane.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.gateway.config.GatewayConfig;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who the client is, for rate limits and X-Forwarded-For. {@code X-Forwarded-For} is read only when the
 * socket peer is a configured trusted proxy, and then right to left, skipping further trusted hops: the
 * first untrusted address is the client. A header sent by anyone else is ignored, so it cannot dodge a
 * limit.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<Cidr> trusted;

    public ClientAddress(GatewayConfig config) {
        List<Cidr> parsed = new ArrayList<>();
        config.clientIp().trustedProxies().orElse(List.of()).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> parsed.add(Cidr.parse(s)));
        this.trusted = List.copyOf(parsed);
    }

    public String peer(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    public boolean peerIsTrusted(HttpServerRequest request) {
        return isTrusted(peer(request));
    }

    public String clientIp(HttpServerRequest request) {
        String peer = peer(request);
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedChain(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    /** The X-Forwarded-For to send upstream: the believed chain plus the peer, never an untrusted peer's claims. */
    public String forwardedFor(HttpServerRequest request) {
        String peer = peer(request);
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedChain(request);
        chain.add(peer);
        return String.join(", ", chain);
    }

    private static List<String> forwardedChain(HttpServerRequest request) {
        List<String> chain = new ArrayList<>();
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            for (String part : header.split(",")) {
                String hop = part.trim();
                if (!hop.isEmpty() && Cidr.looksLikeIp(hop)) {
                    chain.add(hop);
                }
            }
        }
        return chain;
    }

    boolean isTrusted(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        byte[] bytes = Cidr.bytes(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr cidr : trusted) {
            if (cidr.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = bytes(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("gateway.client-ip.trusted-proxies: '" + text + "' is not an IP or CIDR");
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new Cidr(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        static boolean looksLikeIp(String text) {
            return bytes(text) != null;
        }

        /** Parses a literal address only; never resolves a name (a header must not trigger DNS). */
        static byte[] bytes(String text) {
            boolean ipv4 = text != null && text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = text != null && text.indexOf(':') >= 0 && text.matches("[0-9a-fA-F:.]+");
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
