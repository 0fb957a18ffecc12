package io.colony.http.internal.api;

import static java.util.concurrent.CompletableFuture.completedFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobSpecCodec;
import io.colony.api.job.JobStatus;
import io.colony.http.internal.auth.AccessControl;
import io.colony.http.internal.routing.ApiException;
import io.colony.http.internal.routing.Dispatcher;
import io.colony.http.internal.routing.Replies;
import io.colony.http.internal.routing.Reply;
import io.colony.http.internal.routing.Request;
import io.colony.http.internal.routing.Router;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code /api/v1/jobs}: submit, list, inspect, fetch results (optionally waiting), kill and delete jobs. */
public final class JobRoutes {

    public static final String JOBS = "/api/v1/jobs";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    /** The longest {@code ?wait=} on a result, in seconds. */
    public static final int MAX_WAIT_SECONDS = 300;
    static final String KILL_REASON = "killed through the REST API";

    private static final String STATUSES = Arrays.stream(JobStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final JobService jobs;
    private final JobSpecCodec codec;
    private final JsonViews views;
    private final Replies replies;
    private final Executor executor;

    /** @param executor where the answer to a result request is made once its wait ends */
    public JobRoutes(JobService jobs, JobSpecCodec codec, JsonViews views, Replies replies, Executor executor) {
        this.jobs = jobs;
        this.codec = codec;
        this.views = views;
        this.replies = replies;
        this.executor = executor;
    }

    public void register(Router router) {
        router.route("POST", JOBS).jsonBody().to(this::submit);
        router.route("GET", JOBS).parameters("status", "limit").to(this::list);
        router.route("GET", JOBS + "/{id}").to(this::job);
        router.route("DELETE", JOBS + "/{id}").to(this::delete);
        router.route("GET", JOBS + "/{id}/tasks").to(this::tasks);
        router.route("GET", JOBS + "/{id}/result").parameters("wait").to(this::result);
        router.route("POST", JOBS + "/{id}/kill").to(this::kill);
    }

    /** The body is checked to be a JSON object here, so malformed JSON is answered alike everywhere; the codec reads the spec. */
    private CompletionStage<Reply> submit(Request request) throws ApiException {
        replies.readObject(request.body());
        JobHandle handle;
        try {
            JobSpec spec = codec.read(request.body());
            handle = jobs.submit(spec, AccessControl.presentedOrEmpty(request.header("authorization"),
                    request.header(AccessControl.TOKEN_HEADER)));
        } catch (JobRejectedException e) {
            throw new ApiException(JobIds.status(e.reason()), e.field(), JobIds.message(e));
        }
        String id = handle.id();
        return JobIds.onceStored(handle, () -> {
            String self = JOBS + "/" + id;
            JobStatus status = jobs.job(id).map(JobInfo::status).orElse(JobStatus.QUEUED);
            var body = views.object().put("id", id).put("status", status.name());
            body.putObject("links")
                    .put("self", self)
                    .put("tasks", self + "/tasks")
                    .put("result", self + "/result")
                    .put("kill", self + "/kill");
            return replies.json(202, body, Map.of("Location", self));
        });
    }

    private CompletionStage<Reply> list(Request request) throws ApiException {
        JobStatus status = null;
        if (request.parameter("status").isPresent()) {
            status = status(request.parameter("status").get());
        }
        int limit = DEFAULT_LIMIT;
        if (request.parameter("limit").isPresent()) {
            limit = wholeNumber("limit", request.parameter("limit").get(), 1, MAX_LIMIT, "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return replies.ok(views.jobs(jobs.jobs(status, limit)));
    }

    private CompletionStage<Reply> job(Request request) throws ApiException {
        return replies.ok(views.job(find(jobId(request))));
    }

    private CompletionStage<Reply> tasks(Request request) throws ApiException {
        String id = jobId(request);
        return replies.ok(views.tasks(jobs.tasks(id).orElseThrow(() -> noJob(id))));
    }

    /** The result's bytes; with {@code ?wait=N} an unfinished job is waited for up to N seconds, without holding a thread. */
    private CompletionStage<Reply> result(Request request) throws ApiException {
        String id = jobId(request);
        int wait = 0;
        if (request.parameter("wait").isPresent()) {
            wait = wholeNumber("wait", request.parameter("wait").get(), 0, MAX_WAIT_SECONDS,
                    "must be a whole number of seconds from 0 to " + MAX_WAIT_SECONDS);
        }
        JobInfo job = find(id);
        if (wait == 0 || job.status().isFinal()) {
            return completedFuture(resultNow(id));
        }
        CompletableFuture<JobResult> done;
        try {
            done = jobs.completion(id).copy();
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        // whatever ends the wait (the job ending, the time running out, the job vanishing), answer from the job as it is then
        return done.completeOnTimeout(null, wait, TimeUnit.SECONDS)
                .handle((result, failure) -> id)
                .thenApplyAsync(this::resultOrFailure, executor);
    }

    private Reply resultOrFailure(String id) {
        try {
            return resultNow(id);
        } catch (ApiException e) {
            throw new CompletionException(e);
        }
    }

    private Reply resultNow(String id) throws ApiException {
        JobResult result = jobs.result(id).orElse(null);
        if (result == null) {
            JobInfo job = find(id);
            if (job.status().isFinal()) {
                throw ApiException.conflict("job " + id + " is " + job.status() + " but its result is not available")
                        .withDetail("status", job.status().name());
            }
            throw ApiException.conflict("job " + id + " is " + job.status()).withDetail("status", job.status().name());
        }
        if (!result.succeeded()) {
            String why = result.error() == null ? "" : ": " + result.error();
            throw ApiException.conflict("job " + id + " is " + result.status() + why).withDetail("status", result.status().name());
        }
        return new Reply.Full(200, result.result().contentType(), result.result().bytes(), Map.of());
    }

    private CompletionStage<Reply> kill(Request request) throws ApiException {
        String id = jobId(request);
        JobInfo killed = jobs.kill(id, KILL_REASON).orElseThrow(() -> noJob(id));
        return replies.ok(views.job(killed));
    }

    private CompletionStage<Reply> delete(Request request) throws ApiException {
        String id = jobId(request);
        if (jobs.delete(id)) {
            return completedFuture(Reply.Full.empty(204));
        }
        JobInfo job = find(id);
        throw ApiException.conflict("job " + id + " is " + job.status() + "; kill it and wait for it to end before deleting it")
                .withDetail("status", job.status().name());
    }

    /** The {id} of the path; one that cannot be a job id names no job. */
    private static String jobId(Request request) throws ApiException {
        String id = request.pathParameter("id");
        if (!JobIds.isWellFormed(id)) {
            throw noJob(id);
        }
        return id;
    }

    private JobInfo find(String id) throws ApiException {
        return jobs.job(id).orElseThrow(() -> noJob(id));
    }

    private static ApiException noJob(String id) {
        return ApiException.notFound("no job " + Dispatcher.abbreviated(id));
    }

    private static JobStatus status(String text) throws ApiException {
        for (JobStatus status : JobStatus.values()) {
            if (status.name().equalsIgnoreCase(text.trim())) {
                return status;
            }
        }
        throw ApiException.badRequest("status", "must be one of " + STATUSES);
    }

    static int wholeNumber(String field, String text, int min, int max, String rule) throws ApiException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest(field, rule);
    }
}
