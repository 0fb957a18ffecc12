package io.colony.tracker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.api.node.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON body of {@code POST /announce} and checks every field; the first bad field is
 * reported by name. Fields the protocol does not define are ignored, so newer clients can add some.
 */
final class AnnouncementParser {

    /** Keys the tracker itself puts in a node's {@code data}; user data may not use them. */
    static final Set<String> RESERVED_DATA_KEYS = Set.of("id", "cluster", "roles");
    /** A user data entry, {@code key=value} in UTF-8, fits one mDNS TXT string, as in discovery. */
    static final int MAX_DATA_ENTRY_BYTES = 255;
    static final int MAX_DATA_ENTRIES = 64;

    private static final String ROLES_RULE = "must be a non-empty array of \"manager\", \"worker\", \"tracker\"";

    private final ObjectMapper mapper;

    AnnouncementParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param remoteAddress the address the request came from, used when the body gives no {@code addr}
     * @throws InvalidRequestException naming the first bad field
     */
    Announcement parse(byte[] body, String remoteAddress) throws InvalidRequestException {
        JsonNode root = readObject(body);
        String id = name(root, "id");
        String cluster = name(root, "cluster");
        Set<Role> roles = roles(root.get("roles"));
        int port = port(root.get("port"));
        String addr = addr(root.get("addr"), remoteAddress);
        Map<String, String> data = data(root.get("data"));
        return new Announcement(id, cluster, roles, addr, port, data);
    }

    private JsonNode readObject(byte[] body) throws InvalidRequestException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidRequestException("body", "not readable (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        return root;
    }

    private static String name(JsonNode root, String field) throws InvalidRequestException {
        String value = requiredText(root, field);
        if (!Names.isValid(value)) {
            throw new InvalidRequestException(field, Names.RULE);
        }
        return value;
    }

    private static String requiredText(JsonNode root, String field) throws InvalidRequestException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidRequestException(field, "required");
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException(field, "must be a string");
        }
        return node.textValue();
    }

    private static Set<Role> roles(JsonNode node) throws InvalidRequestException {
        if (node == null || node.isNull()) {
            throw new InvalidRequestException("roles", "required");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidRequestException("roles", ROLES_RULE);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode item : node) {
            roles.add(role(item));
        }
        return roles;
    }

    private static Role role(JsonNode item) throws InvalidRequestException {
        if (item.isTextual()) {
            for (Role role : Role.values()) {
                if (role.label().equals(item.textValue())) {
                    return role;
                }
            }
        }
        throw new InvalidRequestException("roles", "unknown role " + abbreviated(item.isTextual() ? item.textValue() : item.toString()) + " (expected \"manager\", \"worker\" or \"tracker\")");
    }

    private static int port(JsonNode node) throws InvalidRequestException {
        if (node == null || node.isNull()) {
            throw new InvalidRequestException("port", "required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 65_535) {
            throw new InvalidRequestException("port", "must be a whole number between 1 and 65535");
        }
        return node.intValue();
    }

    private static String addr(JsonNode node, String remoteAddress) throws InvalidRequestException {
        if (node == null || node.isNull()) {
            return remoteAddress;
        }
        if (!node.isTextual() || !HostAddresses.isValid(node.textValue())) {
            throw new InvalidRequestException("addr", HostAddresses.RULE);
        }
        return node.textValue();
    }

    private static Map<String, String> data(JsonNode node) throws InvalidRequestException {
        Map<String, String> data = new HashMap<>();
        if (node == null || node.isNull()) {
            return data;
        }
        if (!node.isObject()) {
            throw new InvalidRequestException("data", "must be an object of strings");
        }
        if (node.size() > MAX_DATA_ENTRIES) {
            throw new InvalidRequestException("data", "at most " + MAX_DATA_ENTRIES + " entries");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            data.put(dataKey(field.getKey()), dataValue(field.getKey(), field.getValue()));
        }
        return data;
    }

    private static String dataKey(String key) throws InvalidRequestException {
        if (RESERVED_DATA_KEYS.contains(key)) {
            throw new InvalidRequestException("data." + key, "reserved key (id, cluster and roles are set by the tracker)");
        }
        if (!Names.isValid(key)) {
            throw new InvalidRequestException("data", "key " + abbreviated(key) + " " + Names.RULE);
        }
        return key;
    }

    private static String dataValue(String key, JsonNode value) throws InvalidRequestException {
        if (!value.isTextual()) {
            throw new InvalidRequestException("data." + key, "must be a string");
        }
        int entryBytes = (key + "=" + value.textValue()).getBytes(StandardCharsets.UTF_8).length;
        if (entryBytes > MAX_DATA_ENTRY_BYTES) {
            throw new InvalidRequestException("data." + key, "key=value must fit in " + MAX_DATA_ENTRY_BYTES + " bytes of UTF-8");
        }
        return value.textValue();
    }

    /** Quotes a client-supplied text for an error message without echoing a long one whole. */
    private static String abbreviated(String text) {
        String quoted = text.length() <= 40 ? text : text.substring(0, 40) + "...";
        return "'" + quoted + "'";
    }
}
