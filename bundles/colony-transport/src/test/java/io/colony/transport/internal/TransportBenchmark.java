package io.colony.transport.internal;

import com.google.protobuf.ByteString;
import io.colony.transport.api.Peer;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Ping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transport benchmark on loopback, run by {@code bench/transport.sh}. Prints {@code colony <figure> <value>}
 * lines like the peer baselines (../shared/peers) and {@code #} lines with details.
 *
 * <pre>
 * serve                 start a node, print "READY port", serve until stdin closes (at most 5 minutes)
 * measure PORT          connect to a served node and measure
 * local                 both nodes in this JVM
 * </pre>
 */
public final class TransportBenchmark {

    private static final byte[] SECRET = "colony-benchmark-secret".getBytes(StandardCharsets.UTF_8);
    private static final int LATENCY_WARMUP = Integer.getInteger("bench.latency.warmup", 20_000);
    private static final int LATENCY_SAMPLES = Integer.getInteger("bench.latency.samples", 20_000);
    private static final int IN_FLIGHT = Integer.getInteger("bench.inflight", 1000);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 1_000_000);
    private static final long PHASE_LIMIT_MILLIS = 60_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private TransportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "local" : args[0];
        switch (mode) {
            case "serve" -> serve();
            case "measure" -> {
                try (TransportNode client = node("bench-client")) {
                    measure(client, Integer.parseInt(args[1]));
                }
            }
            case "local" -> {
                try (TransportNode server = node("bench-server"); TransportNode client = node("bench-client")) {
                    measure(client, server.port());
                }
            }
            default -> throw new IllegalArgumentException("usage: serve | measure PORT | local");
        }
    }

    private static TransportNode node(String id) {
        return TransportNode.start(new LocalNode(id, "bench", Set.of("worker"), SECRET), TransportSettings.loopback(), new QuietLog(), null);
    }

    private static void serve() throws IOException, InterruptedException {
        try (TransportNode server = node("bench-server")) {
            System.out.println("READY " + server.port());
            System.out.flush();
            Thread stdinWatcher = new Thread(() -> drain(System.in), "bench-stdin");
            stdinWatcher.setDaemon(true);
            stdinWatcher.start();
            stdinWatcher.join(TimeUnit.MINUTES.toMillis(5));
        }
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // until the script closes our stdin
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void measure(TransportNode client, int port) throws Exception {
        Peer peer = client.connect("127.0.0.1", port).get(10, TimeUnit.SECONDS);
        latency(peer);
        throughput(peer, MESSAGES / 5, false);
        throughput(peer, MESSAGES, true);
    }

    private static void latency(Peer peer) throws Exception {
        byte[] payload = new byte[1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        Envelope ping = Envelope.newBuilder().setPing(Ping.newBuilder().setPayload(ByteString.copyFrom(payload))).build();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PHASE_LIMIT_MILLIS);
        for (int i = 0; i < LATENCY_WARMUP && System.nanoTime() < deadline; i++) {
            roundTrip(peer, ping);
        }
        long[] samples = new long[LATENCY_SAMPLES];
        int n = 0;
        long start = System.nanoTime();
        for (; n < LATENCY_SAMPLES && System.nanoTime() < deadline; n++) {
            long sent = System.nanoTime();
            roundTrip(peer, ping);
            samples[n] = System.nanoTime() - sent;
        }
        long elapsed = System.nanoTime() - start;
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        System.out.println("colony transport_latency_p50_us " + micros(percentile(sorted, 50)));
        System.out.println("colony transport_latency_p99_us " + micros(percentile(sorted, 99)));
        System.out.println("colony transport_latency_p999_us " + micros(percentile(sorted, 99.9)));
        System.out.printf("# latency: 1 KiB ping/pong, samples=%d after %d warm-up, max_us=%s mean_us=%.1f%n",
                n, LATENCY_WARMUP, micros(sorted[n - 1]), elapsed / 1000.0 / n);
    }

    private static void roundTrip(Peer peer, Envelope ping) throws Exception {
        Envelope pong = peer.request(ping, REQUEST_TIMEOUT).get(30, TimeUnit.SECONDS);
        if (pong.getPong().getPayload().size() != ping.getPing().getPayload().size()) {
            throw new IllegalStateException("bad pong");
        }
    }

    private static void throughput(Peer peer, int messages, boolean report) throws InterruptedException {
        Envelope ping = Envelope.newBuilder().setPing(Ping.getDefaultInstance()).build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(messages);
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(PHASE_LIMIT_MILLIS);
        int sent = 0;
        for (; sent < messages; sent++) {
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            peer.request(ping, REQUEST_TIMEOUT).whenComplete((pong, failure) -> {
                if (failure != null) {
                    errors.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
            });
        }
        boolean finished = done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long elapsed = System.nanoTime() - start;
        long completed = messages - done.getCount();
        if (report) {
            double seconds = elapsed / 1e9;
            System.out.printf("colony transport_msgs_per_s %.0f%n", completed / seconds);
            System.out.printf("# throughput: small request/response pairs, completed=%d of %d errors=%d in %.2fs inflight<=%d timed_out=%s%n",
                    completed, messages, errors.get(), seconds, IN_FLIGHT, !finished || sent < messages);
        }
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String micros(long nanos) {
        return String.format("%.1f", nanos / 1000.0);
    }

    /** Only warnings, to stderr: the benchmark's stdout carries the figures. */
    private static final class QuietLog implements TransportLog {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            System.err.println("WARN " + message);
        }
    }
}
