package io.colony.shell.internal.command;

import io.colony.api.cluster.ClusterMembership;
import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import io.colony.shell.internal.diagnostics.ComponentDiagnostics;
import java.util.List;
import java.util.function.Supplier;

/** Says in words why the node, its worker, its manager or the cluster membership is not there, for the commands that need them. */
final class Availability {

    static final String NO_CLUSTER_BUNDLE = "the cluster bundle (colony-discovery) is not active";
    static final String NO_MANAGER_BUNDLE = "the manager bundle (colony-manager) is not active";

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
        return whyNoRoleService(Role.WORKER, "this node has no worker role", workerService, null);
    }

    /** Why no service of the manager's type is there: no node, not a manager, or the manager's component's own reason. */
    String whyNoManager(Class<?> managerService) {
        return whyNoRoleService(Role.MANAGER, "this node is not a manager", managerService, NO_MANAGER_BUNDLE);
    }

    /**
     * @param notThatRole what to say when the node lacks the role
     * @param whenNoComponent what to say when no installed component declares the service, or null for the default
     */
    private String whyNoRoleService(Role role, String notThatRole, Class<?> service, String whenNoComponent) {
        NodeInfo current = node.get();
        if (current == null) {
            return whyNoNode();
        }
        if (!current.hasRole(role)) {
            List<String> roles = current.roles().stream().sorted().map(Role::label).toList();
            return notThatRole + " (roles: " + (roles.isEmpty() ? "none" : String.join(",", roles)) + "); add " + role.label()
                    + " to roles in etc/io.colony.node.cfg or start the node with --roles";
        }
        return whenNoComponent == null
                ? diagnostics.whyMissing(service.getName())
                : diagnostics.whyMissing(service.getName(), whenNoComponent);
    }

    /** Why no {@link ClusterMembership} is there: no bundle declares it, or its component's own reason. */
    String whyNoCluster() {
        return diagnostics.whyMissing(ClusterMembership.class.getName(), NO_CLUSTER_BUNDLE);
    }
}
