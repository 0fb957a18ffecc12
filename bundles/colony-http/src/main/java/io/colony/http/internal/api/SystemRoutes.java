package io.colony.http.internal.api;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.colony.http.internal.auth.Access;
import io.colony.http.internal.events.EventStream;
import io.colony.http.internal.routing.Replies;
import io.colony.http.internal.routing.Reply;
import io.colony.http.internal.routing.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The health check, the OpenAPI document and the event stream. */
public final class SystemRoutes {

    public static final String HEALTH = "/api/v1/health";
    public static final String OPENAPI = "/api/v1/openapi.json";
    public static final String EVENTS = "/api/v1/events";
    /** The OpenAPI document, a resource beside this class. */
    static final String OPENAPI_RESOURCE = "openapi.json";

    private final String nodeId;
    private final EventStream events;
    private final Replies replies;
    private final byte[] openApi;

    public SystemRoutes(String nodeId, EventStream events, Replies replies) {
        this.nodeId = nodeId;
        this.events = events;
        this.replies = replies;
        this.openApi = openApiDocument();
    }

    public void register(Router router) {
        router.route("GET", HEALTH).access(Access.PUBLIC)
                .to(request -> completedFuture(replies.json(200, replies.mapper().createObjectNode().put("status", "UP").put("node", nodeId))));
        router.route("GET", OPENAPI)
                .to(request -> completedFuture(new Reply.Full(200, Replies.JSON, openApi, Map.of())));
        router.route("GET", EVENTS).to(request -> completedFuture(new Reply.Stream(events)));
    }

    /** The document's bytes, as shipped in the bundle. */
    public static byte[] openApiDocument() {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its OpenAPI document " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document", e);
        }
    }
}
