package io.colony.discovery.internal.tracker;

import io.colony.discovery.internal.NodeAdvert;
import io.colony.discovery.internal.peers.Candidate;
import io.colony.discovery.internal.peers.CandidateSink;
import io.colony.discovery.internal.peers.HostAndPort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.service.log.Logger;

/**
 * Talks to a tracker: announces this node ({@code POST /announce}) and reads the nodes it knows
 * ({@code GET /hostsAvailable}), whose peers of this cluster become the tracker's candidates.
 * {@link #poll()} is called every tracker interval by the owner; an unreachable tracker is logged
 * once per outage.
 */
public final class TrackerClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final HostAndPort tracker;
    private final NodeAdvert self;
    private final HttpClient http;
    private final CandidateSink sink;
    private final OutageLog outage;
    private final Logger log;

    /** @param http a client with a connect timeout and a bounded executor */
    public TrackerClient(HostAndPort tracker, NodeAdvert self, HttpClient http, CandidateSink sink, Logger log) {
        this.tracker = tracker;
        this.self = self;
        this.http = http;
        this.sink = sink;
        this.log = log;
        this.outage = new OutageLog("Tracker " + tracker, log);
    }

    public void poll() {
        try {
            announce();
            List<TrackerMessages.TrackedNode> nodes = hostsAvailable();
            outage.succeeded();
            sink.replaceAll(Candidate.TRACKER, nodes.stream()
                    .filter(node -> node.advert().isPeerOf(self.id(), self.cluster()))
                    .map(node -> new Candidate(Candidate.TRACKER + ":" + node.advert().id(), Candidate.TRACKER, node.address(),
                            Optional.of(node.advert().id()), node.advert().userData()))
                    .toList());
        } catch (HttpTimeoutException e) {
            outage.failed("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            outage.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void announce() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/announce"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TrackerMessages.announce(self)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        expectSuccess("POST /announce", response);
    }

    private List<TrackerMessages.TrackedNode> hostsAvailable() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/hostsAvailable")).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        expectSuccess("GET /hostsAvailable", response);
        List<TrackerMessages.TrackedNode> nodes = TrackerMessages.hostsAvailable(response.body());
        log.debug("Tracker {} lists {} nodes", tracker, nodes.size());
        return nodes;
    }

    private static void expectSuccess(String what, HttpResponse<String> response) throws TrackerAnswerException {
        if (response.statusCode() / 100 != 2) {
            throw new TrackerAnswerException(what + " answered HTTP " + response.statusCode());
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + tracker + path);
    }

    /** The tracker answered, but not with success. */
    static final class TrackerAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        TrackerAnswerException(String message) {
            super(message);
        }
    }
}
