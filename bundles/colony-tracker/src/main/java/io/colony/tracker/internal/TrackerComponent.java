package io.colony.tracker.internal;

import io.colony.api.node.NodeInfo;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The tracker role of this node: present only when the node plays it, configured by
 * {@value TrackerConfiguration#PID}. A bad configuration value is logged and the component stays
 * down; a configuration change restarts the server with an empty registry, which nodes refill
 * within one announcement period.
 */
@Component(name = TrackerConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {}, immediate = true)
@Designate(ocd = TrackerConfiguration.class)
public final class TrackerComponent {

    private final TrackerServer server;

    @Activate
    public TrackerComponent(BundleContext context, Map<String, Object> properties,
            @Reference(target = "(colony.node.roles=tracker)") NodeInfo node,
            @Reference(service = LoggerFactory.class) Logger log) {
        try {
            TrackerSettings settings = TrackerSettings.read(properties, context::getProperty);
            NodeRegistry registry = new NodeRegistry(new MonotonicClock(), settings.ttl(), settings.maxEntries(), new RegistryLog(log));
            this.server = TrackerServer.start(settings, registry, log);
            log.info("Tracker of node {} listens on {} (entries expire after {} ms, at most {})",
                    node.id(), server.localAddress(), settings.ttl().toMillis(), settings.maxEntries());
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.error("Tracker not started: {}", e.getMessage());
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
