package io.colony.worker.internal.remote;

import io.colony.api.job.TaskSetup;
import io.colony.api.worker.TaskListener;
import io.colony.transport.api.Peer;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.TaskProgress;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Sends one attempt's progress to the node that asked for it, as one-way {@link TaskProgress}
 * messages: 0 when the attempt has run for a moment (the manager's sign that the worker received
 * it; see {@link RemoteTaskSettings#receivedDelay()}), then at most one update per
 * {@link #INTERVAL_NANOS} while it runs. Updates are dropped while the connection is congested;
 * nothing is sent once the attempt ended: its outcome tells the rest. A manifest task's setup is
 * sent once, with progress 0, as soon as the worker reports it, and counts as the "received" message.
 */
final class ProgressReporter implements TaskListener {

    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Peer peer;
    private final AttemptKey key;
    private final LongSupplier nanoClock;
    private boolean started;
    private boolean ended;
    private long lastSentNanos;

    ProgressReporter(Peer peer, AttemptKey key, LongSupplier nanoClock) {
        this.peer = peer;
        this.key = key;
        this.nanoClock = nanoClock;
    }

    /** The attempt runs (unless it has ended): sends 0. */
    synchronized void started() {
        if (started || ended) {
            return;
        }
        started = true;
        lastSentNanos = nanoClock.getAsLong();
        send(0);
    }

    /**
     * Progress while the attempt runs. A fraction of 1 (or more) is not sent: the attempt may still
     * fail, and its outcome says when it succeeded.
     */
    @Override
    public synchronized void accept(double fraction) {
        if (!started || ended || Double.isNaN(fraction) || fraction >= 1) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - lastSentNanos < INTERVAL_NANOS || !peer.isWritable()) {
            return;
        }
        lastSentNanos = now;
        send(Math.max(0, fraction));
    }

    /** The manifest's bundles are live: sends the setup (which also says the attempt was received). */
    @Override
    public synchronized void setUp(TaskSetup setup) {
        if (ended) {
            return;
        }
        started = true;
        lastSentNanos = nanoClock.getAsLong();
        io.colony.transport.proto.TaskSetup.Builder sent = io.colony.transport.proto.TaskSetup.newBuilder()
                .addAllArtifacts(setup.artifacts()).setElapsedMillis(setup.time().toMillis()).setFromCache(setup.fromCache());
        peer.send(Envelope.newBuilder().setTaskProgress(message(0).setSetup(sent)).build());
    }

    /** The attempt ended: nothing more is sent. */
    synchronized void ended() {
        ended = true;
    }

    private void send(double fraction) {
        // one-way and lossy: a message lost with the connection changes nothing, the outcome is what counts
        peer.send(Envelope.newBuilder().setTaskProgress(message(fraction)).build());
    }

    private TaskProgress.Builder message(double fraction) {
        return TaskProgress.newBuilder().setJobId(key.jobId()).setTaskIndex(key.taskIndex()).setAttempt(key.attempt())
                .setFraction(fraction);
    }
}
