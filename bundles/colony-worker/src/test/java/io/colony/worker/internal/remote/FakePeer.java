package io.colony.worker.internal.remote;

import io.colony.transport.api.Peer;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.TaskProgress;
import io.colony.transport.proto.WorkerOffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connected node that records the one-way messages sent to it. */
final class FakePeer implements Peer {

    private final String nodeId;
    private final Set<String> roles;
    private final List<Envelope> sent = new CopyOnWriteArrayList<>();
    private volatile boolean connected = true;
    private volatile boolean writable = true;

    FakePeer(String nodeId, String... roles) {
        this.nodeId = nodeId;
        this.roles = Set.of(roles);
    }

    static FakePeer manager(String nodeId) {
        return new FakePeer(nodeId, "manager");
    }

    List<Double> progress() {
        return sent.stream().filter(Envelope::hasTaskProgress).map(Envelope::getTaskProgress).map(TaskProgress::getFraction).toList();
    }

    List<TaskProgress> progressMessages() {
        return sent.stream().filter(Envelope::hasTaskProgress).map(Envelope::getTaskProgress).toList();
    }

    List<WorkerOffer> offers() {
        return sent.stream().filter(Envelope::hasWorkerOffer).map(Envelope::getWorkerOffer).toList();
    }

    void disconnect() {
        connected = false;
    }

    void setWritable(boolean writable) {
        this.writable = writable;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public String host() {
        return "10.0.0.7";
    }

    @Override
    public int listenPort() {
        return 41871;
    }

    @Override
    public CompletableFuture<Envelope> request(Envelope request, Duration timeout) {
        return CompletableFuture.failedFuture(new TransportException("the worker sends no requests"));
    }

    @Override
    public CompletableFuture<Void> send(Envelope message) {
        if (!connected) {
            return CompletableFuture.failedFuture(new TransportException("connection to node " + nodeId + " lost"));
        }
        sent.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void close(String reason) {
        connected = false;
    }

    @Override
    public String toString() {
        return "node " + nodeId;
    }
}
