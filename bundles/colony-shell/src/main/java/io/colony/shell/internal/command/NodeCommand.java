package io.colony.shell.internal.command;

import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@code colony:node}: this node's id, cluster, roles, whether it is ready (see {@link Readiness}), uptime, ports, data
 * folder and Java, one per line.
 */
final class NodeCommand {

    private NodeCommand() {
    }

    static void print(NodeInfo node, String ready, OptionalInt shellPort, Path dataDirectory, PrintStream out) {
        line(out, "id", node.id());
        line(out, "cluster", node.clusterName());
        line(out, "roles", String.join(",", node.roles().stream().map(Role::label).toList()));
        line(out, "ready", ready);
        line(out, "uptime", HumanFormat.duration(node.uptime()));
        line(out, "ports", ports(node.ports(), shellPort));
        line(out, "data", dataDirectory.toString());
        line(out, "java", Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")");
        out.flush();
    }

    static String ports(Map<String, Integer> nodePorts, OptionalInt shellPort) {
        Map<String, Integer> ports = new TreeMap<>(nodePorts);
        shellPort.ifPresent(port -> ports.put("shell", port));
        StringJoiner joined = new StringJoiner(" ");
        ports.forEach((name, port) -> joined.add(name + "=" + port));
        return joined.toString();
    }

    private static void line(PrintStream out, String key, String value) {
        out.printf("%-8s %s%n", key, value);
    }
}
