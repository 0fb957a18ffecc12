package io.colony.sandbox.internal.process.child;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The JSON codec of a program in a child JVM, with Jackson configured as the worker's codec is
 * (strict: unknown fields, trailing tokens and nulls for primitives are errors). Its mapper is
 * created on first use, so a program that never asks for JSON does not pay for it.
 */
final class ChildJsonCodec implements JsonCodec {

    private ObjectMapper mapper;

    @Override
    public <T> T decode(Payload payload, Class<T> type) throws PluginException {
        if (!payload.isJson() && !payload.isText()) {
            throw new PluginException("input: expected JSON, got " + payload.mediaType());
        }
        if (payload.size() == 0) {
            throw new PluginException("input: expected JSON, got nothing");
        }
        try {
            return mapper().readValue(payload.bytes(), type);
        } catch (JsonMappingException e) {
            throw new PluginException(path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new PluginException("input: malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PluginException("input: unreadable JSON: " + e.getMessage());
        }
    }

    @Override
    public Payload encode(Object value) throws PluginException {
        try {
            return Payload.of(mapper().writeValueAsBytes(value), Payload.JSON);
        } catch (JsonProcessingException e) {
            throw new PluginException("result: cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        return mapper;
    }

    private static String path(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return field.isEmpty() ? "input" : field;
    }
}
