package io.colony.sandbox.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.io.IOException;

/**
 * The JSON codec a worker hands to tasks (colony-worker's JacksonJsonCodec): Jackson, strict about unknown fields,
 * trailing tokens and nulls for primitives. In process, a program's {@code context.json()} is this codec.
 */
final class WorkerJsonCodec implements JsonCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public <T> T decode(Payload payload, Class<T> type) throws PluginException {
        try {
            return mapper.readValue(payload.bytes(), type);
        } catch (IOException e) {
            throw new PluginException("input: " + e.getMessage(), e);
        }
    }

    @Override
    public Payload encode(Object value) throws PluginException {
        try {
            return Payload.of(mapper.writeValueAsBytes(value), Payload.JSON);
        } catch (JsonProcessingException e) {
            throw new PluginException("result: cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
