package io.colony.http.internal.routing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Reads JSON request bodies and writes JSON answers and errors; the one place that knows the error shapes. */
public final class Replies {

    public static final String JSON = "application/json; charset=UTF-8";

    private final ObjectMapper mapper;

    public Replies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A mapper that refuses duplicate keys and anything after the JSON value. */
    public static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A 200 with the JSON body, as a route's finished answer. */
    public CompletionStage<Reply> ok(JsonNode body) {
        return CompletableFuture.completedFuture(json(200, body));
    }

    public Reply.Full json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    public Reply.Full json(int status, JsonNode body, Map<String, String> headers) {
        return new Reply.Full(status, JSON, write(body), headers);
    }

    /** An error in the style of the route it concerns, with the exception's headers. */
    public Reply.Full error(ErrorStyle style, ApiException e) {
        ObjectNode body = mapper.createObjectNode();
        if (style == ErrorStyle.PCCI) {
            body.put("message", e.getMessage());
        } else {
            body.put("error", e.getMessage());
            if (!e.field().isEmpty()) {
                body.put("field", e.field());
            }
            e.details().forEach(body::put);
        }
        return json(e.status(), body, e.headers());
    }

    /**
     * The body as a JSON object.
     *
     * @throws ApiException 400 naming {@code body} when it is empty, not JSON or not an object
     */
    public ObjectNode readObject(byte[] body) throws ApiException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw ApiException.badRequest("body", "not readable (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest("body", "required (a JSON object)");
        }
        if (!root.isObject()) {
            throw ApiException.badRequest("body", "must be a JSON object");
        }
        return (ObjectNode) root;
    }

    /** Parses JSON that this node produced itself (a job spec as the codec writes it). */
    public JsonNode readTrusted(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON", e);
        }
    }

    public byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }

    /** True for {@code application/json} and {@code application/*+json}, with any parameters. */
    public static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }
}
