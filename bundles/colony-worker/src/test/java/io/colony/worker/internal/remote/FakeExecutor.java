package io.colony.worker.internal.remote;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.colony.api.plugin.Payload;
import io.colony.api.worker.CommandExecutor;
import io.colony.api.worker.CommandResult;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.TaskRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/**
 * The worker's executors as the test drives them: every call is recorded with the future it
 * returned, which the test completes, fails or finds cancelled.
 */
final class FakeExecutor implements LocalExecutor, CommandExecutor {

    /** One call: which method, with what, and the future handed back. */
    record Call(String method, TaskRequest request, String commandLine, Duration timeout, int chunks, List<Payload> parts,
            DoubleConsumer progress, CompletableFuture<Object> future) {

        void complete(Object value) {
            future.complete(value);
        }

        void fail(Throwable failure) {
            future.completeExceptionally(failure);
        }
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private volatile int slots = 4;
    private volatile RuntimeException throwOnCall;

    void setSlots(int slots) {
        this.slots = slots;
    }

    /** Makes every following call throw instead of returning a future. */
    void throwOnCall(RuntimeException exception) {
        this.throwOnCall = exception;
    }

    /** The next call made, waiting for it (the server makes them on its starter threads). */
    Call next() throws InterruptedException {
        Call call = calls.poll(10, TimeUnit.SECONDS);
        assertNotNull(call, "the executor was never called");
        return call;
    }

    /** The next call, if one is made within the time. */
    Call poll(long millis) throws InterruptedException {
        return calls.poll(millis, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> record(String method, TaskRequest request, String commandLine, Duration timeout, int chunks,
            List<Payload> parts, DoubleConsumer progress) {
        RuntimeException exception = throwOnCall;
        if (exception != null) {
            throw exception;
        }
        CompletableFuture<Object> future = new CompletableFuture<>();
        calls.add(new Call(method, request, commandLine, timeout, chunks, parts, progress, future));
        return (CompletableFuture<T>) (CompletableFuture<?>) future;
    }

    @Override
    public CompletableFuture<Payload> run(TaskRequest request, DoubleConsumer progress) {
        return record("run", request, null, request.timeout(), 0, List.of(), progress);
    }

    @Override
    public CompletableFuture<Payload> runSplit(TaskRequest request, int chunks, DoubleConsumer progress) {
        throw new AssertionError("the remote server never runs a whole split workload: the manager splits it into tasks");
    }

    @Override
    public CompletableFuture<List<Payload>> split(TaskRequest request, int chunks) {
        return record("split", request, null, request.timeout(), chunks, List.of(), fraction -> { });
    }

    @Override
    public CompletableFuture<Payload> reduce(TaskRequest request, List<Payload> results) {
        return record("reduce", request, null, request.timeout(), 0, results, fraction -> { });
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public CompletableFuture<CommandResult> run(String commandLine, Duration timeout) {
        return record("command", null, commandLine, timeout, 0, List.of(), fraction -> { });
    }
}
