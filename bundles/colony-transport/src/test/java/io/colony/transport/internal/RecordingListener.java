package io.colony.transport.internal;

import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.proto.Heartbeat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Remembers what a transport told its listeners, for tests to wait on (always with a timeout). */
final class RecordingListener implements PeerListener {

    record Lost(Peer peer, String reason, long atNanos) {
    }

    record Beat(Peer peer, Heartbeat heartbeat) {
    }

    final BlockingQueue<Peer> connected = new LinkedBlockingQueue<>();
    final BlockingQueue<Lost> lost = new LinkedBlockingQueue<>();
    final BlockingQueue<Beat> heartbeats = new LinkedBlockingQueue<>();

    @Override
    public void peerConnected(Peer peer) {
        connected.add(peer);
    }

    @Override
    public void heartbeat(Peer peer, Heartbeat heartbeat) {
        heartbeats.add(new Beat(peer, heartbeat));
    }

    @Override
    public void peerLost(Peer peer, String reason) {
        lost.add(new Lost(peer, reason, System.nanoTime()));
    }

    Peer nextConnected() throws InterruptedException {
        return connected.poll(10, TimeUnit.SECONDS);
    }

    Lost nextLost(long timeoutMillis) throws InterruptedException {
        return lost.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
