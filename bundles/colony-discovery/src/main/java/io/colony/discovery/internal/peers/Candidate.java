package io.colony.discovery.internal.peers;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node worth connecting to, as one discovery source reported it.
 *
 * @param key identifies the report within all sources (a source reports again under the same key)
 * @param source where it came from: {@code mdns}, {@code tracker}, {@code static}
 * @param address where its transport listens
 * @param nodeId its id when the source knows it (not for static peers)
 * @param userData the data its operator attached to it, as far as the source tells
 */
public record Candidate(String key, String source, HostAndPort address, Optional<String> nodeId, Map<String, String> userData) {

    public static final String STATIC = "static";
    public static final String MDNS = "mdns";
    public static final String TRACKER = "tracker";

    public Candidate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(nodeId, "nodeId");
        userData = Map.copyOf(userData);
    }

    public static Candidate staticPeer(HostAndPort address) {
        return new Candidate(STATIC + ":" + address, STATIC, address, Optional.empty(), Map.of());
    }

    @Override
    public String toString() {
        return nodeId.map(id -> id + " at ").orElse("") + address + " (" + source + ")";
    }
}
