package io.colony.manager.internal.job;

import io.colony.api.cluster.ClusterMembership;
import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.config.ConfigurationValues;
import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.WorkerInfo;
import io.colony.api.node.HardwareMonitor;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.CommandExecutor;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.PluginCatalog;
import io.colony.api.worker.PluginDescriptor;
import io.colony.manager.internal.json.Durations;
import io.colony.manager.internal.json.JobSpecJson;
import io.colony.manager.internal.store.JobStore;
import io.colony.manager.internal.store.StoreDataSources;
import io.colony.transport.api.Hardware;
import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.api.Transport;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Heartbeat;
import io.colony.transport.proto.PluginInfo;
import io.colony.transport.proto.TaskProgress;
import io.colony.transport.proto.WorkerOffer;
import io.colony.transport.proto.WorkerOfferRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The manager role (PID {@value #PID}): registers {@link JobService} on nodes with the manager role, with the node's
 * own worker (when it is one) and every worker connected over the transport as places to run tasks.
 */
@Component(name = ManagerComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = JobService.class)
@Designate(ocd = ManagerConfiguration.class)
public final class ManagerComponent implements JobService {

    public static final String PID = "io.colony.manager";
    static final String DATA_PROPERTY = "colony.data";
    static final Duration OFFER_TIMEOUT = Duration.ofSeconds(10);
    /** What a handler of one-way messages returns: the transport sends nothing back for them. */
    private static final CompletableFuture<Envelope> NO_ANSWER = CompletableFuture.completedFuture(Envelope.getDefaultInstance());

    private final NodeInfo node;
    private final ClusterMembership membership;
    private final Transport transport;
    private final Logger log;
    private final JobManager manager;
    private final ResultPoster poster;
    private final ProgressRoutes progress = new ProgressRoutes();
    private final Map<String, RemoteWorker> remotes = new ConcurrentHashMap<>();
    private final List<AutoCloseable> registrations = new ArrayList<>();
    private final ScheduledExecutorService localRefresh;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HardwareMonitor hardware;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommandExecutor commands;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginCatalog catalog;
    /** The node's deployer: with it, the node's own worker installs plugins from manifests. */
    private volatile io.colony.api.deploy.Deployer deployer;
    /** The node's source sandbox: with it, the node's own worker runs source jobs. */
    private volatile io.colony.api.source.SourceSandbox sandbox;
    private volatile LocalWorker localWorker;

    @Activate
    public ManagerComponent(BundleContext context, Map<String, Object> properties,
            @Reference(target = "(colony.node.roles=manager)") NodeInfo node,
            @Reference ClusterMembership membership,
            @Reference Transport transport,
            @Reference TrustPolicy trust,
            @Reference EventAdmin eventAdmin,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.node = node;
        this.membership = membership;
        this.transport = transport;
        this.log = log;
        ManagerSettings settings = settings(properties);
        JobStore store = openStore(context, properties);
        this.poster = new ResultPoster(log);
        JobJournal journal = new JournalByDurability(new StoreJournal(store, new JobSpecJson(), log), new MemoryJobs(memoryJobs(properties)));
        this.manager = new JobManager(settings, journal, trust,
                (topic, values) -> eventAdmin.postEvent(new Event(topic, values)), poster, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)), log);
        manager.start();
        registrations.add(transport.handle(Envelope.BodyCase.TASK_PROGRESS, (peer, message) -> {
            TaskProgress report = message.getTaskProgress();
            if (report.hasSetup()) {
                progress.deliverSetup(peer.nodeId(), Attempt.key(report.getJobId(), report.getTaskIndex(), report.getAttempt()),
                        new io.colony.api.job.TaskSetup(report.getSetup().getArtifactsList(),
                                Duration.ofMillis(report.getSetup().getElapsedMillis()), report.getSetup().getFromCache()));
            }
            progress.deliver(peer.nodeId(), Attempt.key(report.getJobId(), report.getTaskIndex(), report.getAttempt()),
                    report.getFraction());
            return NO_ANSWER;
        }));
        registrations.add(transport.handle(Envelope.BodyCase.WORKER_OFFER, (peer, message) -> {
            offered(peer, message.getWorkerOffer());
            return NO_ANSWER;
        }));
        registrations.add(transport.addListener(new WorkerPeers()));
        transport.peers().forEach(this::connected);
        this.localRefresh = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "colony-manager-local-worker");
            thread.setDaemon(true);
            return thread;
        });
        localRefresh.scheduleWithFixedDelay(this::refreshLocal, 1, 1, TimeUnit.SECONDS);
        log.info("Manager {} ready: {} slots per worker, prefetch {} per slot, results kept {}", node.id(),
                settings.slots() == 0 ? "the workers' own" : settings.slots(), settings.prefetchPerSlot(), settings.retention());
    }

    @Deactivate
    void deactivate() {
        localRefresh.shutdownNow();
        for (AutoCloseable registration : registrations) {
            try {
                registration.close();
            } catch (Exception e) {
                log.debug("Closing a transport registration failed: {}", e.toString());
            }
        }
        manager.close();
        poster.close();
    }

    // ---------------------------------------------------------------- the node's own worker

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLocalExecutor(LocalExecutor executor) {
        LocalWorker worker = new LocalWorker(node.id(), executor, () -> commands);
        localWorker = worker;
        if (manager != null) {
            joinLocal(worker);
        }
    }

    void unbindLocalExecutor(LocalExecutor executor) {
        LocalWorker worker = localWorker;
        if (worker != null && worker.executor() == executor) {
            localWorker = null;
            manager.workerLeft(node.id(), worker, "the node's worker stopped");
        }
    }

    /** The local worker's offer says at once that it installs plugins from manifests, rather than at the next refresh. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDeployer(io.colony.api.deploy.Deployer bound) {
        deployer = bound;
        refreshLocal();
    }

    void unbindDeployer(io.colony.api.deploy.Deployer unbound) {
        if (deployer == unbound) {
            deployer = null;
            refreshLocal();
        }
    }

    /** The local worker's offer says at once that it runs source jobs, rather than at the next refresh. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSourceSandbox(io.colony.api.source.SourceSandbox bound) {
        sandbox = bound;
        refreshLocal();
    }

    void unbindSourceSandbox(io.colony.api.source.SourceSandbox unbound) {
        if (sandbox == unbound) {
            sandbox = null;
            refreshLocal();
        }
    }

    private void joinLocal(LocalWorker worker) {
        manager.workerJoined(worker, true, localMember());
        refreshLocal();
    }

    /** The node's own worker: its availability and hardware now, and the plugins it has. */
    private void refreshLocal() {
        LocalWorker worker = localWorker;
        if (worker == null) {
            return;
        }
        try {
            manager.workerUpdated(worker.workerId(), localMember());
            PluginCatalog plugins = catalog;
            manager.workerOffered(worker.workerId(), plugins == null ? List.of() : plugins.plugins(), worker.slots(),
                    new WorkerCapabilities(deployer != null, sandbox != null));
        } catch (RuntimeException e) {
            log.warn("Could not refresh the node's own worker: {}", e.toString());
        }
    }

    private Member localMember() {
        HardwareMonitor monitor = hardware;
        Optional<HardwareStatus> status = Optional.empty();
        if (monitor != null) {
            try {
                status = Optional.ofNullable(monitor.current());
            } catch (RuntimeException e) {
                log.debug("No hardware status: {}", e.toString());
            }
        }
        return new Member(node.id(), node.roles(), "127.0.0.1", transport.port(), node.userData(),
                membership.isAvailable() ? MemberState.AVAILABLE : MemberState.WITHDRAWN, Instant.now(), status);
    }

    // ---------------------------------------------------------------- workers over the transport

    private final class WorkerPeers implements PeerListener {
        @Override
        public void peerConnected(Peer peer) {
            connected(peer);
        }

        @Override
        public void heartbeat(Peer peer, Heartbeat heartbeat) {
            RemoteWorker worker = remotes.get(peer.nodeId());
            if (worker != null && worker.peer() == peer) {
                manager.workerUpdated(peer.nodeId(), memberOf(peer, heartbeat));
            }
        }

        @Override
        public void peerLost(Peer peer, String reason) {
            RemoteWorker worker = remotes.get(peer.nodeId());
            if (worker != null && worker.peer() == peer) {
                remotes.remove(peer.nodeId(), worker);
                manager.workerLeft(peer.nodeId(), worker, reason);
            }
        }
    }

    private void connected(Peer peer) {
        if (!peer.roles().contains(Role.WORKER.label()) || peer.nodeId().equals(node.id())) {
            return;
        }
        RemoteWorker worker = new RemoteWorker(peer, progress);
        remotes.put(peer.nodeId(), worker);
        manager.workerJoined(worker, false, memberOf(peer, null));
        peer.request(Envelope.newBuilder().setWorkerOfferRequest(WorkerOfferRequest.getDefaultInstance()).build(),
                OFFER_TIMEOUT).whenComplete((answer, failure) -> {
                    if (failure != null) {
                        log.warn("Worker {} did not say what it offers: {}", peer.nodeId(), failure.toString());
                    } else if (answer.getBodyCase() == Envelope.BodyCase.WORKER_OFFER) {
                        offered(peer, answer.getWorkerOffer());
                    }
                });
    }

    private void offered(Peer peer, WorkerOffer offer) {
        RemoteWorker worker = remotes.get(peer.nodeId());
        if (worker == null || worker.peer() != peer) {
            return;
        }
        List<PluginDescriptor> plugins = new ArrayList<>();
        for (PluginInfo plugin : offer.getPluginsList()) {
            try {
                plugins.add(new PluginDescriptor(plugin.getName(), plugin.getVersion(), plugin.getDescription(),
                        plugin.getBundle(), -1, plugin.getSplittable()));
            } catch (RuntimeException malformed) {
                log.warn("Worker {} offered a malformed plugin ({}); ignored", peer.nodeId(), malformed.getMessage());
            }
        }
        manager.workerOffered(peer.nodeId(), plugins, Math.max(0, Math.min(offer.getSlots(), 4096)), 
                new WorkerCapabilities(offer.getInstallsManifests(), offer.getRunsSource()));
    }

    /** The peer as discovery knows it, or as its connection and last heartbeat tell. */
    private Member memberOf(Peer peer, Heartbeat heartbeat) {
        Optional<Member> known = membership.member(peer.nodeId());
        if (known.isPresent()) {
            return known.get();
        }
        Set<Role> roles = peer.roles().stream().flatMap(label -> {
            try {
                return java.util.stream.Stream.of(Role.parse(label));
            } catch (IllegalArgumentException unknown) {
                return java.util.stream.Stream.empty();
            }
        }).collect(Collectors.toSet());
        boolean available = heartbeat == null || heartbeat.getAvailable();
        Optional<HardwareStatus> status = heartbeat != null && heartbeat.hasHardware()
                ? Optional.of(Hardware.fromProto(heartbeat.getHardware())) : Optional.empty();
        return new Member(peer.nodeId(), roles, peer.host(), peer.listenPort(), Map.of(),
                available ? MemberState.AVAILABLE : MemberState.WITHDRAWN, Instant.now(), status);
    }

    // ---------------------------------------------------------------- configuration

    static ManagerSettings settings(Map<String, ?> properties) {
        ConfigurationValues values = ConfigurationValues.of(PID, properties);
        String retentionText = values.text("retention", "24h");
        Duration retention;
        try {
            retention = Durations.parse(retentionText);
        } catch (IllegalArgumentException e) {
            throw values.invalid("retention", retentionText, e.getMessage());
        }
        try {
            return new ManagerSettings(values.integer("slots", 0, 0, 4096), values.integer("prefetch", 1, 0, 64),
                    retention, values.integer("jobs.max.active", 10_000, 1, 1_000_000));
        } catch (IllegalArgumentException e) {
            throw values.invalid("retention", retentionText, e.getMessage());
        }
    }

    /** How many ended jobs that are not durable are kept in memory for their status and result. */
    static int memoryJobs(Map<String, ?> properties) {
        return ConfigurationValues.of(PID, properties).integer("memory.jobs.max", 10_000, 0, 1_000_000);
    }

    private JobStore openStore(BundleContext context, Map<String, Object> properties) {
        ConfigurationValues values = ConfigurationValues.of(PID, properties);
        String url = values.text("store.jdbc.url", "");
        if (url.isBlank()) {
            String data = context.getProperty(DATA_PROPERTY);
            Path dataDir = data != null && !data.isBlank() ? Path.of(data) : context.getDataFile("").toPath();
            StoreDataSources.Opened opened = StoreDataSources.h2File(dataDir);
            log.info("Job store: {}", opened.description());
            return new JobStore(opened);
        }
        String driver = values.text("store.jdbc.driver", "org.postgresql.Driver");
        try {
            ServiceReference<DataSourceFactory> factory = context.getServiceReferences(DataSourceFactory.class,
                    "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driver + ")").stream().findFirst()
                    .orElseThrow(() -> values.invalid("store.jdbc.driver", driver, "no DataSourceFactory for this driver is"
                            + " registered: install the driver's bundle in deploy/"));
            StoreDataSources.Opened opened = StoreDataSources.external(context.getService(factory), url,
                    values.text("store.user", ""), values.text("store.password", ""));
            log.info("Job store: {}", opened.description());
            return new JobStore(opened);
        } catch (InvalidSyntaxException e) {
            throw values.invalid("store.jdbc.driver", driver, "not a class name");
        }
    }

    // ---------------------------------------------------------------- JobService

    @Override
    public JobHandle submit(JobSpec spec, String apiToken) throws JobRejectedException {
        return manager.submit(spec, apiToken);
    }

    @Override
    public Optional<JobInfo> job(String id) {
        return manager.job(id);
    }

    @Override
    public List<JobInfo> jobs(JobStatus status, int limit) {
        return manager.jobs(status, limit);
    }

    @Override
    public Optional<List<TaskInfo>> tasks(String jobId) {
        return manager.tasks(jobId);
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        return manager.result(jobId);
    }

    @Override
    public CompletableFuture<JobResult> completion(String jobId) {
        return manager.completion(jobId);
    }

    @Override
    public Optional<JobInfo> kill(String jobId, String reason) {
        return manager.kill(jobId, reason);
    }

    @Override
    public Optional<JobInfo> kill(String jobId, List<String> workers, String reason) {
        return manager.kill(jobId, workers, reason);
    }

    @Override
    public boolean delete(String jobId) {
        return manager.delete(jobId);
    }

    @Override
    public List<WorkerInfo> workers() {
        return manager.workers();
    }
}
