package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecFields.CONTENT_TYPE;
import static io.colony.manager.internal.json.SpecFields.INPUT;
import static io.colony.manager.internal.json.SpecFields.INPUT_BASE64;
import static io.colony.manager.internal.json.SpecFields.INPUT_FORMS;
import static io.colony.manager.internal.json.SpecFields.INPUT_TEXT;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.colony.api.job.JobRejectedException;
import io.colony.api.plugin.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The input of a spec, given as {@code input} (any JSON value, {@value Payload#JSON}), {@code inputText}
 * ({@value Payload#TEXT}) or {@code inputBase64} with {@code contentType} (any bytes); none is an empty input.
 */
final class Inputs {

    /** The longest content type accepted. */
    static final int MAX_CONTENT_TYPE_LENGTH = 255;

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    /** type/subtype with optional parameters (RFC 9110, section 8.3.1). */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|\"(?:[^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"))*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Inputs() {
    }

    static Payload read(SpecBody body) throws JobRejectedException {
        JsonNode text = body.fields().get(INPUT_TEXT);
        JsonNode base64 = body.fields().get(INPUT_BASE64);
        JsonNode contentType = body.fields().get(CONTENT_TYPE);
        requireOneForm(body);
        if (contentType != null && base64 == null) {
            throw JsonValues.invalid(CONTENT_TYPE, "only allowed with " + INPUT_BASE64
                    + " (input is " + Payload.JSON + ", inputText is " + Payload.TEXT + ")");
        }
        if (body.input().isPresent()) {
            return Payload.json(body.input().get());
        }
        if (text != null) {
            return Payload.text(JsonValues.text(text, INPUT_TEXT));
        }
        if (base64 != null) {
            if (contentType == null) {
                throw JsonValues.invalid(CONTENT_TYPE, "required with " + INPUT_BASE64);
            }
            return Payload.of(decodeBase64(JsonValues.text(base64, INPUT_BASE64)), contentType(contentType));
        }
        return Payload.empty();
    }

    /**
     * Writes a payload in the form that reads back equal: {@code input} for {@value Payload#JSON} that is one JSON value
     * the reader accepts, without surrounding white space; {@code inputText} for UTF-8 {@value Payload#TEXT}; else
     * {@code inputBase64} and {@code contentType}. The empty payload is left out.
     */
    static void write(ObjectNode spec, Payload input, ObjectMapper mapper) {
        if (input.equals(Payload.empty())) {
            return;
        }
        Optional<String> text = strictUtf8(input.bytes());
        if (input.contentType().equals(Payload.JSON) && text.isPresent() && isOneJsonValue(mapper, text.get())) {
            spec.putRawValue(INPUT, new RawValue(text.get()));
        } else if (input.contentType().equals(Payload.TEXT) && text.isPresent()) {
            spec.put(INPUT_TEXT, text.get());
        } else {
            spec.put(INPUT_BASE64, Base64.getEncoder().encodeToString(input.bytes()));
            spec.put(CONTENT_TYPE, input.contentType());
        }
    }

    private static void requireOneForm(SpecBody body) throws JobRejectedException {
        List<String> given = new ArrayList<>();
        for (String form : INPUT_FORMS) {
            if (form.equals(INPUT) ? body.input().isPresent() : body.fields().containsKey(form)) {
                given.add(form);
            }
        }
        if (given.size() > 1) {
            throw JsonValues.invalid(given.get(1), "not allowed together with " + given.get(0)
                    + "; give at most one of " + String.join(", ", INPUT_FORMS));
        }
    }

    /** Standard base64 (RFC 4648, section 4), padding optional; white space such as line breaks is ignored. */
    private static byte[] decodeBase64(String text) throws JobRejectedException {
        try {
            return Base64.getDecoder().decode(WHITE_SPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw JsonValues.invalid(INPUT_BASE64, "not valid base64: " + e.getMessage());
        }
    }

    private static String contentType(JsonNode value) throws JobRejectedException {
        String text = JsonValues.text(value, CONTENT_TYPE);
        if (text.length() > MAX_CONTENT_TYPE_LENGTH) {
            throw JsonValues.invalid(CONTENT_TYPE, "longer than " + MAX_CONTENT_TYPE_LENGTH + " characters");
        }
        if (!MEDIA_TYPE.matcher(text).matches()) {
            throw JsonValues.invalid(CONTENT_TYPE, "not a media type such as \"image/png\" or "
                    + "\"text/csv; charset=utf-8\": " + JsonValues.quote(text));
        }
        return text;
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the text is exactly one JSON value that reads back whole where the spec puts it: parsed as the element
     * of an array, so that it also keeps within the nesting limit one level down.
     */
    private static boolean isOneJsonValue(ObjectMapper mapper, String text) {
        String wrapped = "[" + text + "]";
        try (JsonParser parser = mapper.createParser(wrapped)) {
            parser.nextToken();
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.END_ARRAY || parser.currentTokenLocation().getCharOffset() != 1) {
                return false;
            }
            String value = SpecBody.valueText(parser, wrapped);
            return value.length() == text.length() && parser.nextToken() == JsonToken.END_ARRAY
                    && parser.nextToken() == null;
        } catch (JsonProcessingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string failed", e);
        }
    }
}
