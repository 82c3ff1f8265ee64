package com.motoroctane.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client of a request is, when proxies stand in front: the gateway (behind a load balancer) and
 * admin-service (behind the gateway) decide it the same way. The socket peer is the client unless it is a
 * configured trusted proxy; then {@code X-Forwarded-For} is read right to left and the first hop that is
 * not a trusted proxy is the client. A header from anyone else is ignored, so a caller cannot rename
 * itself to dodge a per-IP limit. (Reading the left-most entry, as some frameworks do, believes what a
 * client behind a trusted load balancer wrote itself.) Addresses are parsed as literals only: a header
 * never triggers a DNS lookup.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6ISH = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Cidr> trusted;

    private TrustedProxies(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /**
     * @param setting the configuration key the entries came from, named in the error for a bad entry
     * @param entries IPs or CIDRs; blank entries and {@code none} are skipped (so {@code none} trusts no one)
     * @throws IllegalArgumentException for an entry that is not an IP literal or CIDR
     */
    public static TrustedProxies of(String setting, Collection<String> entries) {
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.trim();
            if (!text.isEmpty() && !"none".equalsIgnoreCase(text)) {
                parsed.add(Cidr.parse(setting, text));
            }
        }
        return new TrustedProxies(parsed);
    }

    public boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(cidr -> cidr.contains(bytes));
    }

    /**
     * The client's address.
     *
     * @param peer         the socket peer's address
     * @param forwardedFor every {@code X-Forwarded-For} header line, in order
     */
    public String client(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = hops(forwardedFor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (literal(hop) == null) {
                // a proxy that appends its peer never writes this: believe nothing of such a chain
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    /**
     * The {@code X-Forwarded-For} to pass on: the chain a trusted peer sent (its address hops) plus the
     * peer; only the peer when the peer is not trusted, so nobody else's claims travel further.
     */
    public String forwardedFor(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String hop : hops(forwardedFor)) {
            if (literal(hop) != null) {
                chain.add(hop);
            }
        }
        chain.add(peer);
        return String.join(", ", chain);
    }

    private static List<String> hops(List<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",")) {
                String hop = part.trim();
                if (!hop.isEmpty()) {
                    chain.add(hop);
                }
            }
        }
        return chain;
    }

    /** The bytes of an IPv4/IPv6 literal, or null; never resolves a name. */
    static byte[] literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || text.indexOf(':') >= 0 && IPV6ISH.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String setting, String text) {
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(setting + ": '" + text + "' is not an IP or CIDR");
            }
            int prefix;
            try {
                prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(setting + ": '" + text + "' has no valid prefix length");
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException(setting + ": '" + text + "' has no valid prefix length");
            }
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
    }
}
