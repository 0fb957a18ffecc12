package io.colony.manager.internal.job;

import io.colony.api.cluster.Member;
import io.colony.api.job.JobEvents;
import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskSetup;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.Targets;
import io.colony.api.job.Work;
import io.colony.api.job.Work.PluginWork;
import io.colony.api.job.WorkerInfo;
import io.colony.api.plugin.Payload;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.PluginDescriptor;
import io.colony.api.worker.TaskListener;
import io.colony.manager.internal.placement.SlotBook;
import io.colony.manager.internal.placement.WorkerQuery;
import io.colony.manager.internal.placement.WorkerSelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.log.Logger;

/**
 * The manager's engine: accepts jobs, splits them, places their tasks on workers, retries and fails over, reduces,
 * and announces every step. All of its state lives on one dispatcher thread; the public methods hop onto it.
 */
final class JobManager implements JobService, AutoCloseable {

    /** How long a caller waits for the dispatcher before giving up. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Queued tasks looked at per dispatch round when the first ones cannot be placed. */
    static final int DISPATCH_SCAN = 1000;
    static final int MAX_LIST = 1000;

    private final ManagerSettings settings;
    private final JobJournal journal;
    private final TrustPolicy trust;
    private final JobEventSink events;
    private final ResultPoster poster;
    private final Clock clock;
    private final Logger log;
    private final ScheduledExecutorService dispatcher;

    // ---- dispatcher-confined state
    private final Map<String, JobRun> active = new LinkedHashMap<>();
    private final PriorityQueue<TaskRun> ready = new PriorityQueue<>(Comparator
            .comparingInt((TaskRun task) -> -task.job.spec.priority())
            .thenComparing(task -> task.job.id, JobManager::compareIds)
            .thenComparingInt(task -> task.index));
    private final Map<String, WorkerEntry> workers = new LinkedHashMap<>();
    /** Jobs whose split or reduce waits for a worker with the plugin. */
    private final java.util.Set<JobRun> awaitingPhaseWorker = new java.util.LinkedHashSet<>();
    private final SlotBook slots;
    private final WorkerSelector selector;
    /** Per plugin name, the workers that ran it last (for plugin affinity). */
    private final Map<String, ArrayDeque<String>> recentWorkers = new HashMap<>();
    private long lastId;
    private boolean closed;

    JobManager(ManagerSettings settings, JobJournal journal, TrustPolicy trust, JobEventSink events, ResultPoster poster,
            Clock clock, Logger log) {
        this.settings = settings;
        this.journal = journal;
        this.trust = trust;
        this.events = events;
        this.poster = poster;
        this.clock = clock;
        this.log = log;
        this.slots = new SlotBook(settings.slots());
        this.selector = new WorkerSelector(slots);
        this.dispatcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "colony-manager-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reloads the unfinished jobs and starts the retention sweep. */
    void start() {
        call(() -> {
            lastId = journal.highestJobId();
            for (JobRun job : journal.unfinished(this::rebuild)) {
                active.put(job.id, job);
                for (TaskRun task : job.tasks) {
                    if (!task.status.isFinal()) {
                        task.status = TaskStatus.QUEUED;
                        ready.add(task);
                    }
                }
                log.info("Resuming {} ({} of {} tasks left)", job, job.tasks.stream().filter(t -> !t.status.isFinal()).count(),
                        job.tasks.size());
                advance(job);
            }
            pump();
            return null;
        });
        long sweep = Math.max(1, Math.min(60, settings.retention().toSeconds() / 2));
        dispatcher.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.SECONDS);
    }

    private JobRun rebuild(String id, JobSpec spec, Instant submittedAt) {
        return new JobRun(id, spec, submittedAt, queryOf(spec.targets()));
    }

    // ================================================================ workers

    /** A worker joined (or its connection was replaced): it takes tasks once it offered its plugins. */
    void workerJoined(WorkerEndpoint endpoint, boolean local, Member member) {
        onDispatcher(() -> {
            WorkerEntry previous = workers.put(endpoint.workerId(), new WorkerEntry(endpoint, local, member));
            if (previous != null) {
                log.info("Worker {} reconnected", endpoint.workerId());
            }
        });
    }

    /** A worker told what it offers. */
    void workerOffered(String workerId, List<PluginDescriptor> plugins, int workerSlots, WorkerCapabilities capabilities) {
        onDispatcher(() -> {
            WorkerEntry entry = workers.get(workerId);
            if (entry == null) {
                return;
            }
            entry.plugins = List.copyOf(plugins);
            entry.slots = workerSlots;
            entry.capabilities = capabilities;
            int capacity = settings.slots() > 0 ? settings.slots() : workerSlots;
            if (capacity > 0) {
                slots.configure(workerId, capacity + settings.prefetch(capacity));
            }
            log.debug("Worker {} offers {} plugins and {} slots", workerId, plugins.size(), workerSlots);
            pump();
        });
    }

    /** A worker's state or hardware changed. */
    void workerUpdated(String workerId, Member member) {
        onDispatcher(() -> {
            WorkerEntry entry = workers.get(workerId);
            if (entry != null) {
                boolean wasAvailable = entry.member.state() == io.colony.api.cluster.MemberState.AVAILABLE;
                entry.member = member;
                if (!wasAvailable && member.state() == io.colony.api.cluster.MemberState.AVAILABLE) {
                    pump();
                }
            }
        });
    }

    /**
     * A worker is gone. Its attempts end LOST through their own futures (the transport fails them); here it only
     * stops receiving tasks.
     */
    void workerLeft(String workerId, WorkerEndpoint endpoint, String reason) {
        onDispatcher(() -> forget(workerId, endpoint, reason));
    }

    /** Takes a worker off the list; queued tasks pinned to it are lost. */
    private void forget(String workerId, WorkerEndpoint endpoint, String reason) {
        WorkerEntry entry = workers.get(workerId);
        if (entry != null && entry.endpoint == endpoint) {
            workers.remove(workerId);
            slots.forget(workerId);
            log.info("Worker {} left: {}", workerId, reason);
            for (JobRun job : List.copyOf(active.values())) {
                for (TaskRun task : job.tasks) {
                    if (task.status == TaskStatus.QUEUED && workerId.equals(task.pinnedTo)) {
                        finishTask(task, TaskStatus.LOST, "worker " + workerId + " left: " + reason);
                    }
                }
                advance(job);
            }
            pump();
        }
    }

    // ================================================================ JobService

    @Override
    public JobHandle submit(JobSpec spec, String apiToken) throws JobRejectedException {
        Decision decision = trust.check(trustRequest(spec.work(), apiToken == null ? "" : apiToken));
        if (!decision.allowed()) {
            throw new JobRejectedException(JobRejectedException.Reason.FORBIDDEN, workField(spec.work()),
                    "the trust policy denies it: " + decision.reason());
        }
        WorkerQuery query;
        try {
            query = queryOf(spec.targets());
        } catch (IllegalArgumentException e) {
            throw JobRejectedException.invalid("targets.query", e.getMessage());
        }
        try {
            return call(() -> accept(spec, query));
        } catch (RejectedOnDispatcher e) {
            throw e.rejection;
        }
    }

    /** What the trust policy is asked before a job is accepted. */
    private static Request trustRequest(Work work, String apiToken) {
        if (work instanceof PluginWork plugin) {
            return plugin.hasManifest() ? new Request.InstallArtifacts(plugin.manifest().bundles(), plugin.manifest().repositoryUrls())
                    : new Request.RunPlugin(plugin.name(), plugin.versionRange() == null ? "" : plugin.versionRange());
        }
        if (work instanceof Work.SourceWork source) {
            return new Request.RunSource(source.source().entryClass(), apiToken);
        }
        return new Request.RunCommand(((Work.CommandWork) work).commandLine());
    }

    /** The spec field a rejection of the work names. */
    private static String workField(Work work) {
        if (work instanceof PluginWork plugin) {
            return plugin.hasManifest() ? "manifest" : "plugin";
        }
        return work instanceof Work.SourceWork ? "source" : "command";
    }

    private JobHandle accept(JobSpec spec, WorkerQuery query) throws RejectedOnDispatcher {
        if (closed) {
            throw new RejectedOnDispatcher(new JobRejectedException(JobRejectedException.Reason.OVERLOADED, "",
                    "the manager is stopping"));
        }
        if (active.size() >= settings.maxActiveJobs()) {
            throw new RejectedOnDispatcher(new JobRejectedException(JobRejectedException.Reason.OVERLOADED, "",
                    "the manager already runs " + active.size() + " jobs, its limit; try again later"));
        }
        List<String> pins = pinsOf(spec, query);
        JobRun job = new JobRun(nextId(), spec, clock.instant(), query);
        if (!spec.isSplit()) {
            if (pins.isEmpty()) {
                job.tasks.add(new TaskRun(job, 0, spec.input(), null));
            }
            for (int index = 0; index < pins.size(); index++) {
                job.tasks.add(new TaskRun(job, index, spec.input(), pins.get(index)));
            }
        }
        CompletableFuture<Void> stored = journal.submitted(job);
        active.put(job.id, job);
        ready.addAll(job.tasks);
        events.post(JobEvents.JOB_SUBMITTED, Map.of(JobEvents.JOB_ID, job.id, JobEvents.STATUS, job.status.name()));
        advance(job);
        pump();
        return new JobHandle(job.id, job.completion.copy(), stored.copy());
    }

    /** Checks the targets against the workers known now; the workers each task of a pool is pinned to. */
    private List<String> pinsOf(JobSpec spec, WorkerQuery query) throws RejectedOnDispatcher {
        PluginWork plugin = spec.work() instanceof PluginWork p ? p : null;
        if (plugin != null) {
            try {
                WorkerEntry.range(plugin.versionRange());
            } catch (IllegalArgumentException e) {
                throw rejected("plugin.version", "'" + plugin.versionRange() + "' is not an OSGi version range: " + e.getMessage());
            }
            if (plugin.hasManifest() && workers.values().stream().noneMatch(w -> w.capabilities.installsManifests())) {
                throw rejected("manifest", "no worker can install plugins from a manifest (none runs colony-deployer; workers: "
                        + describeWorkers() + ")");
            }
            if (workers.values().stream().noneMatch(w -> w.has(plugin, spec.isSplit()))) {
                throw rejected("plugin", "no worker has plugin '" + plugin.name() + "'"
                        + (plugin.versionRange() == null ? "" : " in version range " + plugin.versionRange())
                        + (spec.isSplit() ? " with a splitter" : "") + " (workers: " + describeWorkers() + ")");
            }
        }
        if (spec.work() instanceof Work.SourceWork && workers.values().stream().noneMatch(w -> w.capabilities.runsSource())) {
            throw rejected("source", "no worker runs source jobs (none runs colony-sandbox; workers: " + describeWorkers() + ")");
        }
        Targets targets = spec.targets();
        if (targets instanceof Targets.Workers named) {
            for (int i = 0; i < named.ids().size(); i++) {
                String id = named.ids().get(i);
                WorkerEntry entry = workers.get(id);
                if (entry == null) {
                    throw rejected("targets.workers[" + i + "]", "no worker '" + id + "' (workers: " + describeWorkers() + ")");
                }
                if (plugin != null && !entry.has(plugin, false)) {
                    throw rejected("targets.workers[" + i + "]", "worker '" + id + "' does not have plugin '" + plugin.name() + "'");
                }
                if (spec.work() instanceof Work.SourceWork && !entry.capabilities.runsSource()) {
                    throw rejected("targets.workers[" + i + "]", "worker '" + id + "' does not run source jobs (it has no colony-sandbox)");
                }
            }
            return spec.isSplit() ? List.of() : named.ids();
        }
        if (targets instanceof Targets.Any) {
            return List.of();
        }
        List<String> matching = selector.matching(members(spec.work()), query).stream().map(Member::id).sorted().toList();
        if (matching.isEmpty()) {
            throw rejected("targets", selector.whyNone(members(spec.work()), query));
        }
        return spec.isSplit() ? List.of() : matching;
    }

    @Override
    public Optional<JobInfo> job(String id) {
        Optional<JobInfo> running = call(() -> Optional.ofNullable(active.get(id)).map(JobRun::info));
        return running.isPresent() ? running : journal.job(id);
    }

    @Override
    public List<JobInfo> jobs(JobStatus status, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit: must be from 1 to " + MAX_LIST + ", was " + limit);
        }
        List<JobInfo> running = call(() -> active.values().stream().map(JobRun::info)
                .filter(info -> status == null || info.status() == status).toList());
        Map<String, JobInfo> byId = new LinkedHashMap<>();
        if (status == null || !status.isFinal()) {
            running.forEach(info -> byId.put(info.id(), info));
        }
        if (status == null || status.isFinal()) {
            journal.jobs(status, limit).forEach(info -> byId.putIfAbsent(info.id(), info));
        }
        return byId.values().stream().sorted((a, b) -> compareIds(b.id(), a.id())).limit(limit).toList();
    }

    @Override
    public Optional<List<TaskInfo>> tasks(String jobId) {
        Optional<List<TaskInfo>> running = call(() -> Optional.ofNullable(active.get(jobId))
                .map(job -> job.tasks.stream().map(TaskRun::info).toList()));
        return running.isPresent() ? running : journal.tasks(jobId);
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        Optional<Optional<JobResult>> known = call(() -> Optional.ofNullable(active.get(jobId))
                .map(job -> job.phase == JobRun.Phase.DONE ? Optional.of(job.outcome()) : Optional.<JobResult>empty()));
        return known.orElseGet(() -> journal.result(jobId));
    }

    @Override
    public CompletableFuture<JobResult> completion(String jobId) {
        Optional<CompletableFuture<JobResult>> running = call(() -> Optional.ofNullable(active.get(jobId))
                .map(job -> job.completion.copy()));
        if (running.isPresent()) {
            return running.get();
        }
        return journal.result(jobId).map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(new NoSuchElementException("no job " + jobId)));
    }

    @Override
    public Optional<JobInfo> kill(String jobId, String reason) {
        return kill(jobId, null, reason);
    }

    @Override
    public Optional<JobInfo> kill(String jobId, List<String> onWorkers, String reason) {
        String why = reason == null || reason.isBlank() ? "killed" : reason;
        Optional<JobInfo> running = call(() -> {
            JobRun job = active.get(jobId);
            if (job == null) {
                return Optional.empty();
            }
            if (onWorkers == null) {
                job.error = why;
            }
            for (TaskRun task : List.copyOf(job.tasks)) {
                if (!task.status.isFinal() && (onWorkers == null || onWorkers.contains(task.pinnedTo)
                        || onWorkers.contains(task.worker))) {
                    cancelAttempt(task, why);
                    finishTask(task, TaskStatus.KILLED, why);
                }
            }
            if (onWorkers == null) {
                finishJob(job, JobStatus.KILLED, why);
            } else {
                advance(job);
            }
            pump();
            return Optional.of(job.info());
        });
        return running.isPresent() ? running : journal.job(jobId);
    }

    @Override
    public boolean delete(String jobId) {
        boolean running = call(() -> active.containsKey(jobId));
        return !running && journal.delete(jobId);
    }

    @Override
    public List<WorkerInfo> workers() {
        return call(() -> workers.values().stream()
                .sorted(Comparator.comparing((WorkerEntry w) -> !w.local).thenComparing(WorkerEntry::id))
                .map(w -> w.info(slots.capacity(w.member))).toList());
    }

    // ================================================================ the life of a job

    /** Moves a job on: starts its split or its reduce, or ends it, as its state calls for. */
    private void advance(JobRun job) {
        if (job.phase == JobRun.Phase.DONE || job.phaseBusy) {
            return;
        }
        if (job.phase == JobRun.Phase.SPLIT) {
            runPhase(job, true);
            return;
        }
        if (job.phase == JobRun.Phase.RUN && job.allTasksFinal()) {
            Optional<TaskRun> failed = job.tasks.stream()
                    .filter(t -> t.status == TaskStatus.FAILED || t.status == TaskStatus.LOST).findFirst();
            Optional<TaskRun> killed = job.tasks.stream().filter(t -> t.status == TaskStatus.KILLED).findFirst();
            if (failed.isPresent()) {
                finishJob(job, JobStatus.FAILED, failed.get() + " " + failed.get().status + ": " + failed.get().error);
            } else if (killed.isPresent()) {
                finishJob(job, JobStatus.KILLED, killed.get() + " was killed: " + killed.get().error);
            } else if (job.spec.isSplit()) {
                job.phase = JobRun.Phase.REDUCE;
                runPhase(job, false);
            } else if (!job.spec.targets().fansOut()) {
                job.result = job.tasks.get(0).output;
                finishJob(job, JobStatus.SUCCEEDED, null);
            } else {
                job.result = PoolResults.of(job.tasks.stream().map(TaskRun::result).toList());
                finishJob(job, JobStatus.SUCCEEDED, null);
            }
        } else if (job.phase == JobRun.Phase.REDUCE) {
            runPhase(job, false);
        }
    }

    /** Runs a split (or reduce) on a worker that has the plugin, the manager's own first. */
    private void runPhase(JobRun job, boolean split) {
        PluginWork plugin = (PluginWork) job.spec.work();
        Optional<WorkerEntry> worker = workers.values().stream()
                .filter(w -> w.member.state() == io.colony.api.cluster.MemberState.AVAILABLE && w.has(plugin, true))
                .min(Comparator.comparing((WorkerEntry w) -> !w.local).thenComparing(WorkerEntry::id));
        if (worker.isEmpty()) {
            awaitingPhaseWorker.add(job); // pump advances it once a worker with the plugin is there
            return;
        }
        awaitingPhaseWorker.remove(job);
        job.phaseBusy = true;
        job.phaseAttempts++;
        markStarted(job);
        WorkerEndpoint endpoint = worker.get().endpoint;
        if (split) {
            endpoint.split(job.id, plugin, job.spec.input(), job.spec.chunks(), job.spec.taskTimeout())
                    .thenAccept(outcome -> onDispatcher(() -> splitDone(job, endpoint.workerId(), outcome)));
        } else {
            List<Payload> parts = job.tasks.stream().map(task -> task.output).toList();
            endpoint.reduce(job.id, plugin, job.spec.input(), parts, job.spec.taskTimeout())
                    .thenAccept(outcome -> onDispatcher(() -> reduceDone(job, endpoint.workerId(), outcome)));
        }
    }

    private void splitDone(JobRun job, String workerId, WorkerEndpoint.PhaseOutcome<List<Payload>> outcome) {
        job.phaseBusy = false;
        if (job.phase != JobRun.Phase.SPLIT) {
            return;
        }
        if (!outcome.succeeded()) {
            phaseFailed(job, "split", workerId, outcome);
            return;
        }
        List<Payload> chunks = outcome.value();
        for (int index = 0; index < chunks.size(); index++) {
            job.tasks.add(new TaskRun(job, index, chunks.get(index), null));
        }
        job.phase = JobRun.Phase.RUN;
        job.phaseAttempts = 0;
        journal.split(job);
        ready.addAll(job.tasks);
        log.debug("{} split into {} chunks on {}", job, chunks.size(), workerId);
        advance(job);
        pump();
    }

    private void reduceDone(JobRun job, String workerId, WorkerEndpoint.PhaseOutcome<Payload> outcome) {
        job.phaseBusy = false;
        if (job.phase != JobRun.Phase.REDUCE) {
            return;
        }
        if (!outcome.succeeded()) {
            phaseFailed(job, "reduce", workerId, outcome);
            return;
        }
        job.result = outcome.value();
        finishJob(job, JobStatus.SUCCEEDED, null);
    }

    /** A split or reduce failed: lost workers are retried within the job's retries, plugin errors end the job. */
    private void phaseFailed(JobRun job, String step, String workerId, WorkerEndpoint.PhaseOutcome<?> outcome) {
        String error = step + " on " + workerId + " " + outcome.failure().name().toLowerCase(java.util.Locale.ROOT)
                + ": " + outcome.error();
        if (outcome.failure() == Outcome.Kind.LOST && job.phaseAttempts <= job.spec.retries()) {
            log.info("{}: {}; trying again", job, error);
            advance(job);
        } else {
            finishJob(job, JobStatus.FAILED, error);
        }
    }

    private void markStarted(JobRun job) {
        if (job.status == JobStatus.QUEUED) {
            job.status = JobStatus.RUNNING;
            job.startedAt = clock.instant();
            journal.jobChanged(job, () -> { });
        }
    }

    private void finishJob(JobRun job, JobStatus status, String error) {
        if (job.phase == JobRun.Phase.DONE) {
            return;
        }
        for (TaskRun task : job.tasks) {
            if (!task.status.isFinal()) {
                cancelAttempt(task, "job " + job.id + " ended " + status);
                finishTask(task, TaskStatus.KILLED, "job " + job.id + " ended " + status + (error == null ? "" : ": " + error));
            }
        }
        job.phase = JobRun.Phase.DONE;
        awaitingPhaseWorker.remove(job);
        job.status = status;
        job.error = status == JobStatus.SUCCEEDED ? null : error;
        job.finishedAt = clock.instant();
        if (status != JobStatus.SUCCEEDED) {
            job.result = Payload.empty();
        }
        JobResult outcome = job.outcome();
        // the job stays listed as active (with its outcome in memory) until its end is in the store
        journal.jobChanged(job, () -> onDispatcher(() -> active.remove(job.id)));
        Map<String, Object> properties = new HashMap<>();
        properties.put(JobEvents.JOB_ID, job.id);
        properties.put(JobEvents.STATUS, status.name());
        properties.put(JobEvents.JOB_PROGRESS, job.progress());
        if (job.error != null) {
            properties.put(JobEvents.ERROR, job.error);
        }
        events.post(JobEvents.JOB_COMPLETE, properties);
        job.completion.complete(outcome);
        poster.deliver(job.spec.result(), outcome);
        if (status == JobStatus.SUCCEEDED) {
            log.debug("{} {}", job, status);
        } else {
            log.info("{} {}: {}", job, status, error);
        }
    }

    // ================================================================ dispatching tasks

    /** Sends as many queued tasks as the workers have room for. */
    private void pump() {
        if (closed) {
            return;
        }
        for (JobRun job : List.copyOf(awaitingPhaseWorker)) {
            advance(job);
        }
        List<TaskRun> skipped = new ArrayList<>();
        int scanned = 0;
        while (!ready.isEmpty() && scanned < DISPATCH_SCAN && hasRoom()) {
            TaskRun task = ready.poll();
            if (task.status != TaskStatus.QUEUED || task.job.phase != JobRun.Phase.RUN) {
                continue;
            }
            Optional<WorkerEntry> worker = place(task);
            if (worker.isPresent()) {
                send(task, worker.get());
            } else {
                skipped.add(task);
                scanned++;
            }
        }
        ready.addAll(skipped);
    }

    private boolean hasRoom() {
        for (WorkerEntry worker : workers.values()) {
            if (slots.hasFree(worker.member)) {
                return true;
            }
        }
        return false;
    }

    private Optional<WorkerEntry> place(TaskRun task) {
        PluginWork plugin = task.job.spec.work() instanceof PluginWork p ? p : null;
        List<Member> candidates = new ArrayList<>();
        for (WorkerEntry worker : workers.values()) {
            if (worker.endpoint.isConnected() && (task.pinnedTo == null || task.pinnedTo.equals(worker.id()))
                    && !task.refusedBy.contains(worker.id())
                    && worker.canRun(task.job.spec.work())) {
                candidates.add(worker.member);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        ArrayDeque<String> recent = plugin == null ? null : recentWorkers.get(plugin.name());
        return selector.select(candidates, task.job.query, strategyOf(task.job.spec),
                id -> recent != null && recent.contains(id)).map(member -> workers.get(member.id()));
    }

    private void send(TaskRun task, WorkerEntry worker) {
        JobRun job = task.job;
        markStarted(job);
        task.attempts++;
        task.status = TaskStatus.RUNNING;
        task.worker = worker.id();
        task.startedAt = clock.instant();
        task.finishedAt = null;
        task.progress = 0;
        task.error = null;
        task.setup = null;
        task.diagnostics = List.of();
        Attempt attempt = new Attempt(job.id, task.index, task.attempts, job.spec.work(), task.input, job.spec.taskTimeout());
        task.current = attempt;
        worker.running++;
        journal.taskChanged(task);
        if (job.spec.work() instanceof PluginWork plugin) {
            remember(plugin.name(), worker.id());
        }
        WorkerEndpoint endpoint = worker.endpoint;
        endpoint.execute(attempt, new TaskListener() {
            @Override
            public void accept(double fraction) {
                onDispatcher(() -> progressed(task, attempt, fraction));
            }

            @Override
            public void setUp(TaskSetup setup) {
                onDispatcher(() -> setUpDone(task, attempt, setup));
            }
        })
                .whenComplete((outcome, failure) -> onDispatcher(() -> {
                    slots.release(endpoint.workerId());
                    WorkerEntry entry = workers.get(endpoint.workerId());
                    if (entry != null && entry.endpoint == endpoint) {
                        entry.running--;
                        if (!endpoint.isConnected()) {
                            forget(endpoint.workerId(), endpoint, "its connection is lost");
                        }
                    }
                    ended(task, attempt, failure == null ? outcome
                            : Outcome.of(Outcome.Kind.LOST, "worker " + endpoint.workerId() + ": " + failure));
                    pump();
                }));
    }

    private void progressed(TaskRun task, Attempt attempt, double fraction) {
        if (task.current != attempt || task.status != TaskStatus.RUNNING) {
            return;
        }
        boolean received = fraction == 0 && task.progress == 0;
        task.progress = fraction;
        Map<String, Object> properties = taskEvent(task);
        properties.put(JobEvents.PROGRESS, fraction);
        events.post(received ? JobEvents.TASK_RECEIVED : JobEvents.TASK_PROGRESS, properties);
    }

    /** A worker made a manifest task's bundles live and is about to run it. */
    private void setUpDone(TaskRun task, Attempt attempt, TaskSetup setup) {
        if (closed || task.current != attempt) {
            return;
        }
        task.setup = setup;
        journal.taskChanged(task);
        Map<String, Object> properties = taskEvent(task);
        properties.put(JobEvents.ARTIFACTS, setup.artifacts().toArray(String[]::new));
        properties.put(JobEvents.SETUP_MILLIS, setup.time().toMillis());
        properties.put(JobEvents.FROM_CACHE, setup.fromCache());
        log.debug("{} set up on {} in {} ms ({} artifacts{})", task, task.worker, setup.time().toMillis(), setup.artifacts().size(),
                setup.fromCache() ? ", all cached" : "");
        events.post(JobEvents.TASK_CONFIG_COMPLETE, properties);
    }

    /** An attempt ended: the task succeeded, or is retried, or ends FAILED, LOST or KILLED. */
    private void ended(TaskRun task, Attempt attempt, Outcome outcome) {
        if (closed || task.current != attempt) {
            return;
        }
        task.current = null;
        if (task.status.isFinal()) {
            return;
        }
        task.diagnostics = outcome.diagnostics();
        JobRun job = task.job;
        switch (outcome.kind()) {
            case SUCCEEDED -> {
                task.output = outcome.output();
                task.exitCode = outcome.exitCode();
                if (outcome.exitCode() != null && outcome.exitCode() != 0) {
                    finishTask(task, TaskStatus.FAILED, "the command exited with code " + outcome.exitCode());
                } else {
                    finishTask(task, TaskStatus.SUCCEEDED, null);
                }
            }
            case KILLED -> finishTask(task, TaskStatus.KILLED, outcome.error());
            case REFUSED -> {
                task.refusedBy.add(task.worker);
                retryOrEnd(task, TaskStatus.FAILED, "worker " + task.worker + " refused it: " + outcome.error(),
                        task.pinnedTo == null);
            }
            case FAILED -> retryOrEnd(task, TaskStatus.FAILED, "failed on " + task.worker + ": " + outcome.error(), true);
            case LOST -> retryOrEnd(task, TaskStatus.LOST, "lost on " + task.worker + ": " + outcome.error(), true);
        }
        if (job.failedTasks > 0 && !job.spec.targets().fansOut()) {
            TaskRun failed = job.tasks.stream()
                    .filter(t -> t.status == TaskStatus.FAILED || t.status == TaskStatus.LOST).findFirst().orElseThrow();
            finishJob(job, JobStatus.FAILED, failed + " " + failed.status + ": " + failed.error);
        } else {
            advance(job);
        }
    }

    private void retryOrEnd(TaskRun task, TaskStatus finalStatus, String error, boolean retryable) {
        boolean pinnedAndGone = task.pinnedTo != null && !workers.containsKey(task.pinnedTo);
        boolean retry = retryable && !pinnedAndGone && task.attempts <= task.job.spec.retries();
        Map<String, Object> properties = taskEvent(task);
        properties.put(JobEvents.STATUS, retry ? TaskStatus.QUEUED.name() : finalStatus.name());
        properties.put(JobEvents.ERROR, error);
        properties.put(JobEvents.RETRYING, retry);
        if (retry) {
            log.info("{} {}; sending it again ({} of {} retries used)", task, error, task.attempts, task.job.spec.retries());
            task.status = TaskStatus.QUEUED;
            task.error = error;
            task.progress = 0;
            journal.taskChanged(task);
            ready.add(task);
            events.post(JobEvents.TASK_COMPLETE, properties);
        } else {
            finishTask(task, finalStatus, error);
        }
    }

    private void finishTask(TaskRun task, TaskStatus status, String error) {
        if (!task.status.isFinal()) {
            task.job.ended(status);
        }
        task.status = status;
        task.error = error;
        task.finishedAt = clock.instant();
        if (status == TaskStatus.SUCCEEDED) {
            task.progress = 1;
        }
        journal.taskChanged(task);
        Map<String, Object> properties = taskEvent(task);
        properties.put(JobEvents.STATUS, status.name());
        properties.put(JobEvents.RETRYING, false);
        if (error != null) {
            properties.put(JobEvents.ERROR, error);
        }
        events.post(JobEvents.TASK_COMPLETE, properties);
    }

    private void cancelAttempt(TaskRun task, String reason) {
        Attempt attempt = task.current;
        WorkerEntry worker = task.worker == null ? null : workers.get(task.worker);
        if (attempt != null && worker != null) {
            worker.endpoint.cancel(attempt, reason);
        }
    }

    private Map<String, Object> taskEvent(TaskRun task) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(JobEvents.JOB_ID, task.job.id);
        properties.put(JobEvents.TASK_INDEX, task.index);
        if (task.worker != null) {
            properties.put(JobEvents.WORKER, task.worker);
        }
        properties.put(JobEvents.PROGRESS, task.progress);
        return properties;
    }

    private void remember(String plugin, String workerId) {
        ArrayDeque<String> recent = recentWorkers.computeIfAbsent(plugin, name -> new ArrayDeque<>());
        if (!workerId.equals(recent.peekLast())) {
            recent.remove(workerId);
            recent.addLast(workerId);
            if (recent.size() > 4) {
                recent.removeFirst();
            }
        }
    }

    // ================================================================ housekeeping

    private void sweep() {
        try {
            List<String> purged = journal.purge(clock.instant().minus(settings.retention()));
            if (!purged.isEmpty()) {
                log.info("Removed {} finished jobs older than the retention period of {}", purged.size(), settings.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove expired jobs: {}", e.getMessage(), e);
        }
    }

    /** Stops dispatching, cancels what runs (it runs again after a restart) and writes what is pending. */
    @Override
    public void close() {
        try {
            call(() -> {
                closed = true;
                for (JobRun job : active.values()) {
                    for (TaskRun task : job.tasks) {
                        cancelAttempt(task, "the manager is stopping");
                    }
                    job.completion.completeExceptionally(new IllegalStateException("the manager stopped before " + job
                            + " ended; it resumes when the manager starts again"));
                }
                return null;
            });
        } finally {
            dispatcher.shutdown();
            try {
                if (!dispatcher.awaitTermination(5, TimeUnit.SECONDS)) {
                    dispatcher.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            journal.close();
        }
    }

    // ================================================================ helpers

    private String nextId() {
        lastId = Math.max(lastId + 1, clock.millis());
        return Long.toString(lastId);
    }

    /** Job ids are decimal numbers: shorter is older; ids that are not numbers sort by text. */
    static int compareIds(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static WorkerQuery queryOf(Targets targets) {
        return targets instanceof Targets.Query query ? WorkerQuery.parse(query.expression()) : WorkerQuery.all();
    }

    private static WorkerSelector.Strategy strategyOf(JobSpec spec) {
        return WorkerSelector.Strategy.valueOf(spec.strategy().name());
    }

    private List<Member> members(Work work) {
        return workers.values().stream().filter(w -> w.canRun(work)).map(w -> w.member).toList();
    }

    private String describeWorkers() {
        if (workers.isEmpty()) {
            return "none known";
        }
        return workers.values().stream().map(w -> w.id() + " " + w.plugins.stream()
                .map(p -> p.name() + "@" + p.version()).toList()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static RejectedOnDispatcher rejected(String field, String message) {
        return new RejectedOnDispatcher(JobRejectedException.invalid(field, message));
    }

    /** Carries a rejection out of a dispatcher call. */
    private static final class RejectedOnDispatcher extends Exception {
        private static final long serialVersionUID = 1L;
        final transient JobRejectedException rejection;

        RejectedOnDispatcher(JobRejectedException rejection) {
            super(rejection.getMessage(), null, false, false);
            this.rejection = rejection;
        }
    }

    private void onDispatcher(Runnable action) {
        try {
            dispatcher.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.error("The job dispatcher failed: {}", e.toString(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            log.debug("The dispatcher is stopped; dropped an update");
        }
    }

    /** Runs on the dispatcher and waits for the answer; a checked exception of the action is rethrown as is. */
    private <T, E extends Exception> T call(ThrowingCallable<T, E> action) throws E {
        if (Thread.currentThread().getName().equals("colony-manager-dispatcher")) {
            throw new IllegalStateException("a dispatcher call from the dispatcher itself");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            dispatcher.execute(() -> {
                try {
                    answer.complete(action.call());
                } catch (Exception | Error e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            throw new IllegalStateException("the manager is stopped", stopped);
        }
        try {
            return answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            @SuppressWarnings("unchecked")
            E checked = (E) cause;
            throw checked;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the manager did not answer within " + CALL_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the manager", e);
        }
    }

    @FunctionalInterface
    private interface ThrowingCallable<T, E extends Exception> {
        T call() throws E;
    }
}
