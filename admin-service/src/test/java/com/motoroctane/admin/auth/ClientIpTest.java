package com.motoroctane.admin.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who the client is, for every shape of peer and X-Forwarded-For ("|" separates header lines). */
class ClientIpTest {

    private static final ClientIp GATEWAY_ON_LOOPBACK_AND_POD_RANGE = new ClientIp(List.of("127.0.0.0/8", "::1", "10.42.0.0/16"));

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
            "10.42.1.1; unknown; 10.42.1.1"})
    void clientIs(String peer, String forwardedFor, String client) {
        List<String> headers = forwardedFor == null ? List.of() : List.of(forwardedFor.split("\\|"));
        assertEquals(client, GATEWAY_ON_LOOPBACK_AND_POD_RANGE.of(peer, headers.stream().map(String::trim).toList()));
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 198.51.100.7", "::1, 198.51.100.7"})
    void noneTrustsNoOne(String peer, String forwardedFor) {
        assertEquals(peer, new ClientIp(List.of("none")).of(peer, List.of(forwardedFor)));
    }

    @ParameterizedTest
    @CsvSource({"gateway.internal", "10.0.0.0/x"})
    void aTrustedProxyMustBeAnAddressOrCidr(String entry) {
        assertThrows(IllegalArgumentException.class, () -> new ClientIp(List.of(entry)));
    }
}
