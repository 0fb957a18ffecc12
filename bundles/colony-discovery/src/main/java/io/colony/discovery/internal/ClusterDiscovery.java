package io.colony.discovery.internal;

import io.colony.api.cluster.ClusterEvents;
import io.colony.api.cluster.ClusterMembership;
import io.colony.api.cluster.Member;
import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.node.HardwareMonitor;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.NodeInfo;
import io.colony.discovery.internal.mdns.InterfaceSelection;
import io.colony.discovery.internal.mdns.MdnsDiscovery;
import io.colony.discovery.internal.mdns.NetworkInterfaceView;
import io.colony.discovery.internal.membership.EventPublisher;
import io.colony.discovery.internal.membership.EventReplayBuffer;
import io.colony.discovery.internal.membership.LateHandlerReplay;
import io.colony.discovery.internal.membership.LocalHeartbeat;
import io.colony.discovery.internal.membership.Membership;
import io.colony.discovery.internal.peers.Candidate;
import io.colony.discovery.internal.peers.PeerConnector;
import io.colony.discovery.internal.tracker.TrackerClient;
import io.colony.transport.api.HeartbeatSource;
import io.colony.transport.api.Peer;
import io.colony.transport.api.Transport;
import io.colony.transport.proto.Heartbeat;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * This node's view of the cluster, configured by {@value DiscoveryConfiguration#PID}: finds
 * candidate peers (mDNS, tracker, static list), connects to them through the transport, keeps the
 * membership from the transport's peer events and heartbeats, raises membership events, and fills
 * this node's outgoing heartbeats. A configuration change re-creates it; the transport's
 * connections survive and are taken over.
 */
@Component(name = DiscoveryConfiguration.PID, immediate = true, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {ClusterMembership.class, HeartbeatSource.class})
@Designate(ocd = DiscoveryConfiguration.class)
public final class ClusterDiscovery implements ClusterMembership, HeartbeatSource {

    static final Duration CONNECT_TICK = Duration.ofMillis(200);
    static final Duration FORGET_UNAVAILABLE_AFTER = Duration.ofMinutes(10);
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HardwareMonitor hardwareMonitor;

    private final Logger log;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ScheduledThreadPoolExecutor trackerScheduler;
    private final ThreadPoolExecutor mdnsStarter;
    private final ThreadPoolExecutor trackerHttpPool;
    private final Membership membership;
    private final LocalHeartbeat heartbeat;
    private final LateHandlerReplay replay;
    private final AutoCloseable transportListener;
    private final Future<MdnsDiscovery> mdns;

    @Activate
    public ClusterDiscovery(BundleContext context, Map<String, Object> properties,
            @Reference(name = "node") NodeInfo node,
            @Reference(name = "transport") Transport transport,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        DiscoverySettings settings;
        try {
            settings = DiscoverySettings.read(properties, context::getProperty);
        } catch (InvalidConfigurationException e) {
            log.error("Discovery stays down: {}", e.getMessage());
            throw e;
        }
        Clock clock = Clock.systemUTC();
        NodeAdvert self = new NodeAdvert(node.id(), node.clusterName(), node.roles(), transport.port(), node.userData());

        this.scheduler = new ScheduledThreadPoolExecutor(2, new NamedThreads("scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.trackerScheduler = new ScheduledThreadPoolExecutor(1, new NamedThreads("tracker"));
        this.mdnsStarter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), new NamedThreads("mdns"));
        this.trackerHttpPool = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), new NamedThreads("http"));
        trackerHttpPool.allowCoreThreadTimeOut(true);

        EventReplayBuffer replayBuffer = new EventReplayBuffer(Duration.ofSeconds(ClusterEvents.REPLAY_TTL_SECONDS), clock);
        this.membership = new Membership(node.roles(), new EventPublisher(() -> eventAdmin, replayBuffer, log), clock, log);
        this.heartbeat = new LocalHeartbeat(() -> hardwareMonitor, clock, log);
        this.replay = new LateHandlerReplay(context, replayBuffer, scheduler, log);
        replay.open();

        this.transportListener = transport.addListener(membership);
        for (Peer peer : transport.peers()) {
            membership.peerConnected(peer);
        }
        scheduler.scheduleWithFixedDelay(() -> membership.forgetUnavailable(FORGET_UNAVAILABLE_AFTER), 1, 1, TimeUnit.MINUTES);

        PeerConnector connector = new PeerConnector(transport, settings.backoff(), clock, membership::describe, log);
        settings.peers().forEach(address -> connector.discovered(Candidate.staticPeer(address)));
        scheduler.scheduleWithFixedDelay(guarded("connecting to peers", connector::tick), 0, CONNECT_TICK.toMillis(), TimeUnit.MILLISECONDS);

        settings.tracker().ifPresent(tracker -> {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .executor(trackerHttpPool)
                    .build();
            TrackerClient client = new TrackerClient(tracker, self, http, connector, log);
            trackerScheduler.scheduleWithFixedDelay(guarded("polling the tracker", client::poll), 0,
                    settings.trackerInterval().toMillis(), TimeUnit.MILLISECONDS);
        });

        this.mdns = settings.mdnsEnabled()
                ? mdnsStarter.submit(() -> startMdns(settings.mdnsInterfaces(), self, connector))
                : null;
        log.info("Discovery for node {} in cluster '{}': mDNS {}, {} static peers, tracker {}", self.id(), self.cluster(),
                settings.mdnsEnabled() ? "on" : "off", settings.peers().size(), settings.tracker().map(Object::toString).orElse("none"));
    }

    private MdnsDiscovery startMdns(List<String> interfaces, NodeAdvert self, PeerConnector connector) throws SocketException {
        InterfaceSelection.Result chosen = InterfaceSelection.choose(interfaces, NetworkInterfaceView.current());
        chosen.problems().forEach(problem -> log.warn("mDNS interfaces: {}", problem));
        if (chosen.addresses().isEmpty()) {
            log.warn("mDNS: no usable interface (mdns.interfaces = '{}'); only the tracker and static peers find nodes",
                    String.join(",", interfaces));
        }
        return MdnsDiscovery.start(chosen.addresses(), self, connector, log);
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Discovery failed {}: {}", what, e.toString());
            }
        };
    }

    @Deactivate
    void deactivate() {
        closeMdns();
        trackerScheduler.shutdownNow();
        trackerHttpPool.shutdownNow();
        replay.close();
        try {
            transportListener.close();
        } catch (Exception e) {
            log.debug("Transport listener did not close cleanly: {}", e.toString());
        }
        scheduler.shutdownNow();
        mdnsStarter.shutdownNow();
    }

    private void closeMdns() {
        if (mdns == null) {
            return;
        }
        try {
            mdns.get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS).close();
        } catch (TimeoutException e) {
            mdns.cancel(true);
            log.warn("mDNS did not finish starting within {} s; abandoned", SHUTDOWN_WAIT.toSeconds());
        } catch (ExecutionException e) {
            log.warn("mDNS did not start: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Heartbeat heartbeat() {
        return heartbeat.heartbeat();
    }

    @Override
    public List<Member> members() {
        return membership.members();
    }

    @Override
    public Optional<Member> member(String id) {
        return membership.member(id);
    }

    @Override
    public List<HardwareStatus> history(String id) {
        return membership.history(id);
    }

    @Override
    public void setAvailability(boolean available) {
        heartbeat.setAvailability(available);
    }

    @Override
    public boolean isAvailable() {
        return heartbeat.isAvailable();
    }
}
