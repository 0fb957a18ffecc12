package io.colony.transport.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import io.colony.transport.api.HeartbeatSource;
import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.api.RequestHandler;
import io.colony.transport.api.Transport;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import io.colony.transport.proto.Heartbeat;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * This node's transport, registered as {@link Transport} once it listens. It reads the node's
 * configuration ({@code cluster.secret}) and its own ({@value TransportConfiguration#PID}); the node's
 * id, roles and cluster name come from {@link NodeInfo}. A configuration change re-creates it; an invalid
 * value keeps it down with the PID, key and reason in the log. Its metatype is designated by
 * {@link TransportMetatype} (bnd allows a Designate only on a component with a single PID).
 */
@Component(name = TransportConfiguration.PID, immediate = true, service = Transport.class,
        configurationPid = {"io.colony.node", TransportConfiguration.PID}, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class TransportComponent implements Transport {

    private static final String NODE_PID = "io.colony.node";

    private final TransportNode node;

    /**
     * Held as service objects, not the service: the heartbeat source (discovery) itself needs this
     * transport, so getting it while this component activates would be a circular reference.
     */
    @Reference(service = HeartbeatSource.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<HeartbeatSource> heartbeatSource;

    @Activate
    public TransportComponent(BundleContext bundleContext, Map<String, Object> properties, @Reference NodeInfo nodeInfo,
            @Reference(service = LoggerFactory.class) Logger logger) {
        TransportSettings settings = readSettings(properties, bundleContext, logger);
        String configuredSecret = ConfigurationValues.of(NODE_PID, properties).text("cluster.secret", "");
        byte[] secret = ClusterSecret.resolve(configuredSecret, dataDirectory(bundleContext), logger::warn);
        LocalNode local = new LocalNode(nodeInfo.id(), nodeInfo.clusterName(),
                nodeInfo.roles().stream().map(Role::label).collect(Collectors.toSet()), secret);
        this.node = startNode(local, settings, logger);
    }

    private static TransportSettings readSettings(Map<String, Object> properties, BundleContext bundleContext, Logger logger) {
        try {
            return TransportSettings.read(properties, bundleContext::getProperty);
        } catch (InvalidConfigurationException e) {
            logger.error("Transport stays down: {}", e.getMessage());
            throw e;
        }
    }

    /** Starts listening; a TLS keystore or truststore that cannot be used keeps the transport down with the key and file named. */
    private TransportNode startNode(LocalNode local, TransportSettings settings, Logger logger) {
        try {
            return TransportNode.start(local, settings, new OsgiTransportLog(logger), this::heartbeat);
        } catch (InvalidConfigurationException e) {
            logger.error("Transport stays down: {}", e.getMessage());
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        node.close();
    }

    private Heartbeat heartbeat() {
        ComponentServiceObjects<HeartbeatSource> objects = heartbeatSource;
        HeartbeatSource source = objects == null ? null : objects.getService();
        if (source == null) {
            return null;
        }
        try {
            return source.heartbeat();
        } finally {
            objects.ungetService(source);
        }
    }

    /** The data folder the launcher set, or this bundle's private storage when run without one. */
    private static Path dataDirectory(BundleContext context) {
        String configured = context.getProperty("colony.data");
        return configured != null ? Path.of(configured) : context.getDataFile("").toPath();
    }

    @Override
    public String nodeId() {
        return node.nodeId();
    }

    @Override
    public int port() {
        return node.port();
    }

    @Override
    public CompletableFuture<Peer> connect(String host, int port) {
        return node.connect(host, port);
    }

    @Override
    public Collection<Peer> peers() {
        return node.peers();
    }

    @Override
    public Optional<Peer> peer(String nodeId) {
        return node.peer(nodeId);
    }

    @Override
    public AutoCloseable addListener(PeerListener listener) {
        return node.addListener(listener);
    }

    @Override
    public AutoCloseable handle(BodyCase bodyCase, RequestHandler handler) {
        return node.handle(bodyCase, handler);
    }
}
