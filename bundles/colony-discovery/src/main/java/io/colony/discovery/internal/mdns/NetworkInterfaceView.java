package io.colony.discovery.internal.mdns;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The facts about a network interface that choosing where to run mDNS needs. */
public record NetworkInterfaceView(String name, boolean up, boolean multicast, boolean loopback, List<InetAddress> addresses) {

    public NetworkInterfaceView {
        addresses = List.copyOf(addresses);
    }

    /** The machine's (or network namespace's) interfaces now. */
    public static List<NetworkInterfaceView> current() throws SocketException {
        List<NetworkInterfaceView> views = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            views.add(new NetworkInterfaceView(nic.getName(), nic.isUp(), nic.supportsMulticast(), nic.isLoopback(),
                    Collections.list(nic.getInetAddresses())));
        }
        return views;
    }
}
