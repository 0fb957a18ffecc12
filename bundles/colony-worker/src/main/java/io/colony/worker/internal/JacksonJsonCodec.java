package io.colony.worker.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.io.IOException;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;

/**
 * The JSON codec plugins get from their task context, backed by Jackson. Strict on input (unknown
 * fields, trailing garbage and nulls for primitives are errors) and precise in its messages: they
 * name the field path and the reason, because they reach the user who wrote the input.
 */
@Component(service = JsonCodec.class)
public final class JacksonJsonCodec implements JsonCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public <T> T decode(Payload payload, Class<T> type) throws PluginException {
        if (!payload.isJson() && !payload.isText()) {
            throw new PluginException("input: expected JSON, got " + payload.mediaType());
        }
        if (payload.size() == 0) {
            throw new PluginException("input: expected JSON, got nothing");
        }
        try {
            return mapper.readValue(payload.bytes(), type);
        } catch (JsonMappingException e) {
            throw new PluginException(describe(e), e);
        } catch (JsonProcessingException e) {
            throw new PluginException("input: malformed JSON" + at(e.getLocation()) + ": " + withoutSourceReference(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new PluginException("input: unreadable JSON: " + e.getMessage(), e);
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

    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String subject = field.isEmpty() ? "input" : field;
        if (e instanceof UnrecognizedPropertyException unknown) {
            return subject + ": unknown field; known fields are " + unknown.getKnownPropertyIds();
        }
        if (e instanceof InvalidFormatException invalid) {
            return subject + ": '" + invalid.getValue() + "' is not a valid " + typeName(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
                && mismatched.getTargetType().isPrimitive() && e.getOriginalMessage().startsWith("Cannot map `null`")) {
            return subject + ": missing or null; a " + typeName(mismatched.getTargetType()) + " is required";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return subject + ": expected " + typeName(mismatched.getTargetType()) + at(e.getLocation()) + " (" + e.getOriginalMessage() + ")";
        }
        return subject + ": " + e.getOriginalMessage();
    }

    /** Jackson's messages may point at "[Source: REDACTED ...]", which says nothing to a user. */
    private static String withoutSourceReference(String message) {
        return message.replaceAll("\\s*\\(start marker at \\[Source: [^]]*\\]\\)", "");
    }

    private static String typeName(Class<?> type) {
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "number (" + type.getSimpleName() + ")";
        }
        return type.isRecord() || !type.getName().startsWith("java.") ? "object" : type.getSimpleName();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
