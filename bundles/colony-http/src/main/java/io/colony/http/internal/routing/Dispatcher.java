package io.colony.http.internal.routing;

import io.colony.http.internal.auth.AccessControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.log.Logger;

/**
 * Takes a request from routing to answer: 404 and 405, access, query parameters and content type
 * are checked on the calling (network) thread, which is cheap; the route's handler then runs on the
 * bounded request executor, so the network threads never wait on the manager. The future never fails:
 * every refusal and failure becomes an answer, an unexpected one a logged 500 without details.
 */
public final class Dispatcher {

    private final Router router;
    private final AccessControl access;
    private final Replies replies;
    private final Executor executor;
    private final Duration timeout;
    private final Duration asyncLimit;
    private final Logger log;

    /**
     * @param timeout how long a handler may take to return (including its wait for a thread)
     * @param asyncLimit how long the answer a handler returned may take after that (a handler that
     *     waits for a job bounds its wait itself; this is the safety net)
     */
    public Dispatcher(Router router, AccessControl access, Replies replies, Executor executor, Duration timeout,
            Duration asyncLimit, Logger log) {
        this.router = router;
        this.access = access;
        this.replies = replies;
        this.executor = executor;
        this.timeout = timeout;
        this.asyncLimit = asyncLimit;
        this.log = log;
    }

    public CompletableFuture<Reply> dispatch(Request request) {
        ErrorStyle style = ErrorStyle.COLONY;
        try {
            Router.Match match = router.match(request.method(), request.path());
            if (match instanceof Router.Match.WrongMethod wrong) {
                style = wrong.style();
                throw new ApiException(405, "method", "method: '" + abbreviated(request.method()) + "' not allowed on "
                        + abbreviated(request.path()) + " (allowed: " + wrong.allow() + ")").withHeader("Allow", wrong.allow());
            }
            if (!(match instanceof Router.Match.Found found)) {
                throw ApiException.notFound("no route " + abbreviated(request.method()) + " " + abbreviated(request.path())
                        + " (the routes are in /api/v1/openapi.json)");
            }
            Router.Route route = found.route();
            style = route.style();
            access.check(route.access(), request.header("authorization"), request.header(AccessControl.TOKEN_HEADER), request.remote());
            checkParameters(route, request.query());
            checkContentType(route, request.header("content-type"));
            return run(route, request.withPathParameters(found.pathParameters()));
        } catch (ApiException e) {
            return CompletableFuture.completedFuture(replies.error(style, e));
        }
    }

    /** An answer for a refusal made before routing (a body too large, malformed HTTP), in the path's style. */
    public Reply.Full error(String rawPath, ApiException e) {
        return replies.error(router.styleOf(rawPath), e);
    }

    private CompletableFuture<Reply> run(Router.Route route, Request request) {
        CompletableFuture<CompletionStage<Reply>> started;
        try {
            started = CompletableFuture.supplyAsync(() -> call(route, request), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(replies.error(route.style(), busy()));
        }
        return started.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(stage -> stage.toCompletableFuture().copy().orTimeout(asyncLimit.toMillis(), TimeUnit.MILLISECONDS))
                .handle((reply, failure) -> failure == null ? reply : failed(route, request, failure));
    }

    private CompletionStage<Reply> call(Router.Route route, Request request) {
        try {
            return route.handler().handle(request);
        } catch (ApiException e) {
            return CompletableFuture.completedFuture(replies.error(route.style(), e));
        }
    }

    private Reply failed(Router.Route route, Request request, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException e) {
            return replies.error(route.style(), e);
        }
        if (cause instanceof RejectedExecutionException) {
            return replies.error(route.style(), busy());
        }
        if (cause instanceof TimeoutException) {
            log.warn("HTTP: {} {} took longer than allowed; answered 503", request.method(), request.path());
            return replies.error(route.style(), new ApiException(503, "", "the manager did not answer in time; try again"));
        }
        log.error("HTTP: {} {} failed", request.method(), request.path(), cause);
        return replies.error(route.style(), new ApiException(500, "", "internal error"));
    }

    private static ApiException busy() {
        return new ApiException(503, "", "server busy: too many requests waiting; try again").withHeader("Retry-After", "1");
    }

    private static void checkParameters(Router.Route route, Map<String, List<String>> query) throws ApiException {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!route.parameters().contains(name)) {
                throw ApiException.badRequest(abbreviated(name), route.parameters().isEmpty()
                        ? "unknown parameter (this route takes none)"
                        : "unknown parameter (allowed: " + String.join(", ", new TreeSet<>(route.parameters())) + ")");
            }
            if (parameter.getValue().size() > 1) {
                throw ApiException.badRequest(name, "given more than once");
            }
        }
    }

    private static void checkContentType(Router.Route route, String contentType) throws ApiException {
        if (route.jsonBody() && contentType != null && !Replies.isJson(contentType)) {
            throw new ApiException(415, "content-type", "content-type: '" + abbreviated(contentType) + "' is not JSON (send application/json)");
        }
    }

    /** A client-supplied text in a message, without echoing a long one whole. */
    public static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
