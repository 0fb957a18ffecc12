package io.colony.discovery.internal.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostAndPortTest {

    @Test
    void parsesNamesIpv4AndBracketedIpv6() {
        assertEquals(new HostAndPort("node1.lan", 7000), HostAndPort.parse(" node1.lan:7000 "));
        assertEquals(new HostAndPort("10.0.0.1", 1), HostAndPort.parse("10.0.0.1:1"));
        assertEquals(new HostAndPort("fe80::1", 65535), HostAndPort.parse("[fe80::1]:65535"));
        assertEquals("[fe80::1]:65535", HostAndPort.parse("[fe80::1]:65535").toString());
    }

    @Test
    void rejectsWhatIsNotHostColonPort() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("node1")).getMessage().contains("host:port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("node1:x")).getMessage().contains("not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("node1:0")).getMessage().contains("between 1 and 65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("fe80::1:7000")).getMessage().contains("brackets"));
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse(":7000"));
    }
}
