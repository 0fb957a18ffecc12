package io.colony.tracker.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracker's HTTP protocol without the HTTP machinery: which path and method do what, and the
 * status and JSON of every answer.
 */
final class TrackerRoutes {

    static final String ANNOUNCE = "/announce";
    static final String HOSTS_AVAILABLE = "/hostsAvailable";

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int SERVICE_UNAVAILABLE = 503;

    private final NodeRegistry registry;
    private final AnnouncementParser parser;
    private final JsonBodies json;

    TrackerRoutes(NodeRegistry registry, AnnouncementParser parser, JsonBodies json) {
        this.registry = registry;
        this.parser = parser;
        this.json = json;
    }

    /**
     * @param query the decoded query parameters
     * @param remoteAddress the IP address the request came from
     */
    JsonResponse handle(String method, String path, Map<String, List<String>> query, byte[] body, String remoteAddress) {
        switch (path) {
            case ANNOUNCE:
                return "POST".equals(method) ? announce(body, remoteAddress) : methodNotAllowed(method, path, "POST");
            case HOSTS_AVAILABLE:
                return "GET".equals(method) ? hostsAvailable(query) : methodNotAllowed(method, path, "GET");
            default:
                return JsonResponse.of(NOT_FOUND, json.error("path: no resource " + quoted(path) + " (try " + HOSTS_AVAILABLE + " or " + ANNOUNCE + ")"));
        }
    }

    /** An answer to a request the HTTP layer could not read or had to refuse, in the same JSON shape. */
    JsonResponse error(int status, String field, String reason) {
        return JsonResponse.of(status, json.error(field + ": " + reason));
    }

    private JsonResponse announce(byte[] body, String remoteAddress) {
        try {
            registry.announce(parser.parse(body, remoteAddress));
            return JsonResponse.of(OK, json.announced(registry.ttl()));
        } catch (InvalidRequestException e) {
            return JsonResponse.of(BAD_REQUEST, json.error(e.getMessage()));
        } catch (TrackerFullException e) {
            return JsonResponse.of(SERVICE_UNAVAILABLE, json.error("tracker full"));
        }
    }

    private JsonResponse hostsAvailable(Map<String, List<String>> query) {
        List<String> clusters = query.getOrDefault("cluster", List.of());
        if (clusters.size() > 1) {
            return error(BAD_REQUEST, "cluster", "given more than once");
        }
        Optional<String> cluster = clusters.stream().findFirst();
        if (cluster.isPresent() && !Names.isValid(cluster.get())) {
            return error(BAD_REQUEST, "cluster", Names.RULE);
        }
        return JsonResponse.of(OK, json.hosts(registry.hosts(cluster)));
    }

    private JsonResponse methodNotAllowed(String method, String path, String allowed) {
        byte[] body = json.error("method: " + quoted(method) + " not allowed on " + path + " (allowed: " + allowed + ")");
        return new JsonResponse(METHOD_NOT_ALLOWED, body, Optional.of(allowed));
    }

    private static String quoted(String text) {
        return "'" + (text.length() <= 80 ? text : text.substring(0, 80) + "...") + "'";
    }
}
