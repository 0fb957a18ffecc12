package io.colony.shell.internal.command;

import io.colony.api.cluster.Member;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code colony:nodes}: a table of this node and the nodes it knows, with their state and hardware. */
final class NodesCommand {

    static final String NO_OTHER_NODES = "no other nodes known: nodes on the same subnet appear by themselves; "
            + "elsewhere set tracker or peers in etc/io.colony.discovery.cfg";
    static final String LOCAL_MARK = " (this node)";
    private static final String UNKNOWN = "-";
    private static final List<String> HEADER =
            List.of("ID", "ROLES", "ADDRESS", "STATE", "LAST-HEARTBEAT", "CORES", "LOAD", "CPU", "MEMORY");

    /** This node as the table shows it: whether its worker takes work, and its own hardware sample if a monitor runs. */
    record LocalNode(NodeInfo info, boolean available, Optional<HardwareStatus> hardware) {
    }

    private NodesCommand() {
    }

    static void print(Optional<LocalNode> local, List<Member> members, Clock clock, PrintStream out) {
        if (local.isPresent() || !members.isEmpty()) {
            TextTable table = new TextTable(HEADER);
            local.ifPresent(node -> table.row(localRow(node)));
            for (Member member : members) {
                table.row(memberRow(member, clock));
            }
            table.print(out);
        }
        if (members.isEmpty()) {
            out.println(NO_OTHER_NODES);
        }
        out.flush();
    }

    private static List<String> localRow(LocalNode node) {
        return row(node.info().id() + LOCAL_MARK, node.info().roles(), UNKNOWN, node.available() ? "available" : "withdrawn",
                UNKNOWN, node.hardware());
    }

    private static List<String> memberRow(Member member, Clock clock) {
        return row(member.id(), member.roles(), member.host() + ":" + member.transportPort(),
                member.state().name().toLowerCase(Locale.ROOT),
                HumanFormat.ago(Duration.between(member.lastHeartbeat(), clock.instant())), member.hardware());
    }

    private static List<String> row(String id, Set<Role> roles, String address, String state, String lastHeartbeat,
            Optional<HardwareStatus> hardware) {
        return List.of(id, roles(roles), address, state, lastHeartbeat,
                hardware.map(HumanFormat::cores).orElse(UNKNOWN),
                hardware.map(HumanFormat::load).orElse(UNKNOWN),
                hardware.map(h -> Math.round(h.cpuUsage() * 100) + "%").orElse(UNKNOWN),
                hardware.map(h -> HumanFormat.bytes(h.memoryAvailable()) + "/" + HumanFormat.bytes(h.memoryTotal())).orElse(UNKNOWN));
    }

    /** Role labels in the order of {@link Role}, so that every row lists them alike. */
    private static String roles(Set<Role> roles) {
        List<String> labels = roles.stream().sorted().map(Role::label).toList();
        return labels.isEmpty() ? UNKNOWN : String.join(",", labels);
    }
}
