package io.colony.tracker.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.node.Role;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** Writes the tracker's JSON answers; the one place that knows their shape. */
final class JsonBodies {

    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A mapper that refuses duplicate keys and anything after the JSON value. */
    static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    /** {@code {"error": "<message>"}} */
    byte[] error(String message) {
        return write(mapper.createObjectNode().put("error", message));
    }

    /** {@code {"ttlMs": <ttl>}} */
    byte[] announced(Duration ttl) {
        return write(mapper.createObjectNode().put("ttlMs", ttl.toMillis()));
    }

    /** {@code {"masters":[node...],"workers":[node...]}} */
    byte[] hosts(Hosts hosts) {
        ObjectNode root = mapper.createObjectNode();
        addNodes(root.putArray("masters"), hosts.masters());
        addNodes(root.putArray("workers"), hosts.workers());
        return write(root);
    }

    /** node: {@code {"addr":..,"port":..,"data":{"id":..,"cluster":..,"roles":[..], user data...}}} */
    private static void addNodes(ArrayNode array, List<Announcement> nodes) {
        for (Announcement node : nodes) {
            ObjectNode entry = array.addObject();
            entry.put("addr", node.addr());
            entry.put("port", node.port());
            ObjectNode data = entry.putObject("data");
            data.put("id", node.id());
            data.put("cluster", node.cluster());
            ArrayNode roles = data.putArray("roles");
            for (Role role : node.roles()) {
                roles.add(role.label());
            }
            node.userData().forEach(data::put);
        }
    }

    private byte[] write(ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }
}
