package io.colony.api.job;

import io.colony.api.cluster.MemberState;
import io.colony.api.node.HardwareStatus;
import io.colony.api.worker.PluginDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A worker as the manager schedules on it.
 *
 * @param id its node id
 * @param host the address it is reached at
 * @param transportPort its transport port (0 for the manager's own worker)
 * @param local whether it is the manager's own node
 * @param state available, withdrawn or unavailable
 * @param lastHeartbeat when it was last heard from
 * @param hardware its latest hardware status, if it reported one
 * @param userData the data its operator attached to it
 * @param plugins the plugins it offers
 * @param slots how many tasks it takes at once
 * @param running how many tasks the manager has running on it now
 */
public record WorkerInfo(String id, String host, int transportPort, boolean local, MemberState state,
        Instant lastHeartbeat, Optional<HardwareStatus> hardware, Map<String, String> userData,
        List<PluginDescriptor> plugins, int slots, int running) {

    public WorkerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        Objects.requireNonNull(hardware, "hardware");
        userData = Map.copyOf(userData);
        plugins = List.copyOf(plugins);
    }
}
