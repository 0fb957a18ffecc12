package io.colony.discovery.internal.mdns;

import io.colony.api.node.Role;
import io.colony.discovery.internal.NodeAdvert;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TXT record of a {@code _colony._tcp.local.} service: {@code id}, {@code cluster},
 * {@code roles} (comma list), {@code port} (transport) and the user data under {@code data.} keys.
 */
public final class TxtRecord {

    public static final String SERVICE_TYPE = "_colony._tcp.local.";
    static final String ID = "id";
    static final String CLUSTER = "cluster";
    static final String ROLES = "roles";
    static final String PORT = "port";
    static final String DATA_PREFIX = "data.";
    /** DNS limits one TXT string ({@code key=value}) to 255 bytes. */
    static final int MAX_ENTRY_BYTES = 255;

    private TxtRecord() {
    }

    /** The TXT entries; user data entries too long for a TXT string are left out (see {@link #fits}). */
    public static Map<String, String> encode(NodeAdvert advert) {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put(ID, advert.id());
        txt.put(CLUSTER, advert.cluster());
        txt.put(ROLES, advert.roles().stream().sorted().map(Role::label).collect(Collectors.joining(",")));
        txt.put(PORT, Integer.toString(advert.port()));
        advert.userData().forEach((key, value) -> {
            if (fits(DATA_PREFIX + key, value)) {
                txt.put(DATA_PREFIX + key, value);
            }
        });
        return txt;
    }

    public static boolean fits(String key, String value) {
        return (key + "=" + value).getBytes(StandardCharsets.UTF_8).length <= MAX_ENTRY_BYTES;
    }

    /** The advert, or empty when the record lacks the id, the cluster or a valid port. */
    public static Optional<NodeAdvert> decode(Map<String, String> txt) {
        String id = txt.get(ID);
        String cluster = txt.get(CLUSTER);
        if (id == null || id.isBlank() || cluster == null || cluster.isBlank()) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(String.valueOf(txt.get(PORT)).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String label : txt.getOrDefault(ROLES, "").split(",")) {
            if (!label.isBlank()) {
                try {
                    roles.add(Role.parse(label));
                } catch (IllegalArgumentException e) {
                    // a role this version does not know: the node still counts, with the roles we know
                }
            }
        }
        Map<String, String> userData = new LinkedHashMap<>();
        txt.forEach((key, value) -> {
            if (key.startsWith(DATA_PREFIX) && key.length() > DATA_PREFIX.length()) {
                userData.put(key.substring(DATA_PREFIX.length()), value == null ? "" : value);
            }
        });
        return Optional.of(new NodeAdvert(id.trim(), cluster.trim(), roles, port, userData));
    }
}
