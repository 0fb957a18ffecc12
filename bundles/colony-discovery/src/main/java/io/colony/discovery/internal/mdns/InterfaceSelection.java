package io.colony.discovery.internal.mdns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses the addresses to run one jmDNS instance on each: the configured interfaces (names or
 * address literals), or, when none are configured, every interface that is up and multicast-capable
 * (a loopback too, when it has the MULTICAST flag: inside a network namespace it is the test
 * network). One address per interface, IPv4 preferred.
 */
public final class InterfaceSelection {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** @param problems configured entries that could not be used, in words for the log */
    public record Result(List<InetAddress> addresses, List<String> problems) {
    }

    private InterfaceSelection() {
    }

    public static Result choose(List<String> configured, List<NetworkInterfaceView> interfaces) {
        Set<InetAddress> chosen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        if (configured.isEmpty()) {
            for (NetworkInterfaceView nic : interfaces) {
                if (nic.up() && nic.multicast()) {
                    preferred(nic).ifPresent(chosen::add);
                }
            }
            return new Result(List.copyOf(chosen), problems);
        }
        for (String entry : configured) {
            if (isAddressLiteral(entry)) {
                literal(entry, problems).ifPresent(chosen::add);
                continue;
            }
            Optional<NetworkInterfaceView> named = interfaces.stream().filter(nic -> nic.name().equals(entry)).findFirst();
            if (named.isEmpty()) {
                problems.add("no network interface named '" + entry + "'");
            } else if (!named.get().up()) {
                problems.add("network interface '" + entry + "' is down");
            } else {
                if (!named.get().multicast()) {
                    problems.add("network interface '" + entry + "' has no MULTICAST flag; trying it anyway");
                }
                Optional<InetAddress> address = preferred(named.get());
                if (address.isEmpty()) {
                    problems.add("network interface '" + entry + "' has no address");
                }
                address.ifPresent(chosen::add);
            }
        }
        return new Result(List.copyOf(chosen), problems);
    }

    static boolean isAddressLiteral(String entry) {
        return IPV4_LITERAL.matcher(entry).matches() || entry.indexOf(':') >= 0;
    }

    private static Optional<InetAddress> literal(String entry, List<String> problems) {
        try {
            return Optional.of(InetAddress.getByName(entry)); // a literal: no name lookup
        } catch (UnknownHostException e) {
            problems.add("'" + entry + "' is not a valid address");
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> preferred(NetworkInterfaceView nic) {
        return nic.addresses().stream().filter(Inet4Address.class::isInstance).findFirst()
                .or(() -> nic.addresses().stream().findFirst());
    }
}
