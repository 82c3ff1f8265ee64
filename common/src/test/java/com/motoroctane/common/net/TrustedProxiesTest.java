package com.motoroctane.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who the client is, for every shape of peer and X-Forwarded-For ("|" separates header lines). */
class TrustedProxiesTest {

    private static final TrustedProxies GATEWAY_ON_LOOPBACK_AND_POD_RANGE =
            TrustedProxies.of("test", List.of("127.0.0.0/8", "::1", "10.42.0.0/16"));

    private static List<String> headers(String forwardedFor) {
        return forwardedFor == null ? List.of() : List.of(forwardedFor.split("\\|")).stream().map(String::trim).toList();
    }

    @ParameterizedTest(name = "peer {0}, XFF ''{1}'' -> {2}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // an untrusted peer is the client, whatever it claims
            "203.0.113.9; -; 203.0.113.9",
            "203.0.113.9; 198.51.100.1; 203.0.113.9",
            "203.0.113.9; 127.0.0.1; 203.0.113.9",
            // a trusted peer: the right-most hop that is not a trusted proxy
            "127.0.0.1; 198.51.100.7; 198.51.100.7",
            "127.0.0.1; 1.2.3.4, 198.51.100.7; 198.51.100.7",
            "127.0.0.1; 1.2.3.4 | 198.51.100.7; 198.51.100.7",
            "127.0.0.1; 1.2.3.4, 198.51.100.7, 10.42.3.3; 198.51.100.7",
            "::1; 2001:db8::5; 2001:db8::5",
            // a trusted peer without a header, or a chain of trusted hops only
            "127.0.0.1; -; 127.0.0.1",
            "127.0.0.1; 10.42.0.9, 127.0.0.5; 10.42.0.9",
            // something that is not an address is not believed, nor anything left of it
            "127.0.0.1; 198.51.100.7, not-an-ip; 127.0.0.1",
            "10.42.1.1; unknown; 10.42.1.1",
            // a host name is never looked up
            "127.0.0.1; localhost; 127.0.0.1"})
    void clientIs(String peer, String forwardedFor, String client) {
        assertEquals(client, GATEWAY_ON_LOOPBACK_AND_POD_RANGE.client(peer, headers(forwardedFor)));
    }

    @ParameterizedTest(name = "peer {0}, XFF ''{1}'' -> forwards ''{2}''")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "203.0.113.9; 6.6.6.6; 203.0.113.9",
            "127.0.0.1; -; 127.0.0.1",
            "127.0.0.1; 198.51.100.7; 198.51.100.7, 127.0.0.1",
            "127.0.0.1; 198.51.100.7, junk | 10.42.0.1; 198.51.100.7, 10.42.0.1, 127.0.0.1"})
    void forwardedForCarriesOnlyWhatATrustedPeerSentPlusThePeer(String peer, String forwardedFor, String forwarded) {
        assertEquals(forwarded, GATEWAY_ON_LOOPBACK_AND_POD_RANGE.forwardedFor(peer, headers(forwardedFor)));
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 198.51.100.7", "::1, 198.51.100.7"})
    void noneTrustsNoOne(String peer, String forwardedFor) {
        assertEquals(peer, TrustedProxies.of("test", List.of("none")).client(peer, List.of(forwardedFor)));
    }

    @ParameterizedTest
    @CsvSource({"gateway.internal", "10.0.0.0/x", "10.0.0.0/33", "::1/129"})
    void aTrustedProxyMustBeAnAddressOrCidr(String entry) {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of("test", List.of(entry)));
    }
}
