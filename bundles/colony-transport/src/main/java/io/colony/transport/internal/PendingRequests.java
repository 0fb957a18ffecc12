package io.colony.transport.internal;

import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The requests of one connection that await their response, by correlation id, each with a timeout. */
final class PendingRequests {

    private record Pending(CompletableFuture<Envelope> response, ScheduledFuture<?> timeout) {
    }

    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final EventExecutor timer;
    private volatile String closedReason;

    PendingRequests(EventExecutor timer) {
        this.timer = timer;
    }

    /** Registers a request; the returned id goes into its envelope. */
    long open(CompletableFuture<Envelope> response, Duration timeout, String peerId) {
        long id = lastId.incrementAndGet();
        ScheduledFuture<?> timer = this.timer.schedule(() -> expire(id, timeout, peerId), timeout.toNanos(), TimeUnit.NANOSECONDS);
        pending.put(id, new Pending(response, timer));
        String reason = closedReason;
        if (reason != null) {
            fail(id, reason);
        }
        return id;
    }

    /** Completes the request the response answers; false when none waits (it timed out). */
    boolean complete(Envelope response) {
        Pending request = pending.remove(response.getCorrelationId());
        if (request == null) {
            return false;
        }
        request.timeout().cancel(false);
        if (response.hasError()) {
            request.response().completeExceptionally(new TransportException(Envelopes.describe(response.getError())));
        } else {
            request.response().complete(response);
        }
        return true;
    }

    void fail(long id, String reason) {
        Pending request = pending.remove(id);
        if (request != null) {
            request.timeout().cancel(false);
            request.response().completeExceptionally(new TransportException(reason));
        }
    }

    /** Fails every request waiting now and every one opened later. */
    void failAll(String reason) {
        closedReason = reason;
        for (Long id : pending.keySet()) {
            fail(id, reason);
        }
    }

    int size() {
        return pending.size();
    }

    private void expire(long id, Duration timeout, String peerId) {
        fail(id, "no response from node " + peerId + " within " + timeout.toMillis() + " ms");
    }
}
