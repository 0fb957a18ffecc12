package io.colony.http.internal.routing;

import io.colony.http.internal.auth.Access;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The route table: method and path pattern ({@code /api/v1/jobs/{id}}) to a handler, with who may
 * use the route, how it words errors, whether it reads a JSON body and which query parameters it takes.
 */
public final class Router {

    /** Answers one request; throws {@link ApiException} for a refusal. */
    @FunctionalInterface
    public interface Handler {
        CompletionStage<Reply> handle(Request request) throws ApiException;
    }

    /** One route. {@code pattern} segments in braces are parameters, matching one path segment. */
    public record Route(String method, String pattern, Access access, ErrorStyle style, boolean jsonBody,
            Set<String> parameters, Handler handler) {

        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(style, "style");
            parameters = Set.copyOf(parameters);
            Objects.requireNonNull(handler, "handler");
        }

        List<String> segments() {
            return Router.segments(pattern);
        }
    }

    /** What a path and method lead to. */
    public sealed interface Match {
        record Found(Route route, Map<String, String> pathParameters) implements Match {
        }

        /** The path exists but not with this method; {@code allow} lists the methods it has. */
        record WrongMethod(String allow, ErrorStyle style) implements Match {
        }

        record NotFound() implements Match {
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /** Starts a route with Colony's defaults: token required, Colony's errors, no body, no parameters. */
    public RouteBuilder route(String method, String pattern) {
        return new RouteBuilder(method, pattern);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * @param rawPath the request's path, still percent-encoded
     * @throws ApiException 400 when a parameter segment is not valid percent-encoding
     */
    public Match match(String method, String rawPath) throws ApiException {
        List<String> path = segments(rawPath);
        Set<String> allowed = new LinkedHashSet<>();
        ErrorStyle style = ErrorStyle.COLONY;
        for (Route route : routes) {
            List<String> pattern = route.segments();
            if (!matches(pattern, path)) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match.Found(route, parameters(pattern, path));
            }
            allowed.add(route.method());
            style = route.style();
        }
        return allowed.isEmpty() ? new Match.NotFound() : new Match.WrongMethod(String.join(", ", allowed), style);
    }

    /** The error style of the routes a path belongs to, for answers given before routing (413, malformed HTTP). */
    public ErrorStyle styleOf(String rawPath) {
        List<String> path = segments(rawPath);
        return routes.stream().filter(route -> matches(route.segments(), path)).map(Route::style).findFirst().orElse(ErrorStyle.COLONY);
    }

    private static boolean matches(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            if (!isParameter(pattern.get(i)) && !pattern.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> parameters(List<String> pattern, List<String> path) throws ApiException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String segment = pattern.get(i);
            if (isParameter(segment)) {
                String name = segment.substring(1, segment.length() - 1);
                try {
                    parameters.put(name, QueryStringDecoder.decodeComponent(path.get(i), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(name, "not valid percent-encoding");
                }
            }
        }
        return parameters;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** The path's segments; one trailing slash is ignored, an empty segment elsewhere is kept (and matches nothing). */
    static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    /** Describes a route before it is added with {@link #to}. */
    public final class RouteBuilder {
        private final String method;
        private final String pattern;
        private Access access = Access.TOKEN;
        private ErrorStyle style = ErrorStyle.COLONY;
        private boolean jsonBody;
        private Set<String> parameters = Set.of();

        private RouteBuilder(String method, String pattern) {
            this.method = method;
            this.pattern = pattern;
        }

        public RouteBuilder access(Access value) {
            this.access = value;
            return this;
        }

        public RouteBuilder style(ErrorStyle value) {
            this.style = value;
            return this;
        }

        /** The route reads a JSON body: another declared content type is refused with 415. */
        public RouteBuilder jsonBody() {
            this.jsonBody = true;
            return this;
        }

        public RouteBuilder parameters(String... names) {
            this.parameters = Set.of(names);
            return this;
        }

        public void to(Handler handler) {
            routes.add(new Route(method, pattern, access, style, jsonBody, parameters, handler));
        }
    }
}
