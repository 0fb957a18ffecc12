package io.colony.discovery.internal.mdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.node.Role;
import io.colony.discovery.internal.NodeAdvert;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TxtRecordTest {

    private final NodeAdvert advert = new NodeAdvert("node1", "lab", Set.of(Role.WORKER, Role.MANAGER), 7000, Map.of("gpu", "true", "rack", "r2"));

    @Test
    void encodesIdClusterRolesPortAndPrefixedUserData() {
        assertEquals(Map.of("id", "node1", "cluster", "lab", "roles", "manager,worker", "port", "7000", "data.gpu", "true", "data.rack", "r2"),
                TxtRecord.encode(advert));
    }

    @Test
    void decodeReversesEncode() {
        assertEquals(Optional.of(advert), TxtRecord.decode(TxtRecord.encode(advert)));
    }

    @Test
    void recordsWithoutIdClusterOrValidPortAreNotColonyNodes() {
        Map<String, String> txt = new HashMap<>(TxtRecord.encode(advert));
        txt.remove("id");
        assertEquals(Optional.empty(), TxtRecord.decode(txt));

        txt = new HashMap<>(TxtRecord.encode(advert));
        txt.put("cluster", " ");
        assertEquals(Optional.empty(), TxtRecord.decode(txt));

        for (String port : new String[] {"x", "0", "70000", ""}) {
            txt = new HashMap<>(TxtRecord.encode(advert));
            txt.put("port", port);
            assertEquals(Optional.empty(), TxtRecord.decode(txt), port);
        }
    }

    @Test
    void unknownRolesAreIgnored() {
        Map<String, String> txt = new HashMap<>(TxtRecord.encode(advert));
        txt.put("roles", "worker,oracle");

        assertEquals(Set.of(Role.WORKER), TxtRecord.decode(txt).orElseThrow().roles());
    }

    @Test
    void userDataTooLongForATxtStringIsLeftOut() {
        NodeAdvert big = new NodeAdvert("n", "c", Set.of(), 1, Map.of("big", "x".repeat(300), "small", "y"));

        Map<String, String> txt = TxtRecord.encode(big);

        assertFalse(txt.containsKey("data.big"));
        assertTrue(txt.containsKey("data.small"));
    }

    @Test
    void onlyOtherNodesOfTheSameClusterArePeers() {
        assertTrue(advert.isPeerOf("node2", "lab"));
        assertFalse(advert.isPeerOf("node1", "lab"), "itself");
        assertFalse(advert.isPeerOf("node2", "prod"), "another cluster");
    }
}
