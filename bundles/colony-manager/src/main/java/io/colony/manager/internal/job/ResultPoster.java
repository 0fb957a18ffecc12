package io.colony.manager.internal.job;

import io.colony.api.job.JobResult;
import io.colony.api.job.ResultAction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/** POSTs finished jobs' results to the URLs their specs name; a failed delivery is logged, never retried forever. */
final class ResultPoster implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Deliveries waiting beyond this many are dropped (and logged). */
    static final int QUEUE = 1000;

    private final Logger log;
    private final ExecutorService executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "colony-result-poster");
                thread.setDaemon(true);
                return thread;
            });
    private final HttpClient client;

    ResultPoster(Logger log) {
        this.log = log;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor).build();
    }

    /** Delivers the result if the action says so; returns at once. */
    void deliver(ResultAction action, JobResult result) {
        if (!(action instanceof ResultAction.Post post)) {
            return;
        }
        URI url = post.url();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", result.result().contentType())
                .header("X-Colony-Job", result.jobId())
                .header("X-Colony-Status", result.status().name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(result.result().bytes())).build();
        try {
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null) {
                    log.warn("Could not POST the result of job {} to {}: {}", result.jobId(), url, failure.toString());
                } else if (response.statusCode() / 100 != 2) {
                    log.warn("POST of the result of job {} to {} answered {}", result.jobId(), url, response.statusCode());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not POST the result of job {} to {}: {}", result.jobId(), url, e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
