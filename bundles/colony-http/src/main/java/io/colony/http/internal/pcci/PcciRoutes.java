package io.colony.http.internal.pcci;

import static java.util.concurrent.CompletableFuture.completedFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.cluster.MemberState;
import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.Targets;
import io.colony.api.job.WorkerInfo;
import io.colony.http.internal.api.JobIds;
import io.colony.http.internal.auth.Access;
import io.colony.http.internal.routing.ApiException;
import io.colony.http.internal.routing.ErrorStyle;
import io.colony.http.internal.routing.Replies;
import io.colony.http.internal.routing.Reply;
import io.colony.http.internal.routing.Request;
import io.colony.http.internal.routing.Router;
import io.netty.util.NetUtil;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The seed PCCI's REST API, to the letter of {@code reference/pcci-api.md}: pools are command jobs
 * fanned out to named workers; errors are {@code {"message": ...}}; {@code GET /pool/{id}} answers an
 * array of one pool. Usable without a token from the configured PCCI open addresses.
 */
public final class PcciRoutes {

    static final String NOT_CONNECTED = "One or more worker not connected, try GET /workers";
    static final String MISSING_COMMAND = "Missing command";
    static final String NOT_FOUND = "Pool ID not found or expired";
    static final String SUBMITTED = "New pool submited";
    static final String KILL_REASON = "killed through the PCCI API";
    /** Pools listed by {@code GET /pools} at most (the newest). */
    static final int MAX_POOLS = 1000;

    private final JobService jobs;
    private final Replies replies;
    private final PoolView view;

    public PcciRoutes(JobService jobs, Replies replies) {
        this.jobs = jobs;
        this.replies = replies;
        this.view = new PoolView(replies.mapper());
    }

    public void register(Router router) {
        pcci(router.route("POST", "/job").jsonBody()).to(this::submit);
        pcci(router.route("GET", "/pool/{id}")).to(this::pool);
        pcci(router.route("GET", "/pools")).to(this::pools);
        pcci(router.route("GET", "/workers")).to(this::workers);
        pcci(router.route("PUT", "/kill/{id}").jsonBody()).to(this::kill);
    }

    private static Router.RouteBuilder pcci(Router.RouteBuilder route) {
        return route.access(Access.TOKEN_OR_PCCI_ADDRESS).style(ErrorStyle.PCCI);
    }

    /** {@code {"cmd", "workers"}}: the workers are checked first, then the command, as PCCI did. */
    private CompletionStage<Reply> submit(Request request) throws ApiException {
        ObjectNode body = replies.readObject(request.body());
        List<String> workers = connectedWorkers(body.get("workers"));
        JsonNode cmd = body.get("cmd");
        if (cmd == null || !cmd.isTextual() || cmd.textValue().isBlank()) {
            throw new ApiException(400, "cmd", MISSING_COMMAND);
        }
        JobHandle handle;
        try {
            JobSpec spec = JobSpec.command(cmd.textValue()).targets(Targets.workers(workers.toArray(String[]::new))).build();
            handle = jobs.submit(spec);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "", e.getMessage());
        } catch (JobRejectedException e) {
            throw new ApiException(JobIds.status(e.reason()), e.field(), JobIds.message(e));
        }
        String id = handle.id();
        return JobIds.onceStored(handle, () -> {
            ObjectNode answer = replies.mapper().createObjectNode();
            answer.put("pool_id", new BigInteger(id));
            answer.put("message", SUBMITTED);
            return replies.json(200, answer);
        });
    }

    /** An array of one pool: PCCI's quirk, kept for its scripts. */
    private CompletionStage<Reply> pool(Request request) throws ApiException {
        ArrayNode array = replies.mapper().createArrayNode();
        array.add(pool(find(request.pathParameter("id"))));
        return replies.ok(array);
    }

    /** Every pool still known, oldest first (PCCI listed them in the order they were made). */
    private CompletionStage<Reply> pools(Request request) {
        List<JobInfo> newestFirst = jobs.jobs(null, MAX_POOLS);
        ArrayNode array = replies.mapper().createArrayNode();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            if (PoolView.isPool(newestFirst.get(i))) {
                array.add(pool(newestFirst.get(i)));
            }
        }
        return replies.ok(array);
    }

    /** The connected (available) workers: {@code [{"id", "socket": {"_peername": {"address","family","port"}}}]}. */
    private CompletionStage<Reply> workers(Request request) {
        ArrayNode array = replies.mapper().createArrayNode();
        for (WorkerInfo worker : jobs.workers()) {
            if (worker.state() == MemberState.AVAILABLE) {
                ObjectNode entry = array.addObject();
                entry.put("id", worker.id());
                entry.putObject("socket").putObject("_peername")
                        .put("address", worker.host())
                        .put("family", NetUtil.isValidIpV6Address(worker.host()) ? "IPv6" : "IPv4")
                        .put("port", worker.transportPort());
            }
        }
        return replies.ok(array);
    }

    /** {@code {"workers": [...]}}: kills the pool's tasks on those workers. */
    private CompletionStage<Reply> kill(Request request) throws ApiException {
        JobInfo pool = find(request.pathParameter("id"));
        ObjectNode body = replies.readObject(request.body());
        List<String> workers = connectedWorkers(body.get("workers"));
        if (jobs.kill(pool.id(), workers, KILL_REASON).isEmpty()) {
            throw new ApiException(404, "", NOT_FOUND);
        }
        ObjectNode answer = replies.mapper().createObjectNode();
        answer.put("message", "Trying to kill job from pool : " + pool.id() + " on " + String.join(",", workers));
        return replies.ok(answer);
    }

    private ObjectNode pool(JobInfo job) {
        return view.pool(job, jobs.tasks(job.id()).orElse(List.of()),
                job.status().isFinal() ? jobs.result(job.id()) : Optional.empty());
    }

    private JobInfo find(String id) throws ApiException {
        if (!JobIds.isWellFormed(id)) {
            throw new ApiException(404, "", NOT_FOUND);
        }
        return jobs.job(id).filter(PoolView::isPool).orElseThrow(() -> new ApiException(404, "", NOT_FOUND));
    }

    /** The listed worker ids, each once, in order; every one must be connected (available now). */
    private List<String> connectedWorkers(JsonNode listed) throws ApiException {
        if (listed == null || !listed.isArray() || listed.isEmpty()) {
            throw new ApiException(400, "workers", NOT_CONNECTED);
        }
        Set<String> available = jobs.workers().stream()
                .filter(worker -> worker.state() == MemberState.AVAILABLE)
                .map(WorkerInfo::id)
                .collect(Collectors.toSet());
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : listed) {
            if (!item.isTextual() || !available.contains(item.textValue())) {
                throw new ApiException(400, "workers", NOT_CONNECTED);
            }
            ids.add(item.textValue());
        }
        return new ArrayList<>(ids);
    }
}
