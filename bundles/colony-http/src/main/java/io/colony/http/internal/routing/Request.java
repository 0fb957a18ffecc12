package io.colony.http.internal.routing;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the routes see it, its body read whole.
 *
 * @param path the path without query, percent-encoded as it came
 * @param query decoded query parameters
 * @param headers the header values the API reads, by lower-case name, each header's first value
 * @param remote the client's IP address, or null when unknown
 * @param pathParameters the decoded values of the route's {@code {name}} segments (empty before routing)
 */
public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
        byte[] body, InetAddress remote, Map<String, String> pathParameters) {

    public Request {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        pathParameters = Map.copyOf(pathParameters);
    }

    public Request withPathParameters(Map<String, String> parameters) {
        return new Request(method, path, query, headers, body, remote, parameters);
    }

    /** A header's value by its name in any case, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no parameter {" + name + "}");
        }
        return value;
    }

    /** A query parameter's value; the dispatcher has already refused one given twice. */
    public Optional<String> parameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
