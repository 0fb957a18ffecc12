package io.colony.shell.internal.command;

import io.colony.api.deploy.Deployer;
import io.colony.api.job.JobService;
import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import io.colony.api.worker.PluginCatalog;
import io.colony.shell.internal.diagnostics.ComponentDiagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether the services a node's roles provide are registered: the manager's {@link JobService}, the
 * worker's {@link PluginCatalog}, and its {@link Deployer} when a bundle declares one. It is the
 * {@code ready} line of colony:node, which {@code colony start --background} waits for, so that a
 * command sent right after it finds the node able to take jobs.
 */
final class Readiness {

    private final Predicate<String> registered;
    private final ComponentDiagnostics diagnostics;

    /** @param registered whether a service of the named interface is registered */
    Readiness(Predicate<String> registered, ComponentDiagnostics diagnostics) {
        this.registered = registered;
        this.diagnostics = diagnostics;
    }

    /** Empty when the node is ready; else why not, one reason per missing service. */
    Optional<String> whyNotReady(NodeInfo node) {
        List<String> needed = new ArrayList<>();
        if (node.hasRole(Role.MANAGER)) {
            needed.add(JobService.class.getName());
        }
        if (node.hasRole(Role.WORKER)) {
            needed.add(PluginCatalog.class.getName());
            if (diagnostics.declares(Deployer.class.getName())) {
                needed.add(Deployer.class.getName());
            }
        }
        List<String> missing = needed.stream().filter(registered.negate()).map(diagnostics::whyMissing).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
    }

    /** The value of colony:node's {@code ready} line: {@code yes}, or {@code no: } and the reasons. */
    String describe(NodeInfo node) {
        return whyNotReady(node).map(reasons -> "no: " + reasons).orElse("yes");
    }
}
