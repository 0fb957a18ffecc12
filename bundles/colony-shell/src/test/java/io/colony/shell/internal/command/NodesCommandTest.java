package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodesCommandTest {

    static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long GIB = 1L << 30;

    static HardwareStatus hardware(int physical, int logical, double load, double cpu, long available, long total) {
        return new HardwareStatus(physical, logical, load, cpu, total, available, 500 * GIB, 200 * GIB, "Linux 6.8",
                "OpenJDK 64-Bit Server VM 17.0.12", NOW.minusSeconds(1));
    }

    static Member member(String id, Set<Role> roles, MemberState state, Duration sinceHeartbeat, Optional<HardwareStatus> hardware) {
        return new Member(id, roles, "10.0.0.7", 40123, Map.of(), state, NOW.minus(sinceHeartbeat), hardware);
    }

    private static String print(Optional<NodesCommand.LocalNode> local, List<Member> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NodesCommand.print(local, members, CLOCK, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsThisNodeFirstThenTheOthersWithTheirHardware() {
        NodesCommand.LocalNode local = new NodesCommand.LocalNode(NodeCommandTest.node(EnumSet.of(Role.WORKER, Role.MANAGER)), false,
                Optional.of(hardware(4, 8, 0.5, 0.123, 6 * GIB, 16 * GIB)));
        String table = print(Optional.of(local), List.of(
                member("beta", Set.of(Role.WORKER), MemberState.AVAILABLE, Duration.ofMillis(800),
                        Optional.of(hardware(16, 32, 12.25, 0.97, 3 * GIB / 2, 64 * GIB))),
                member("gamma", Set.of(Role.TRACKER, Role.WORKER), MemberState.UNAVAILABLE, Duration.ofSeconds(125), Optional.empty())));
        assertEquals(String.join("\n",
                "ID                 ROLES           ADDRESS         STATE        LAST-HEARTBEAT  CORES  LOAD   CPU  MEMORY",
                "alpha (this node)  manager,worker  -               withdrawn    -               4/8    0.50   12%  6 GiB/16 GiB",
                "beta               worker          10.0.0.7:40123  available    0.8 s ago       16/32  12.25  97%  1.5 GiB/64 GiB",
                "gamma              worker,tracker  10.0.0.7:40123  unavailable  2m 5s ago       -      -      -    -",
                ""), table);
    }

    @Test
    void showsADashForALoadTheSystemDoesNotHave() {
        String table = print(Optional.empty(), List.of(member("delta", Set.of(Role.WORKER), MemberState.WITHDRAWN, Duration.ZERO,
                Optional.of(hardware(2, 2, -1, 0, GIB, 2 * GIB)))));
        assertEquals(String.join("\n",
                "ID     ROLES   ADDRESS         STATE      LAST-HEARTBEAT  CORES  LOAD  CPU  MEMORY",
                "delta  worker  10.0.0.7:40123  withdrawn  0.0 s ago       2/2    -     0%   1 GiB/2 GiB",
                ""), table);
    }

    @Test
    void saysHowNodesAreFoundWhenThereAreNoOthers() {
        NodesCommand.LocalNode local = new NodesCommand.LocalNode(NodeCommandTest.node(EnumSet.of(Role.WORKER)), true, Optional.empty());
        String printed = print(Optional.of(local), List.of());
        assertEquals(String.join("\n",
                "ID                 ROLES   ADDRESS  STATE      LAST-HEARTBEAT  CORES  LOAD  CPU  MEMORY",
                "alpha (this node)  worker  -        available  -               -      -     -    -",
                NodesCommand.NO_OTHER_NODES,
                ""), printed);
        assertEquals(NodesCommand.NO_OTHER_NODES + "\n", print(Optional.empty(), List.of()));
        assertEquals("no other nodes known: nodes on the same subnet appear by themselves; elsewhere set tracker or peers "
                + "in etc/io.colony.discovery.cfg", NodesCommand.NO_OTHER_NODES);
    }
}
