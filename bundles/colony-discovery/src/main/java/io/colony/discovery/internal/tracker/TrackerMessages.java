package io.colony.discovery.internal.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.node.Role;
import io.colony.discovery.internal.NodeAdvert;
import io.colony.discovery.internal.peers.HostAndPort;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tracker protocol's JSON: the {@code POST /announce} body and the {@code GET /hostsAvailable}
 * answer ({@code {"masters":[{"addr","port","data":{"id","cluster","roles",...user data}}],"workers":[..]}}).
 */
final class TrackerMessages {

    /** A node the tracker lists, at the address the tracker saw it announce from. */
    record TrackedNode(HostAndPort address, NodeAdvert advert) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RESERVED_DATA_KEYS = Set.of("id", "cluster", "roles");

    private TrackerMessages() {
    }

    static String announce(NodeAdvert self) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", self.id());
        body.put("cluster", self.cluster());
        ArrayNode roles = body.putArray("roles");
        self.roles().stream().sorted().map(Role::label).forEach(roles::add);
        body.put("port", self.port());
        ObjectNode data = body.putObject("data");
        self.userData().forEach(data::put);
        return body.toString();
    }

    /**
     * The nodes of the answer, each once (a node with both roles is listed twice); entries without
     * an id, a cluster, an address or a valid port are skipped.
     *
     * @throws IllegalArgumentException when the text is not the expected JSON object
     */
    static List<TrackedNode> hostsAvailable(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the tracker's /hostsAvailable answer is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the tracker's /hostsAvailable answer is not a JSON object");
        }
        Map<String, TrackedNode> nodes = new LinkedHashMap<>();
        for (String list : List.of("masters", "workers")) {
            for (JsonNode entry : root.path(list)) {
                TrackedNode node = entry(entry);
                if (node != null) {
                    nodes.putIfAbsent(node.advert().id(), node);
                }
            }
        }
        return new ArrayList<>(nodes.values());
    }

    private static TrackedNode entry(JsonNode entry) {
        JsonNode data = entry.path("data");
        String addr = entry.path("addr").asText("");
        int port = entry.path("port").asInt(-1);
        String id = data.path("id").asText("");
        String cluster = data.path("cluster").asText("");
        if (addr.isBlank() || port < 1 || port > 65535 || id.isBlank() || cluster.isBlank()) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : data.path("roles")) {
            try {
                roles.add(Role.parse(role.asText()));
            } catch (IllegalArgumentException e) {
                // a role this version does not know
            }
        }
        Map<String, String> userData = new LinkedHashMap<>();
        data.fields().forEachRemaining(field -> {
            if (!RESERVED_DATA_KEYS.contains(field.getKey())) {
                userData.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
            }
        });
        return new TrackedNode(new HostAndPort(addr, port), new NodeAdvert(id, cluster, roles, port, userData));
    }
}
