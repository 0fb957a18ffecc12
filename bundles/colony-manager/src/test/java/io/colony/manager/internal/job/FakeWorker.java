package io.colony.manager.internal.job;

import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.job.Work.PluginWork;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import io.colony.api.plugin.Payload;
import io.colony.api.worker.PluginDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/** A worker whose attempts the test ends by hand: each attempt sent waits in {@link #sent} until completed. */
final class FakeWorker implements WorkerEndpoint {

    record Sent(Attempt attempt, DoubleConsumer progress, CompletableFuture<Outcome> outcome) {
        void succeed(String text) {
            outcome.complete(Outcome.succeeded(Payload.text(text), null));
        }

        void end(Outcome.Kind kind, String error) {
            outcome.complete(Outcome.of(kind, error));
        }
    }

    final String id;
    final LinkedBlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    volatile int splits;
    volatile boolean connected = true;

    FakeWorker(String id) {
        this.id = id;
    }

    static PluginDescriptor plugin(String name) {
        return new PluginDescriptor(name, "1.0.0", "", "test.bundle 1.0.0", -1, true);
    }

    static Member member(String id, int cores) {
        HardwareStatus hardware = new HardwareStatus(cores, cores, 0.1, 0.1, 1 << 30, 1 << 29, 1L << 40, 1L << 39, "Linux",
                "17", Instant.now());
        return new Member(id, Set.of(Role.WORKER), "127.0.0.1", 1, Map.of(), MemberState.AVAILABLE, Instant.now(),
                Optional.of(hardware));
    }

    /** The next attempt sent to this worker, waiting up to 5 s. */
    Sent next() throws InterruptedException {
        Sent next = sent.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no attempt reached worker " + id + " within 5 s");
        }
        return next;
    }

    /** Asserts that no attempt reaches this worker within the given time. */
    void expectNothing(Duration within) throws InterruptedException {
        Sent next = sent.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (next != null) {
            throw new AssertionError("worker " + id + " unexpectedly received " + next.attempt());
        }
    }

    @Override
    public String workerId() {
        return id;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public CompletableFuture<Outcome> execute(Attempt attempt, DoubleConsumer progress) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        sent.add(new Sent(attempt, progress, outcome));
        return outcome;
    }

    @Override
    public void cancel(Attempt attempt, String reason) {
        cancelled.add(attempt.key());
        sent.stream().filter(s -> s.attempt().equals(attempt)).forEach(s -> s.end(Outcome.Kind.KILLED, reason));
    }

    /** Splits a comma-separated text workload into one chunk per item. */
    @Override
    public CompletableFuture<PhaseOutcome<List<Payload>>> split(String jobId, PluginWork plugin, Payload workload, int chunks,
            Duration timeout) {
        splits++;
        return CompletableFuture.completedFuture(PhaseOutcome.of(
                java.util.Arrays.stream(workload.asText().split(",")).map(Payload::text).toList()));
    }

    /** Joins the chunk results with '+'. */
    @Override
    public CompletableFuture<PhaseOutcome<Payload>> reduce(String jobId, PluginWork plugin, Payload workload, List<Payload> parts,
            Duration timeout) {
        return CompletableFuture.completedFuture(PhaseOutcome.of(Payload.text(
                String.join("+", parts.stream().map(Payload::asText).toList()))));
    }
}
