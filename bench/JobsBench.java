import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jobs benchmark's client (bench/jobs.sh starts the nodes and runs this): jobs through the
 * manager's REST API on 127.0.0.1, to the workers the manager knows. JDK only: {@code java JobsBench.java}.
 *
 * <pre>
 * java bench/JobsBench.java --port H --token-file F [--pids "manager worker1 worker2"] [--phases inflight,latency,pool,split]
 *     [--budget SECONDS] [--split-tasks N] [--split-warm N] [--inflight N] [--inflight-jobs N] ... (see Options)
 * </pre>
 *
 * Prints {@code colony <figure> <value>} lines and {@code #} detail lines. Every wait is bounded.
 */
public final class JobsBench {

    static final String P = "colony ";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9]+)\"");

    final HttpClient http;
    final String base;
    final String token;
    final long[] pids;
    final Options options;

    JobsBench(Options options) throws IOException {
        this.options = options;
        this.base = "http://127.0.0.1:" + options.port + "/api/v1";
        this.token = Files.readString(Path.of(options.tokenFile)).strip();
        this.pids = options.pids;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4, daemon("bench-http"))).build();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        JobsBench bench = new JobsBench(options);
        System.out.printf(Locale.ROOT, "# client: %s, %d cores, java %s%n", bench.base, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (String phase : options.phases) {
            switch (phase) {
                case "split" -> bench.splitThroughput();
                case "inflight" -> bench.jobsInFlight();
                case "latency" -> bench.latency();
                case "pool" -> bench.pool();
                default -> throw new IllegalArgumentException("unknown phase " + phase);
            }
        }
    }

    // ------------------------------------------------------------------ (a) one job of N empty tasks

    void splitThroughput() throws Exception {
        splitJob(options.splitWarm, false);
        Cpu before = Cpu.sample(pids);
        long elapsed = splitJob(options.splitTasks, true);
        Cpu after = Cpu.sample(pids);
        if (elapsed < 0) {
            return;
        }
        double perSecond = options.splitTasks / (elapsed / 1e9);
        System.out.printf(Locale.ROOT, "%ssplit_job_empty_tasks_per_s %.0f%n", P, perSecond);
        System.out.printf(Locale.ROOT, "# split job: %d empty tasks (chunks) in one job, submit to result %.2f s; %s%n",
                options.splitTasks, elapsed / 1e9, after.minus(before, elapsed));
        if (options.timeline) {
            splitJob(options.splitTasks, true, true);
        }
    }

    long splitJob(int tasks, boolean report) throws Exception {
        return splitJob(tasks, report, false);
    }

    /** Submits one job of {@code tasks} empty chunks and waits for its reduced result; the time from submission to result. */
    long splitJob(int tasks, boolean report, boolean timeline) throws Exception {
        String spec = "{\"plugin\":\"echo\",\"input\":{\"tasks\":" + tasks + ",\"bytes\":0},\"chunks\":" + tasks + "}";
        long start = System.nanoTime();
        String id = submit(spec);
        List<String> samples = new ArrayList<>();
        if (timeline) {
            // poll the job (not in the measured runs): when the split ended, how the tasks progressed, when the reduce ran
            long deadline = start + TimeUnit.SECONDS.toNanos(Math.max(1, options.remainingSeconds()));
            while (System.nanoTime() < deadline) {
                HttpResponse<String> job = send(get("/jobs/" + id), 30);
                String body = job.body();
                samples.add(String.format(Locale.ROOT, "%6d ms %s", (System.nanoTime() - start) / 1_000_000,
                        body.replaceAll(".*\"status\":\"([A-Z]+)\".*\"progress\":([0-9.E-]+),\"tasks\":(\\{[^}]*\\}).*", "$1 progress=$2 tasks=$3")));
                if (body.contains("\"status\":\"SUCCEEDED\"") || body.contains("\"status\":\"FAILED\"")) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        int limit = Math.min(options.splitLimitSeconds, options.remainingSeconds() - 5);
        int wait = Math.max(1, Math.min(300, limit));
        HttpResponse<byte[]> result = result(id, wait, new Retries());
        long elapsed = System.nanoTime() - start;
        String expected = "{\"tasks\":" + tasks + ",\"bytes\":0}";
        String body = new String(result.body(), StandardCharsets.UTF_8);
        if (result.statusCode() == 409 && (body.contains("\"status\":\"RUNNING\"") || body.contains("\"status\":\"QUEUED\""))) {
            String job = send(get("/jobs/" + id), 30).body();
            send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + id + "/kill")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), 40);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            Matcher succeeded = Pattern.compile("\"SUCCEEDED\":([0-9]+)").matcher(job);
            long done = succeeded.find() ? Long.parseLong(succeeded.group(1)) : 0;
            System.out.printf(Locale.ROOT, "# split job of %d tasks did NOT finish within the time left (%d s), killed: %d tasks"
                    + " succeeded by then (%.0f tasks/s); %s%n", tasks, seconds, done, done / (double) seconds,
                    job.replaceAll(",\"spec\".*", "}"));
            return -1;
        }
        if (result.statusCode() != 200 || !body.replace(" ", "").equals(expected)) {
            throw new IllegalStateException("job " + id + ": HTTP " + result.statusCode() + " " + body);
        }
        if (!report) {
            System.out.printf(Locale.ROOT, "# split job warm-up: %d tasks in %.2f s (%.0f tasks/s)%n", tasks, elapsed / 1e9,
                    tasks / (elapsed / 1e9));
        }
        if (timeline) {
            System.out.printf(Locale.ROOT, "# split job timeline (job polled every 200 ms; not a measured run), %d tasks in %.2f s:%n",
                    tasks, elapsed / 1e9);
            for (String sample : samples) {
                System.out.println("#   " + sample);
            }
        }
        return elapsed;
    }

    // ------------------------------------------------------------------ (a') many single-task jobs in flight

    void jobsInFlight() throws Exception {
        inFlight(options.inflightWarm, false);
        inFlight(options.inflightJobs, true);
    }

    void inFlight(int jobs, boolean report) throws Exception {
        String spec = "{\"plugin\":\"echo\"}";
        Semaphore slots = new Semaphore(options.inflight);
        CountDownLatch done = new CountDownLatch(jobs);
        Retries retries = new Retries();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong maxInFlight = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        Cpu before = Cpu.sample(pids);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(Math.min(options.phaseLimitSeconds, options.remainingSeconds()));
        int submitted = 0;
        for (; submitted < jobs; submitted++) {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            submitAsync(spec, retries, deadline)
                    .thenCompose(id -> resultAsync(id, retries, deadline))
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() != 200 || response.body().length() != 0) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, failure != null ? failure.toString()
                                    : "HTTP " + response.statusCode() + " " + response.body());
                        }
                        inFlight.decrementAndGet();
                        slots.release();
                        done.countDown();
                    });
        }
        boolean finished = done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long elapsed = System.nanoTime() - start;
        Cpu after = Cpu.sample(pids);
        long completed = jobs - done.getCount();
        double perSecond = completed / (elapsed / 1e9);
        if (report) {
            System.out.printf(Locale.ROOT, "%sjobs_per_s_%d_in_flight %.0f%n", P, options.inflight, perSecond);
        }
        System.out.printf(Locale.ROOT, "# jobs in flight%s: %d single-task jobs (POST /jobs, then GET result?wait), up to %d in flight"
                + " (reached %d); completed %d of %d in %.2f s, %d errors, retried: %s%s; %s%n",
                report ? "" : " (warm-up)", jobs, options.inflight, maxInFlight.get(), completed, jobs, elapsed / 1e9, errors.get(),
                retries, finished && submitted == jobs ? "" : ", TIMED OUT after " + options.phaseLimitSeconds + " s",
                after.minus(before, elapsed));
        if (firstError.get() != null) {
            System.out.println("# first error: " + firstError.get());
        }
    }

    /** POST /jobs, again after a short pause while the server answers 503 (busy), until the deadline. */
    CompletableFuture<String> submitAsync(String spec, Retries retries, long deadline) {
        return http.sendAsync(post(spec), HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 503 && System.nanoTime() < deadline) {
                retries.submitBusy.incrementAndGet();
                Executor later = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> submitAsync(spec, retries, deadline));
            }
            return CompletableFuture.completedFuture(jobId(response));
        });
    }

    /**
     * GET result?wait, again after a short pause when the server is busy (503) or when the job has ended but its
     * result is not readable yet (409 "SUCCEEDED but its result is not available": the job store's write is in flight).
     */
    CompletableFuture<HttpResponse<String>> resultAsync(String id, Retries retries, long deadline) {
        return http.sendAsync(get("/jobs/" + id + "/result?wait=120"), HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (retryable(response.statusCode(), response.body()) && System.nanoTime() < deadline) {
                retries.count(response.statusCode());
                Executor later = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> resultAsync(id, retries, deadline));
            }
            return CompletableFuture.completedFuture(response);
        });
    }

    static boolean retryable(int status, String body) {
        return status == 503 || (status == 409 && body.contains("\"status\":\"SUCCEEDED\""));
    }

    /** The job's result, waiting for it; retried as {@link #resultAsync} does, counting the retries. */
    HttpResponse<byte[]> result(String id, int waitSeconds, Retries retries) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = http.sendAsync(get("/jobs/" + id + "/result?wait=" + waitSeconds),
                    HttpResponse.BodyHandlers.ofByteArray()).get(waitSeconds + 10L, TimeUnit.SECONDS);
            if (attempt < 10_000 && retryable(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8))) {
                retries.count(response.statusCode());
                Thread.sleep(response.statusCode() == 503 ? 10 : 1);
                continue;
            }
            return response;
        }
    }

    // ------------------------------------------------------------------ (b) 1 KiB round trip, one job at a time

    void latency() throws Exception {
        byte[] payload = new byte[1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        String spec = "{\"plugin\":\"echo\",\"inputBase64\":\"" + Base64.getEncoder().encodeToString(payload)
                + "\",\"contentType\":\"application/octet-stream\"}";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(options.phaseLimitSeconds, options.remainingSeconds()));
        for (int i = 0; i < options.latencyWarm && System.nanoTime() < deadline; i++) {
            roundTrip(spec, payload);
        }
        long[] samples = new long[options.latencySamples];
        int n = 0;
        latencyRetries.reset();
        Cpu before = Cpu.sample(pids);
        long start = System.nanoTime();
        for (; n < samples.length && System.nanoTime() < deadline; n++) {
            long t0 = System.nanoTime();
            roundTrip(spec, payload);
            samples[n] = System.nanoTime() - t0;
        }
        long elapsed = System.nanoTime() - start;
        Cpu after = Cpu.sample(pids);
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%slatency_1kib_p50_us %.1f%n", P, percentile(sorted, 50) / 1e3);
        System.out.printf(Locale.ROOT, "%slatency_1kib_p99_us %.1f%n", P, percentile(sorted, 99) / 1e3);
        System.out.printf(Locale.ROOT, "%slatency_1kib_p999_us %.1f%n", P, percentile(sorted, 99.9) / 1e3);
        System.out.printf(Locale.ROOT, "# latency: %d samples of %d after %d warm-up, one job at a time (POST /jobs with 1 KiB"
                + " inputBase64, then GET result?wait=60 returns the 1 KiB); min %.1f µs, mean %.1f µs, max %.1f µs, retried: %s%s; %s%n",
                n, samples.length, options.latencyWarm, sorted[0] / 1e3, elapsed / 1e3 / n, sorted[n - 1] / 1e3,
                latencyRetries, n < samples.length ? ", TIMED OUT" : "", after.minus(before, elapsed));
        managerSideTimes(recentIds);
    }

    final Retries latencyRetries = new Retries();

    /** The ids of the last measured round trips, to read the manager's own timestamps afterwards. */
    final java.util.ArrayDeque<String> recentIds = new java.util.ArrayDeque<>();

    void roundTrip(String spec, byte[] payload) throws Exception {
        String id = submit(spec);
        if (recentIds.size() == 200) {
            recentIds.removeFirst();
        }
        recentIds.addLast(id);
        HttpResponse<byte[]> result = result(id, 60, latencyRetries);
        if (result.statusCode() != 200 || !Arrays.equals(result.body(), payload)) {
            throw new IllegalStateException("job " + id + ": HTTP " + result.statusCode() + ", " + result.body().length + " bytes: "
                    + (result.statusCode() == 200 ? "" : new String(result.body(), StandardCharsets.UTF_8)));
        }
    }

    static final Pattern TIMES = Pattern.compile("\"submittedAt\":\"([^\"]+)\",\"startedAt\":\"([^\"]+)\",\"finishedAt\":\"([^\"]+)\"");

    /** The manager's own submittedAt / startedAt / finishedAt of some jobs (read after the measurement): what the manager spends in memory. */
    void managerSideTimes(java.util.Collection<String> ids) throws Exception {
        List<Long> started = new ArrayList<>();
        List<Long> finished = new ArrayList<>();
        for (String id : ids) {
            Matcher times = TIMES.matcher(send(get("/jobs/" + id), 30).body());
            if (times.find()) {
                java.time.Instant submittedAt = java.time.Instant.parse(times.group(1));
                started.add(Duration.between(submittedAt, java.time.Instant.parse(times.group(2))).toNanos());
                finished.add(Duration.between(submittedAt, java.time.Instant.parse(times.group(3))).toNanos());
            }
        }
        if (finished.isEmpty()) {
            return;
        }
        long[] s = started.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] f = finished.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "# latency, the manager's own timestamps of the last %d jobs: submittedAt to startedAt p50 %.1f µs;"
                + " submittedAt to finishedAt (the job's end in memory, before its store write) p50 %.1f µs, p99 %.1f µs%n",
                f.length, percentile(s, 50) / 1e3, percentile(f, 50) / 1e3, percentile(f, 99) / 1e3);
    }

    // ------------------------------------------------------------------ (c) a pool on every worker, one at a time

    void pool() throws Exception {
        String spec = "{\"plugin\":\"echo\",\"targets\":\"all\"}";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(options.phaseLimitSeconds, options.remainingSeconds()));
        for (int i = 0; i < options.poolWarm && System.nanoTime() < deadline; i++) {
            poolOnce(spec);
        }
        poolRetries.reset();
        Cpu before = Cpu.sample(pids);
        long start = System.nanoTime();
        int n = 0;
        for (; n < options.poolOps && System.nanoTime() < deadline; n++) {
            poolOnce(spec);
        }
        long elapsed = System.nanoTime() - start;
        Cpu after = Cpu.sample(pids);
        System.out.printf(Locale.ROOT, "%spool_all_ops_per_s %.0f%n", P, n / (elapsed / 1e9));
        System.out.printf(Locale.ROOT, "# pool: %d of %d jobs with targets \"all\" (one empty task on each of the 2 workers), one at a"
                + " time, POST then GET result?wait=60, after %d warm-up, in %.2f s, retried: %s%s; %s%n", n, options.poolOps,
                options.poolWarm, elapsed / 1e9, poolRetries, n < options.poolOps ? ", TIMED OUT" : "", after.minus(before, elapsed));
    }

    final Retries poolRetries = new Retries();

    void poolOnce(String spec) throws Exception {
        String id = submit(spec);
        HttpResponse<byte[]> response = result(id, 60, poolRetries);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int succeeded = body.split("\"status\":\"SUCCEEDED\"", -1).length - 1;
        if (response.statusCode() != 200 || succeeded != 2) {
            throw new IllegalStateException("pool " + id + ": HTTP " + response.statusCode() + " " + body);
        }
    }

    // ------------------------------------------------------------------ HTTP

    String submit(String spec) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = send(post(spec), 60);
            if (response.statusCode() == 503 && attempt < 100) {
                Thread.sleep(10);
                continue;
            }
            return jobId(response);
        }
    }

    static String jobId(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        if (response.statusCode() != 202 || !matcher.find()) {
            throw new IllegalStateException("POST /jobs: HTTP " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }

    HttpRequest post(String json) {
        return HttpRequest.newBuilder(URI.create(base + "/jobs")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(310))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    HttpResponse<String> send(HttpRequest request, int timeoutSeconds) throws Exception {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(timeoutSeconds, TimeUnit.SECONDS);
    }

    static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Requests sent again, by cause. */
    static final class Retries {
        final AtomicLong submitBusy = new AtomicLong();
        final AtomicLong resultBusy = new AtomicLong();
        final AtomicLong notReadable = new AtomicLong();

        void count(int status) {
            (status == 503 ? resultBusy : notReadable).incrementAndGet();
        }

        void reset() {
            submitBusy.set(0);
            resultBusy.set(0);
            notReadable.set(0);
        }

        @Override
        public String toString() {
            return submitBusy + " POST /jobs answered 503 (busy), " + resultBusy + " GET result answered 503, " + notReadable
                    + " GET result answered 409 'SUCCEEDED but its result is not available'";
        }
    }

    /** CPU time (user + system, from /proc) of the nodes, to tell which process the time goes to. */
    record Cpu(long[] ticks, long machineBusy, long machineTotal) {

        static final String[] NAMES = {"manager", "worker1", "worker2"};

        static Cpu sample(long[] pids) {
            long[] ticks = new long[pids.length];
            for (int i = 0; i < pids.length; i++) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + pids[i] + "/stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException e) {
                    ticks[i] = -1;
                }
            }
            long busy = 0;
            long total = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < cpu.length && i <= 8; i++) {
                    long value = Long.parseLong(cpu[i]);
                    total += value;
                    if (i != 4 && i != 5) {
                        busy += value;
                    }
                }
            } catch (IOException | RuntimeException e) {
                total = -1;
            }
            return new Cpu(ticks, busy, total);
        }

        /** CPU seconds per node over the interval, as a share of one core, and the machine's busy share. */
        String minus(Cpu before, long elapsedNanos) {
            StringBuilder text = new StringBuilder("cpu");
            double seconds = elapsedNanos / 1e9;
            for (int i = 0; i < ticks.length; i++) {
                double cpuSeconds = (ticks[i] - before.ticks[i]) / 100.0;
                text.append(String.format(Locale.ROOT, " %s=%.1fs (%.0f%% of a core)", i < NAMES.length ? NAMES[i] : "pid" + i,
                        cpuSeconds, 100 * cpuSeconds / seconds));
            }
            if (machineTotal > 0 && before.machineTotal > 0) {
                text.append(String.format(Locale.ROOT, ", machine busy %.0f%%",
                        100.0 * (machineBusy - before.machineBusy) / Math.max(1, machineTotal - before.machineTotal)));
            }
            return text.toString();
        }
    }

    static final class Options {
        int port;
        String tokenFile;
        long[] pids = new long[0];
        List<String> phases = List.of("split", "inflight", "latency", "pool");
        int splitWarm = 10_000;
        int splitTasks = 100_000;
        boolean timeline = false;
        int inflight = 1000;
        int inflightWarm = 500;
        int inflightJobs = 3_000;
        int latencyWarm = 500;
        int latencySamples = 2_000;
        int poolWarm = 50;
        int poolOps = 500;
        int phaseLimitSeconds = 90;
        int splitLimitSeconds = 240;
        /** Seconds the whole run may take; the split job's wait is cut to what is left. */
        int budgetSeconds = 270;
        final long startNanos = System.nanoTime();

        int remainingSeconds() {
            return budgetSeconds - (int) ((System.nanoTime() - startNanos) / 1_000_000_000L);
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> o.port = Integer.parseInt(value);
                    case "--token-file" -> o.tokenFile = value;
                    case "--pids" -> o.pids = Arrays.stream(value.trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
                    case "--phases" -> o.phases = List.of(value.split(","));
                    case "--split-warm" -> o.splitWarm = Integer.parseInt(value);
                    case "--split-tasks" -> o.splitTasks = Integer.parseInt(value);
                    case "--timeline" -> { o.timeline = true; continue; }
                    case "--inflight" -> o.inflight = Integer.parseInt(value);
                    case "--inflight-warm" -> o.inflightWarm = Integer.parseInt(value);
                    case "--inflight-jobs" -> o.inflightJobs = Integer.parseInt(value);
                    case "--latency-warm" -> o.latencyWarm = Integer.parseInt(value);
                    case "--latency-samples" -> o.latencySamples = Integer.parseInt(value);
                    case "--pool-warm" -> o.poolWarm = Integer.parseInt(value);
                    case "--pool-ops" -> o.poolOps = Integer.parseInt(value);
                    case "--phase-limit" -> o.phaseLimitSeconds = Integer.parseInt(value);
                    case "--split-limit" -> o.splitLimitSeconds = Integer.parseInt(value);
                    case "--budget" -> o.budgetSeconds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (o.port == 0 || o.tokenFile == null) {
                throw new IllegalArgumentException("usage: java JobsBench.java --port H --token-file F [--pids \"m w1 w2\"] [--phases ...]");
            }
            return o;
        }
    }
}
