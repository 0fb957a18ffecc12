package io.colony.discovery.internal.mdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceSelectionTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final NetworkInterfaceView LOOPBACK_WITHOUT_MULTICAST =
            new NetworkInterfaceView("lo", true, false, true, List.of(ip("::1"), ip("127.0.0.1")));
    private static final NetworkInterfaceView LOOPBACK_WITH_MULTICAST =
            new NetworkInterfaceView("lo", true, true, true, List.of(ip("::1"), ip("127.0.0.1")));
    private static final NetworkInterfaceView ETH0 =
            new NetworkInterfaceView("eth0", true, true, false, List.of(ip("fe80::2"), ip("192.168.1.5")));
    private static final NetworkInterfaceView DOWN = new NetworkInterfaceView("eth1", false, true, false, List.of(ip("10.9.9.9")));
    private static final NetworkInterfaceView IPV6_ONLY = new NetworkInterfaceView("v6", true, true, false, List.of(ip("fd00::7")));

    @Test
    void emptyMeansEveryUpMulticastInterfacePreferringIpv4() {
        InterfaceSelection.Result chosen = InterfaceSelection.choose(List.of(), List.of(LOOPBACK_WITHOUT_MULTICAST, ETH0, DOWN, IPV6_ONLY));

        assertEquals(List.of(ip("192.168.1.5"), ip("fd00::7")), chosen.addresses());
        assertEquals(List.of(), chosen.problems());
    }

    @Test
    void emptyIncludesALoopbackWithTheMulticastFlag() {
        InterfaceSelection.Result chosen = InterfaceSelection.choose(List.of(), List.of(LOOPBACK_WITH_MULTICAST));

        assertEquals(List.of(ip("127.0.0.1")), chosen.addresses());
    }

    @Test
    void configuredNamesAndAddressesAreUsed() {
        InterfaceSelection.Result chosen = InterfaceSelection.choose(List.of("eth0", "10.1.1.1"), List.of(LOOPBACK_WITH_MULTICAST, ETH0));

        assertEquals(List.of(ip("192.168.1.5"), ip("10.1.1.1")), chosen.addresses());
    }

    @Test
    void unusableConfiguredInterfacesAreReported() {
        InterfaceSelection.Result chosen = InterfaceSelection.choose(List.of("wlan0", "eth1", "lo"), List.of(LOOPBACK_WITHOUT_MULTICAST, DOWN));

        assertEquals(List.of(ip("127.0.0.1")), chosen.addresses());
        assertEquals(3, chosen.problems().size());
        assertTrue(chosen.problems().get(0).contains("no network interface named 'wlan0'"));
        assertTrue(chosen.problems().get(1).contains("'eth1' is down"));
        assertTrue(chosen.problems().get(2).contains("no MULTICAST flag"));
    }
}
