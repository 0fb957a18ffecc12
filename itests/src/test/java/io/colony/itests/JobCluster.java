package io.colony.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One manager (role manager only: no worker of its own) and two workers, started from the built
 * distribution on this host with {@code --local} (no mDNS, servers on 127.0.0.1). The workers find
 * the manager through a static peer list naming its fixed transport port; every node has a fixed
 * transport port, so that a restarted manager comes back where the workers look for it. Each worker
 * runs one task at a time ({@code slots = 1}) and has the primes plugin in its deploy/.
 */
final class JobCluster implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final String managerId;
    final String workerAId;
    final String workerBId;
    final int managerTransportPort;
    final int workerATransportPort;
    final int workerBTransportPort;
    final int httpPort;
    private final Path managerHome;
    private final String[] managerOptions;
    private volatile NodeProcess manager;
    private volatile NodeProcess workerA;
    private volatile NodeProcess workerB;

    private JobCluster(String name) throws IOException {
        String suffix = HexFormat.of().formatHex(randomBytes(3));
        this.managerId = name + "-manager-" + suffix;
        this.workerAId = name + "-worker-a-" + suffix;
        this.workerBId = name + "-worker-b-" + suffix;
        this.managerTransportPort = freePort();
        this.workerATransportPort = freePort();
        this.workerBTransportPort = freePort();
        this.httpPort = freePort();
        this.managerHome = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), name + "-manager-");
        this.managerOptions = new String[] {"--local", "--roles", "manager", "--http-port", Integer.toString(httpPort)};
    }

    /**
     * Starts the three nodes (in parallel) with the given extra configuration (file name to lines) and
     * waits until the manager's REST API answers and {@code colony:workers} lists both workers,
     * available, with the primes plugin.
     */
    static JobCluster start(String name, Map<String, String> managerSettings, Map<String, String> workerASettings,
            Map<String, String> workerBSettings) throws Exception {
        JobCluster cluster = new JobCluster(name);
        try {
            cluster.startNodes(name, managerSettings, workerASettings, workerBSettings);
            cluster.awaitReady();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startNodes(String name, Map<String, String> managerSettings, Map<String, String> workerASettings,
            Map<String, String> workerBSettings) throws Exception {
        String secret = HexFormat.of().formatHex(randomBytes(32));
        Map<String, String> managerAll = merge(managerSettings, Map.of(
                "io.colony.node.cfg", "cluster.secret = " + secret + "\nid = " + managerId,
                "io.colony.transport.cfg", "port = " + managerTransportPort));
        NodeProcess.prepareHome(managerHome, managerAll);
        Path homeA = workerHome(name, "a", secret, workerAId, workerATransportPort, workerASettings);
        Path homeB = workerHome(name, "b", secret, workerBId, workerBTransportPort, workerBSettings);
        ExecutorService starter = Executors.newFixedThreadPool(3);
        try {
            Future<NodeProcess> m = starter.submit(() -> NodeProcess.start(managerHome, managerOptions));
            Future<NodeProcess> a = starter.submit(() -> NodeProcess.start(homeA, "--local", "--roles", "worker"));
            Future<NodeProcess> b = starter.submit(() -> NodeProcess.start(homeB, "--local", "--roles", "worker"));
            // collect all three before failing, so that none is left running unseen
            List<Exception> failures = new ArrayList<>();
            manager = collect(m, failures);
            workerA = collect(a, failures);
            workerB = collect(b, failures);
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError("a node of cluster " + name + " did not start: " + failures.get(0), failures.get(0));
                failures.stream().skip(1).forEach(error::addSuppressed);
                throw error;
            }
        } finally {
            starter.shutdownNow();
        }
    }

    private static NodeProcess collect(Future<NodeProcess> start, List<Exception> failures) throws InterruptedException {
        try {
            return start.get(2 * READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failures.add(e.getCause() instanceof Exception cause ? cause : e);
        } catch (TimeoutException e) {
            start.cancel(true);
            failures.add(e);
        }
        return null;
    }

    private Path workerHome(String name, String letter, String secret, String id, int transportPort,
            Map<String, String> settings) throws IOException {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), name + "-worker-" + letter + "-");
        Map<String, String> all = merge(settings, Map.of(
                "io.colony.node.cfg", "cluster.secret = " + secret + "\nid = " + id,
                "io.colony.transport.cfg", "port = " + transportPort,
                "io.colony.discovery.cfg", "peers = 127.0.0.1:" + managerTransportPort + "\nreconnect.backoff.ms = 200..1000",
                "io.colony.worker.cfg", "slots = 1"));
        NodeProcess.prepareHome(home, all);
        Path primes = NodeDirectory.samplePlugin("colony-plugin-primes");
        Files.copy(primes, Files.createDirectories(home.resolve("deploy")).resolve(primes.getFileName()));
        return home;
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> all = new HashMap<>(first);
        second.forEach((file, lines) -> all.merge(file, lines, (a, b) -> a + "\n" + b));
        return all;
    }

    /** Waits for the REST API and for both workers, available with their plugin, in colony:workers. */
    void awaitReady() throws Exception {
        await("the REST API of " + managerId + " answers /api/v1/health", READY_TIMEOUT, () -> {
            try {
                return health().statusCode() == 200 && Files.exists(managerHome.resolve("data/api.token"));
            } catch (IOException e) {
                return false;
            }
        });
        manager.awaitClient(result -> listsWorker(result.out(), workerAId) && listsWorker(result.out(), workerBId),
                READY_TIMEOUT, "colony:workers");
    }

    private static boolean listsWorker(String table, String id) {
        String row = ClusterIT.row(table, id);
        return row.contains(" available ") && row.contains("primes 1.0.0");
    }

    /**
     * kill -9 of the manager, then a start in the same home with the same ports; waits until it is
     * ready again (its REST API answers and both workers reconnected).
     */
    void killAndRestartManager() throws Exception {
        manager.kill();
        // the killed node could not remove the port file of its admin channel; start() waits for the new one
        Files.deleteIfExists(managerHome.resolve("data/shell.port"));
        manager = NodeProcess.start(managerHome, managerOptions);
        awaitReady();
    }

    NodeProcess manager() {
        return manager;
    }

    NodeProcess workerA() {
        return workerA;
    }

    NodeProcess workerB() {
        return workerB;
    }

    Path managerHome() {
        return managerHome;
    }

    // ------------------------------------------------------------------------------ REST

    String token() throws IOException {
        return Files.readString(managerHome.resolve("data/api.token"), StandardCharsets.UTF_8).trim();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    HttpRequest.Builder request(String path) throws IOException {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token());
    }

    /**
     * Sends a request and waits for its answer, at most its own timeout and 10 s more: the bound holds
     * even where the JDK's client does not apply the request's timeout (JDK-8286171, with Expect).
     */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        Duration limit = request.timeout().orElse(Duration.ofSeconds(30)).plusSeconds(10);
        java.util.concurrent.CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(request.method() + " " + request.uri() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new AssertionError(request.method() + " " + request.uri() + " got no answer within " + limit);
        }
    }

    /** What a request written byte for byte got back: the status and the body. */
    record RawAnswer(int status, String head, String body) {
    }

    /**
     * Writes {@code head} (the request line and headers, CRLF-terminated, no blank line) and then the
     * body from {@code body}, on a thread of its own, while reading the answer; a server that answers
     * before the whole body was sent may close the connection, which ends the writing. Every read
     * times out after 20 s.
     */
    RawAnswer raw(String head, BodyWriter body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", httpPort)) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                writer.submit(() -> {
                    try {
                        body.write(out);
                        out.flush();
                    } catch (IOException closedByServer) {
                        // the server answered and closed: the answer is read below
                    }
                    return null;
                });
                java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
                String status;
                StringBuilder headers;
                int length;
                do { // skip an interim 100 Continue
                    status = line(in);
                    headers = new StringBuilder(status).append('\n');
                    length = 0;
                    for (String header = line(in); !header.isEmpty(); header = line(in)) {
                        headers.append(header).append('\n');
                        if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(header.substring("content-length:".length()).trim());
                        }
                    }
                } while (status.startsWith("HTTP/1.1 100 "));
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                return new RawAnswer(Integer.parseInt(status.split(" ")[1]), headers.toString(), new String(bytes, StandardCharsets.UTF_8));
            } finally {
                writer.shutdownNow();
            }
        }
    }

    @FunctionalInterface
    interface BodyWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static String line(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of the answer's head: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> health() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/v1/health")).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** GET that must answer 200 with JSON. */
    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals("GET " + path + ": " + response.body(), 200, response.statusCode());
        return JSON.readTree(response.body());
    }

    /** Submits a job spec to POST /api/v1/jobs, expects 202, and answers the job id. */
    String submit(String spec) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/jobs", spec);
        assertEquals("POST /api/v1/jobs " + spec + ": " + response.body(), 202, response.statusCode());
        String id = JSON.readTree(response.body()).get("id").asText();
        assertEquals("/api/v1/jobs/" + id, response.headers().firstValue("Location").orElse(null));
        return id;
    }

    JsonNode job(String id) throws IOException, InterruptedException {
        return getJson("/api/v1/jobs/" + id);
    }

    JsonNode tasks(String id) throws IOException, InterruptedException {
        return getJson("/api/v1/jobs/" + id + "/tasks").get("tasks");
    }

    /** The job's result, waiting up to {@code seconds} for it to end; it must have SUCCEEDED. */
    JsonNode result(String id, int seconds) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/v1/jobs/" + id + "/result?wait=" + seconds)
                .timeout(Duration.ofSeconds(seconds + 30)).GET().build());
        assertEquals("the result of job " + id + ": " + response.body() + "; the job: " + get("/api/v1/jobs/" + id).body(),
                200, response.statusCode());
        return JSON.readTree(response.body());
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    // ------------------------------------------------------------------------------ waiting

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    /** Polls the check every 100 ms until it holds; fails with {@code what} after the timeout. */
    static void await(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Polls GET {@code path} until its JSON passes the check; answers that JSON. */
    JsonNode awaitJson(String path, Duration timeout, Predicate<JsonNode> check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode body = getJson(path);
        while (!check.test(body)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + ", GET " + path + " still answered " + body);
            }
            Thread.sleep(100);
            body = getJson(path);
        }
        return body;
    }

    // ------------------------------------------------------------------------------ helpers

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The CPU the node's JVM used per second of wall time over {@code window} (1.0 = one core busy). */
    static double cores(NodeProcess node, Duration window) throws InterruptedException {
        Duration before = node.cpuTime();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        Duration after = node.cpuTime();
        long elapsed = System.nanoTime() - start;
        return (double) after.minus(before).toNanos() / elapsed;
    }

    @Override
    public void close() throws InterruptedException {
        for (NodeProcess node : new NodeProcess[] {manager, workerA, workerB}) {
            if (node != null) {
                node.close();
            }
        }
    }
}
