package io.colony.http.internal.api;

import static java.util.concurrent.CompletableFuture.completedFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.job.JobService;
import io.colony.api.job.WorkerInfo;
import io.colony.http.internal.routing.ApiException;
import io.colony.http.internal.routing.Dispatcher;
import io.colony.http.internal.routing.Replies;
import io.colony.http.internal.routing.Reply;
import io.colony.http.internal.routing.Request;
import io.colony.http.internal.routing.Router;
import java.util.concurrent.CompletionStage;

/** {@code /api/v1/workers}: the workers the manager knows, and their plugins. */
public final class WorkerRoutes {

    public static final String WORKERS = "/api/v1/workers";

    private final JobService jobs;
    private final JsonViews views;
    private final Replies replies;

    public WorkerRoutes(JobService jobs, JsonViews views, Replies replies) {
        this.jobs = jobs;
        this.views = views;
        this.replies = replies;
    }

    public void register(Router router) {
        router.route("GET", WORKERS).to(request -> replies.ok(views.workers(jobs.workers())));
        router.route("GET", WORKERS + "/{id}").to(request -> replies.ok(views.worker(find(request))));
        router.route("GET", WORKERS + "/{id}/plugins").to(request -> {
            WorkerInfo worker = find(request);
            var body = views.object();
            body.set("plugins", views.plugins(worker.plugins()));
            return replies.ok(body);
        });
    }

    private WorkerInfo find(Request request) throws ApiException {
        String id = request.pathParameter("id");
        return jobs.workers().stream().filter(worker -> worker.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no worker " + Dispatcher.abbreviated(id)));
    }
}
