package io.colony.worker.internal.remote;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.node.NodeInfo;
import io.colony.api.node.Role;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.CommandExecutor;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.PluginCatalog;
import io.colony.api.worker.PluginDescriptor;
import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.api.Transport;
import io.colony.transport.proto.CancelTask;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import io.colony.transport.proto.PluginInfo;
import io.colony.transport.proto.TaskOutcome;
import io.colony.transport.proto.WorkerOffer;
import io.colony.worker.internal.ManifestPlugins;
import io.colony.worker.internal.SourcePrograms;
import io.colony.worker.internal.PluginRegistry;
import io.colony.worker.internal.remote.TaskOrder.InvalidTaskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The worker's end of remote task execution, configured by {@value RemoteTaskConfiguration#PID}:
 * present only on a node that plays the worker role, while the transport, the local executor, the
 * command executor, the plugin registry and the trust policy are there.
 *
 * <ul>
 * <li>{@code RunTask} requests from managers: checked field by field, then against this worker's
 * own trust policy (a worker never trusts the manager blindly) and its plugins, then run on the
 * local executor (execute, split, reduce) or the command executor; answered with a
 * {@link TaskOutcome}, always, and progress on the way as one-way {@code TaskProgress}.</li>
 * <li>{@code CancelTask} from the node that sent the attempt: the attempt is answered KILLED and its
 * work cancelled. A cancel for an attempt that is not running is ignored (it may just have
 * ended).</li>
 * <li>A node lost: every attempt it sent is cancelled (the manager runs them elsewhere).</li>
 * <li>{@code WorkerOfferRequest}: answered with this worker's {@link WorkerOffer}, which is also
 * pushed to every manager when it connects and whenever the plugins change.</li>
 * </ul>
 * Each node may have at most {@link RemoteTaskSettings#maxAttemptsPerPeer()} attempts in flight
 * here. Transport handlers run on event-loop threads: plugin work is handed to the local executor
 * from there (it only queues it), while starting a process, which may take a while, is handed to a
 * small bounded pool.
 */
@Component(name = RemoteTaskConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = RemoteTaskConfiguration.class)
public final class RemoteTaskServer {

    /** Threads that start commands (a process start can take a while, and must not hold an event loop). */
    static final int STARTER_THREADS = 2;
    /** Attempts waiting for a starter thread; one more is answered FAILED (worker full). */
    static final int STARTER_QUEUE = 1024;
    private static final long STOP_WAIT_SECONDS = 5;
    private static final String MANAGER = Role.MANAGER.label();

    private final String nodeId;
    private final RemoteTaskSettings settings;
    private final LocalExecutor executor;
    private final CommandExecutor commands;
    private final PluginCatalog catalog;
    private final ManifestPlugins manifests;
    private final SourcePrograms sources;
    private final TrustPolicy trust;
    private final Transport transport;
    private final Logger log;
    private final LongSupplier nanoClock;
    private final ThreadPoolExecutor starter;
    /** Tells managers of attempts that run for a while, and guards attempts that outlive their timeout. */
    private final ScheduledThreadPoolExecutor timer;
    private final List<AutoCloseable> registrations = new ArrayList<>();
    private final Object offerLock = new Object();
    /** Attempts in flight by the id of the node that sent them; guarded by itself, as is {@link #closed}. */
    private final Map<String, Map<AttemptKey, Attempt>> attempts = new HashMap<>();
    private boolean closed;

    @Activate
    public RemoteTaskServer(Map<String, Object> properties,
            @Reference(name = "node", target = "(colony.node.roles=worker)") NodeInfo node,
            @Reference(name = "transport") Transport transport,
            @Reference(name = "executor") LocalExecutor executor,
            @Reference(name = "commands") CommandExecutor commands,
            @Reference(name = "plugins") PluginRegistry plugins,
            @Reference(name = "manifests") ManifestPlugins manifests,
            @Reference(name = "sources") SourcePrograms sources,
            @Reference(name = "trust") TrustPolicy trust,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this(settings(properties, executor, log), node.id(), transport, executor, commands, plugins, plugins::onChange, manifests,
                sources, trust, log, System::nanoTime);
        log.info("Worker of node {} serves managers' tasks, at most {} attempts in flight per manager",
                node.id(), settings.maxAttemptsPerPeer());
    }

    /**
     * @param catalogChanges registers a listener to changes of the catalog's plugins; the handle removes it
     * @param manifests whether this worker can install plugins from manifests
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     */
    RemoteTaskServer(RemoteTaskSettings settings, String nodeId, Transport transport, LocalExecutor executor,
            CommandExecutor commands, PluginCatalog catalog, Function<Runnable, AutoCloseable> catalogChanges,
            ManifestPlugins manifests, SourcePrograms sources, TrustPolicy trust, Logger log, LongSupplier nanoClock) {
        this.nodeId = nodeId;
        this.settings = settings;
        this.transport = transport;
        this.executor = executor;
        this.commands = commands;
        this.catalog = catalog;
        this.manifests = manifests;
        this.sources = sources;
        this.trust = trust;
        this.log = log;
        this.nanoClock = nanoClock;
        this.starter = new ThreadPoolExecutor(STARTER_THREADS, STARTER_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(STARTER_QUEUE), threads(), new ThreadPoolExecutor.AbortPolicy());
        starter.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "colony-remote-task-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        try {
            registrations.add(transport.handle(BodyCase.RUN_TASK, (from, request) -> runTask(from, request).thenApply(
                    outcome -> Envelope.newBuilder().setTaskOutcome(outcome).build())));
            registrations.add(transport.handle(BodyCase.CANCEL_TASK, (from, message) -> {
                cancelTask(from, message.getCancelTask());
                return noAnswer();
            }));
            registrations.add(transport.handle(BodyCase.WORKER_OFFER_REQUEST, (from, request) -> CompletableFuture.completedFuture(
                    Envelope.newBuilder().setWorkerOffer(offer()).build())));
            registrations.add(transport.addListener(new PeerListener() {
                @Override
                public void peerConnected(Peer peer) {
                    connected(peer);
                }

                @Override
                public void peerLost(Peer peer, String reason) {
                    lost(peer, reason);
                }
            }));
            registrations.add(catalogChanges.apply(this::pushOffers));
            registrations.add(manifests.onAvailabilityChange(this::pushOffers));
            registrations.add(sources.onAvailabilityChange(this::pushOffers));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        pushOffers();
    }

    private static RemoteTaskSettings settings(Map<String, Object> properties, LocalExecutor executor, Logger log) {
        try {
            return RemoteTaskSettings.read(properties, executor.slots());
        } catch (InvalidConfigurationException e) {
            log.error("Remote tasks stay down: {}", e.getMessage());
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /** Stops serving, answers every attempt in flight FAILED (so that its manager runs it elsewhere) and cancels its work. */
    private void stop() {
        for (AutoCloseable registration : registrations) {
            try {
                registration.close();
            } catch (Exception e) {
                log.warn("Remote tasks: could not remove a handler or listener: {}", e.toString());
            }
        }
        List<Attempt> left;
        synchronized (attempts) {
            closed = true;
            left = attempts.values().stream().flatMap(byKey -> byKey.values().stream()).toList();
        }
        left.forEach(attempt -> attempt.end(Outcomes.failed("worker " + nodeId + " is stopping")));
        timer.shutdownNow();
        starter.shutdownNow();
        try {
            if (!starter.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Remote tasks: a starter thread is still busy {} s after stopping", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!left.isEmpty()) {
            log.info("Remote tasks stopped; {} attempts in flight were answered FAILED and cancelled", left.size());
        }
    }

    /** Attempts in flight now, from every node. */
    int attemptsInFlight() {
        synchronized (attempts) {
            return attempts.values().stream().mapToInt(Map::size).sum();
        }
    }

    // ------------------------------------------------------------------------------------ RunTask

    /** Answers a RunTask; never fails, every problem is an outcome. Called on an event-loop thread. */
    CompletableFuture<TaskOutcome> runTask(Peer from, Envelope request) {
        try {
            return accept(from, request);
        } catch (RuntimeException e) {
            log.error("Remote tasks: a RunTask from node {} could not be handled", from.nodeId(), e);
            return CompletableFuture.completedFuture(Outcomes.failed("worker " + nodeId + " could not handle the task: " + e)
                    .build());
        }
    }

    private CompletableFuture<TaskOutcome> accept(Peer from, Envelope request) {
        TaskOrder order;
        try {
            order = TaskOrder.parse(from.nodeId(), request.getRunTask());
        } catch (InvalidTaskException e) {
            return refuse("a malformed RunTask from node " + from.nodeId(), e.getMessage());
        }
        String refusal = refusal(from, order);
        if (refusal != null) {
            return refuse(order.key() + " (" + order.describe() + ")", refusal);
        }
        Attempt attempt = new Attempt(from, order, nanoClock, this::finished);
        TaskOutcome.Builder notAdmitted = admit(attempt);
        if (notAdmitted != null) {
            log.info("Remote tasks: {} ({}) not admitted: {}", order.key(), order.describe(), notAdmitted.getError());
            return CompletableFuture.completedFuture(notAdmitted.build());
        }
        guard(attempt);
        if (!order.isCommand()) {
            start(attempt);
            return attempt.outcome();
        }
        try {
            starter.execute(() -> start(attempt));
        } catch (RejectedExecutionException e) {
            attempt.end(Outcomes.failed(starter.isShutdown() ? "worker " + nodeId + " is stopping"
                    : "worker " + nodeId + " is full: " + STARTER_QUEUE + " tasks are waiting to start"));
        }
        return attempt.outcome();
    }

    private CompletableFuture<TaskOutcome> refuse(String what, String reason) {
        log.info("Remote tasks: refused {}: {}", what, reason);
        return CompletableFuture.completedFuture(Outcomes.refused(reason).build());
    }

    /** Why this worker will not run the order at all, or null when it may. */
    private String refusal(Peer from, TaskOrder order) {
        if (!from.roles().contains(MANAGER)) {
            return "node " + from.nodeId() + " is not a manager (its roles: " + String.join(",", from.roles()) + ")";
        }
        if (order.source() != null) {
            String refusal = sources.refusal(order.source().entryClass());
            return refusal == null ? null : "worker " + nodeId + ": " + refusal;
        }
        Request request = order.isCommand() ? new Request.RunCommand(order.command())
                : order.manifest() != null ? new Request.InstallArtifacts(order.manifest().bundles(), order.manifest().repositoryUrls())
                : new Request.RunPlugin(order.plugin(), order.versionRange() == null ? "" : order.versionRange());
        Decision decision;
        try {
            decision = trust.check(request);
        } catch (RuntimeException e) {
            log.error("Remote tasks: the trust policy failed on {}; the task is refused", order.key(), e);
            return "the trust policy of worker " + nodeId + " could not decide: " + e;
        }
        if (decision == null || !decision.allowed()) {
            return "the trust policy of worker " + nodeId + " denies it: "
                    + (decision == null ? "the policy gave no decision" : decision.reason());
        }
        if (order.isCommand()) {
            return null;
        }
        if (order.manifest() != null) {
            return manifests.available() ? null
                    : "worker " + nodeId + " cannot install plugins from a manifest: colony-deployer is not running on it";
        }
        Optional<PluginDescriptor> plugin;
        try {
            plugin = catalog.find(order.plugin(), order.versionRange());
        } catch (IllegalArgumentException e) {
            return "plugin.version_range: " + e.getMessage();
        }
        if (plugin.isEmpty()) {
            List<PluginDescriptor> present = catalog.plugins();
            return "worker " + nodeId + " has no plugin '" + order.plugin() + "'"
                    + (order.versionRange() == null ? "" : " in version range " + order.versionRange()) + "; it has: "
                    + (present.isEmpty() ? "none" : String.join(", ", present.stream().map(p -> p.name() + " " + p.version()).toList()));
        }
        return null;
    }

    /** Registers the attempt; the outcome when it cannot be (duplicate, too many from that node, stopping), else null. */
    private TaskOutcome.Builder admit(Attempt attempt) {
        AttemptKey key = attempt.key();
        synchronized (attempts) {
            if (closed) {
                return Outcomes.failed("worker " + nodeId + " is stopping");
            }
            Map<AttemptKey, Attempt> fromNode = attempts.computeIfAbsent(key.nodeId(), id -> new HashMap<>());
            if (fromNode.containsKey(key)) {
                return Outcomes.refused(key + " is already running on worker " + nodeId);
            }
            if (fromNode.size() >= settings.maxAttemptsPerPeer()) {
                return Outcomes.failed("worker " + nodeId + " is full: node " + key.nodeId() + " already has " + fromNode.size()
                        + " task attempts in flight here, the most it may have (" + RemoteTaskSettings.MAX_ATTEMPTS_PER_PEER + ")");
            }
            fromNode.put(key, attempt);
        }
        return null;
    }

    /**
     * Tells the attempt's node that it was received once it has run for {@link RemoteTaskSettings#receivedDelay()}, and
     * answers FAILED should the executor never end it (it times the work out itself, so this is a safety net).
     */
    private void guard(Attempt attempt) {
        Duration timeout = attempt.order().timeout();
        List<ScheduledFuture<?>> timers = new ArrayList<>(2);
        try {
            if (!settings.receivedDelay().isZero()) {
                timers.add(timer.schedule(attempt.progress()::started, settings.receivedDelay().toNanos(), TimeUnit.NANOSECONDS));
            }
            timers.add(timer.schedule(() -> {
                if (attempt.end(Outcomes.failed("no outcome " + settings.guardGrace().toMillis() + " ms after the timeout of "
                        + timeout.toMillis() + " ms; the work was cancelled"))) {
                    log.warn("Remote tasks: {} had no outcome {} ms past its timeout; answered FAILED", attempt.key(),
                            settings.guardGrace().toMillis());
                }
            }, timeout.plus(settings.guardGrace()).toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException stopping) {
            attempt.end(Outcomes.failed("worker " + nodeId + " is stopping"));
        }
        attempt.outcome().whenComplete((outcome, failure) -> timers.forEach(scheduled -> scheduled.cancel(false)));
    }

    /** Hands the attempt to its executor: on the event loop for plugin work, on a starter thread for a command. */
    private void start(Attempt attempt) {
        if (attempt.hasEnded()) {
            return;
        }
        TaskOrder order = attempt.order();
        try {
            if (settings.receivedDelay().isZero()) {
                attempt.progress().started();
            }
            if (order.isCommand()) {
                attempt.runs(commands.run(order.command(), order.timeout()), Outcomes::command);
                return;
            }
            switch (order.phase()) {
                case SPLIT -> attempt.runs(executor.split(order.request(), order.chunks()), Outcomes::split);
                case REDUCE -> attempt.runs(executor.reduce(order.request(), order.parts()), Outcomes::succeeded);
                default -> attempt.runs(executor.run(order.request(), attempt.progress()), Outcomes::succeeded);
            }
        } catch (RuntimeException e) {
            log.error("Remote tasks: {} could not be started", order.key(), e);
            attempt.end(Outcomes.failed("worker " + nodeId + " could not start the task: " + e));
        }
    }

    private void finished(Attempt attempt, TaskOutcome outcome) {
        AttemptKey key = attempt.key();
        synchronized (attempts) {
            Map<AttemptKey, Attempt> fromNode = attempts.get(key.nodeId());
            if (fromNode != null && fromNode.remove(key, attempt) && fromNode.isEmpty()) {
                attempts.remove(key.nodeId());
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("Remote tasks: {} ({}) ended {} after {} ms{}", key, attempt.order().describe(), outcome.getStatus(),
                    outcome.getElapsedMillis(), outcome.getError().isEmpty() ? "" : ": " + outcome.getError());
        }
    }

    // ------------------------------------------------------------------------ cancellation, peers

    /** A CancelTask: ends that node's attempt KILLED, which cancels its work; unknown attempts are ignored. */
    void cancelTask(Peer from, CancelTask cancel) {
        AttemptKey key = new AttemptKey(from.nodeId(), cancel.getJobId(), cancel.getTaskIndex(), cancel.getAttempt());
        Attempt attempt;
        synchronized (attempts) {
            attempt = attempts.getOrDefault(key.nodeId(), Map.of()).get(key);
        }
        String reason = cancel.getReason().isBlank() ? "cancelled by node " + from.nodeId()
                : "cancelled by node " + from.nodeId() + ": " + cancel.getReason();
        if (attempt != null && attempt.end(Outcomes.killed(reason))) {
            log.info("Remote tasks: {} {}", key, reason);
        } else {
            log.debug("Remote tasks: cancel for {}, which is not in flight here, ignored", key);
        }
    }

    private void connected(Peer peer) {
        // A connection that closed while its node reconnected is not always reported lost: its attempts end here.
        endAttempts(peer.nodeId(), attempt -> attempt.peer() != peer && !attempt.peer().isConnected(),
                "the connection from node " + peer.nodeId() + " that sent it was replaced");
        if (peer.roles().contains(MANAGER)) {
            synchronized (offerLock) {
                send(peer, offer());
            }
        }
    }

    private void lost(Peer peer, String reason) {
        endAttempts(peer.nodeId(), attempt -> attempt.peer() == peer, "node " + peer.nodeId() + " was lost: " + reason);
    }

    private void endAttempts(String fromNode, Predicate<Attempt> which, String reason) {
        List<Attempt> ending;
        synchronized (attempts) {
            ending = attempts.getOrDefault(fromNode, Map.of()).values().stream().filter(which).toList();
        }
        long ended = ending.stream().filter(attempt -> attempt.end(Outcomes.killed(reason))).count();
        if (ended > 0) {
            log.info("Remote tasks: {} attempts cancelled, {}", ended, reason);
        }
    }

    // ------------------------------------------------------------------------------------- offers

    /** What this worker offers: its plugins and slots. */
    WorkerOffer offer() {
        WorkerOffer.Builder offer = WorkerOffer.newBuilder().setSlots(executor.slots()).setInstallsManifests(manifests.available())
                .setRunsSource(sources.available());
        for (PluginDescriptor plugin : catalog.plugins()) {
            offer.addPlugins(PluginInfo.newBuilder().setName(plugin.name()).setVersion(plugin.version())
                    .setDescription(plugin.description()).setBundle(plugin.bundle()).setSplittable(plugin.splittable()));
        }
        return offer.build();
    }

    /** Sends the current offer to every connected manager; one push at a time, so a newer offer never overtakes an older one. */
    private void pushOffers() {
        synchronized (offerLock) {
            WorkerOffer offer = offer();
            for (Peer peer : transport.peers()) {
                if (peer.roles().contains(MANAGER)) {
                    send(peer, offer);
                }
            }
        }
    }

    private void send(Peer peer, WorkerOffer offer) {
        peer.send(Envelope.newBuilder().setWorkerOffer(offer).build()).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.debug("Remote tasks: the worker offer to node {} was not sent: {}", peer.nodeId(), failure.toString());
            }
        });
    }

    /** What a handler of one-way messages returns: the transport ignores it, but wants one. */
    private static CompletableFuture<Envelope> noAnswer() {
        return CompletableFuture.completedFuture(Envelope.getDefaultInstance());
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory defaults = Executors.defaultThreadFactory();
        return runnable -> {
            Thread thread = defaults.newThread(runnable);
            thread.setName("colony-remote-task-starter-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
