package io.colony.http.internal.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses, as the client will see it: a status, a message, the field at fault (or
 * empty), further JSON properties (such as a job's {@code status} on a 409) and response headers.
 */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final Map<String, String> details = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field == null ? "" : field;
    }

    /** 400 naming the field: the message is {@code "<field>: <reason>"}. */
    public static ApiException badRequest(String field, String reason) {
        return new ApiException(400, field, field + ": " + reason);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "", message);
    }

    /** Adds a property to the JSON error body (Colony's style only). */
    public ApiException withDetail(String name, String value) {
        details.put(name, value);
        return this;
    }

    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Map<String, String> details() {
        return Map.copyOf(details);
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
