package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeCommandTest {

    static NodeInfo node(Set<Role> roles) {
        return new NodeInfo() {
            @Override
            public String id() {
                return "alpha";
            }

            @Override
            public String clusterName() {
                return "colony";
            }

            @Override
            public Set<Role> roles() {
                return roles;
            }

            @Override
            public Instant startedAt() {
                return Instant.now().minus(Duration.ofHours(2).plusMinutes(5).plusSeconds(3));
            }

            @Override
            public Map<String, Integer> ports() {
                return Map.of("http", 22581);
            }

            @Override
            public Map<String, String> userData() {
                return Map.of();
            }
        };
    }

    @Test
    void printsOneFactPerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NodeCommand.print(node(EnumSet.of(Role.MANAGER, Role.WORKER)), "yes", OptionalInt.of(40123), Path.of("/srv/colony/data"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("id       alpha", lines[0]);
        assertEquals("cluster  colony", lines[1]);
        assertEquals("roles    manager,worker", lines[2]);
        assertEquals("ready    yes", lines[3]);
        assertTrue(lines[4].matches("uptime   2h 5m [34]s"), lines[4]);
        assertEquals("ports    http=22581 shell=40123", lines[5]);
        assertEquals("data     " + Path.of("/srv/colony/data"), lines[6]);
        assertTrue(lines[7].startsWith("java     " + Runtime.version()), lines[7]);
        assertEquals(8, lines.length);
    }

    @Test
    void leavesOutTheShellPortWhenTheChannelIsDown() {
        assertEquals("http=22581", NodeCommand.ports(Map.of("http", 22581), OptionalInt.empty()));
    }
}
