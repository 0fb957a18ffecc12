package io.colony.shell.internal.command;

import io.colony.api.cluster.ClusterMembership;
import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import io.colony.shell.internal.diagnostics.ComponentDiagnostics;
import java.util.function.Supplier;

/** Says in words why the node, its worker or the cluster membership is not there, for the commands that need them. */
final class Availability {

    static final String NO_CLUSTER_BUNDLE = "the cluster bundle (colony-discovery) is not active";

    private final Supplier<NodeInfo> node;
    private final ComponentDiagnostics diagnostics;

    Availability(Supplier<NodeInfo> node, ComponentDiagnostics diagnostics) {
        this.node = node;
        this.diagnostics = diagnostics;
    }

    String whyNoNode() {
        return "the node is not configured: " + diagnostics.whyInactive(ColonyCommands.NODE_COMPONENT);
    }

    /** Why no service of the worker's type is there: no node, no worker role, or the worker's component's own reason. */
    String whyNoWorker(Class<?> workerService) {
        NodeInfo current = node.get();
        if (current == null) {
            return whyNoNode();
        }
        if (!current.hasRole(Role.WORKER)) {
            return "this node has no worker role (roles: " + String.join(",", current.roles().stream().map(Role::label).toList())
                    + "); add worker to roles in etc/io.colony.node.cfg or start the node with --roles";
        }
        return diagnostics.whyMissing(workerService.getName());
    }

    /** Why no {@link ClusterMembership} is there: no bundle declares it, or its component's own reason. */
    String whyNoCluster() {
        return diagnostics.whyMissing(ClusterMembership.class.getName(), NO_CLUSTER_BUNDLE);
    }
}
