package io.colony.node.internal;

import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes this node's {@link NodeInfo}, with service properties {@value #ID_PROPERTY} and
 * {@value #ROLES_PROPERTY} so that role-specific components can target it. A configuration change
 * re-creates the component, so every consumer sees a consistent view; an invalid configuration
 * keeps it down with the reason in the log and in {@code colony:node}.
 */
@Component(name = NodeConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = NodeConfiguration.class)
public final class NodeService implements NodeInfo {

    public static final String ID_PROPERTY = "colony.node.id";
    public static final String ROLES_PROPERTY = "colony.node.roles";

    private final NodeSettings settings;
    private final NodeIdentity.Resolved identity;
    private final String id;
    private final Instant startedAt;
    private final ServiceRegistration<NodeInfo> registration;

    @Activate
    public NodeService(BundleContext context, Map<String, Object> properties,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.settings = NodeSettings.read(properties, context::getProperty);
        this.identity = NodeIdentity.resolve(settings.configuredId(), dataDirectory(context), NodeIdClaims.forThisHost());
        this.id = identity.id();
        this.startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        this.registration = context.registerService(NodeInfo.class, this, new java.util.Hashtable<>(Map.of(
                ID_PROPERTY, id,
                ROLES_PROPERTY, roles().stream().map(Role::label).toArray(String[]::new),
                Constants.SERVICE_DESCRIPTION, "Colony node " + id)));
        logger.info("Node {} in cluster {} plays {} (HTTP port {})", id, settings.clusterName(), roleLabels(), settings.httpPort());
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        identity.close();
    }

    /** The data folder the launcher set, or this bundle's private storage when run without one. */
    static Path dataDirectory(BundleContext context) {
        String configured = context.getProperty("colony.data");
        return configured != null ? Path.of(configured) : context.getDataFile("").toPath();
    }

    private String roleLabels() {
        return String.join(",", roles().stream().map(Role::label).toList());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String clusterName() {
        return settings.clusterName();
    }

    @Override
    public Set<Role> roles() {
        return settings.roles();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public Map<String, Integer> ports() {
        return Map.of("http", settings.httpPort());
    }

    @Override
    public Map<String, String> userData() {
        return settings.userData();
    }
}
