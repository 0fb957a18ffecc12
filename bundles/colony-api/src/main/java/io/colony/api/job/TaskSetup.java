package io.colony.api.job;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a worker made a manifest job's bundles live before running a task (topology 2).
 *
 * @param artifacts the resolved artifacts' coordinates, the manifest's bundles first
 * @param time      how long resolving and installing took
 * @param fromCache whether every artifact came from the worker's cache
 */
public record TaskSetup(List<String> artifacts, Duration time, boolean fromCache) {

    public TaskSetup {
        artifacts = List.copyOf(artifacts);
        Objects.requireNonNull(time, "time");
    }
}
