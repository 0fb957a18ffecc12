package io.colony.discovery.internal.peers;

import io.colony.transport.api.Peer;
import io.colony.transport.api.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.osgi.service.log.Logger;

/**
 * Keeps the candidate peers of every discovery source and connects to each one, through the
 * transport, while it remains a candidate and is not connected; failures back off. Whether a
 * connected peer is alive is the transport's business (heartbeats), not this class's.
 * {@link #tick()} is called periodically by the owner.
 */
public final class PeerConnector implements CandidateSink {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Transport transport;
    private final Backoff backoff;
    private final Clock clock;
    private final BiConsumer<String, Map<String, String>> nodeDescribed;
    private final Logger log;
    private final Map<String, Attempts> candidates = new LinkedHashMap<>();

    /**
     * @param nodeDescribed told the user data of a node whenever a source reports it with its id
     */
    public PeerConnector(Transport transport, Backoff backoff, Clock clock,
            BiConsumer<String, Map<String, String>> nodeDescribed, Logger log) {
        this.transport = transport;
        this.backoff = backoff;
        this.clock = clock;
        this.nodeDescribed = nodeDescribed;
        this.log = log;
    }

    @Override
    public void discovered(Candidate candidate) {
        synchronized (this) {
            Attempts existing = candidates.get(candidate.key());
            if (existing == null) {
                candidates.put(candidate.key(), new Attempts(candidate, clock.instant()));
                log.debug("Candidate peer {}", candidate);
            } else {
                existing.candidate = candidate;
            }
        }
        candidate.nodeId().ifPresent(id -> nodeDescribed.accept(id, candidate.userData()));
    }

    @Override
    public synchronized void removed(String key) {
        Attempts gone = candidates.remove(key);
        if (gone != null) {
            log.debug("No longer a candidate peer: {}", gone.candidate);
        }
    }

    @Override
    public void replaceAll(String source, Collection<Candidate> current) {
        Set<String> keep = new HashSet<>();
        current.forEach(candidate -> keep.add(candidate.key()));
        synchronized (this) {
            List<String> stale = new ArrayList<>();
            candidates.forEach((key, attempts) -> {
                if (attempts.candidate.source().equals(source) && !keep.contains(key)) {
                    stale.add(key);
                }
            });
            stale.forEach(this::removed);
        }
        current.forEach(this::discovered);
    }

    /** The candidates now, in the order they were found. */
    public synchronized List<Candidate> candidates() {
        List<Candidate> list = new ArrayList<>();
        candidates.values().forEach(attempts -> list.add(attempts.candidate));
        return list;
    }

    /** Starts a connection attempt for every candidate that is due one. */
    public void tick() {
        Instant now = clock.instant();
        List<Attempts> due = new ArrayList<>();
        synchronized (this) {
            for (Attempts attempts : candidates.values()) {
                if (attempts.inFlight) {
                    continue;
                }
                if (isConnected(attempts)) {
                    attempts.failures = 0;
                    attempts.nextAttemptAt = now;
                } else if (!now.isBefore(attempts.nextAttemptAt)) {
                    attempts.inFlight = true;
                    due.add(attempts);
                }
            }
        }
        due.forEach(this::connect);
    }

    private boolean isConnected(Attempts attempts) {
        Optional<String> id = attempts.candidate.nodeId().or(() -> Optional.ofNullable(attempts.learnedNodeId));
        return id.flatMap(transport::peer).map(Peer::isConnected).orElse(false);
    }

    private void connect(Attempts attempts) {
        HostAndPort address = attempts.candidate.address();
        CompletableFuture<Peer> connecting;
        try {
            connecting = transport.connect(address.host(), address.port());
        } catch (RuntimeException e) {
            connecting = CompletableFuture.failedFuture(e);
        }
        connecting.orTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((peer, failure) -> finished(attempts, peer, failure));
    }

    private void finished(Attempts attempts, Peer peer, Throwable failure) {
        Candidate candidate;
        int failures;
        Duration delay = Duration.ZERO;
        synchronized (this) {
            attempts.inFlight = false;
            candidate = attempts.candidate;
            if (failure == null) {
                attempts.learnedNodeId = peer.nodeId();
                attempts.failures = 0;
                attempts.nextAttemptAt = clock.instant();
            } else {
                attempts.failures++;
                delay = backoff.delayAfter(attempts.failures);
                attempts.nextAttemptAt = clock.instant().plus(delay);
            }
            failures = attempts.failures;
            if (candidates.get(candidate.key()) != attempts) {
                return; // withdrawn meanwhile: nothing to report
            }
        }
        if (failure == null) {
            log.info("Connected to {} (node {})", candidate, peer.nodeId());
        } else if (failures == 1) {
            log.info("Cannot connect to {}: {}; retrying with backoff up to {} ms", candidate, reason(failure), backoff.max().toMillis());
        } else {
            log.debug("Cannot connect to {} (attempt {}): {}; next in {} ms", candidate, failures, reason(failure), delay.toMillis());
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return "timed out after " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** One candidate and how connecting to it has gone. Guarded by the connector. */
    private static final class Attempts {
        Candidate candidate;
        Instant nextAttemptAt;
        int failures;
        boolean inFlight;
        String learnedNodeId;

        Attempts(Candidate candidate, Instant now) {
            this.candidate = candidate;
            this.nextAttemptAt = now;
        }
    }
}
