package io.colony.manager.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.api.job.JobRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job spec's body cut into its top-level fields: each field's value as a tree, except {@code input}, which is kept
 * as the exact JSON text the client sent so that the task receives it unchanged (number precision, key order and
 * white space included).
 *
 * @param fields the top-level fields other than {@code input}, in the order of the body
 * @param input the text of the {@code input} value, if the body has one
 */
record SpecBody(Map<String, JsonNode> fields, Optional<String> input) {

    /** Jackson's "[Source: ...; line: 1, column: 6]" and "[Source: ...; line: 1]", reduced to line and column. */
    private static final Pattern SOURCE_WITH_COLUMN = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern SOURCE_LINE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+)\\]");
    /**
     * Hints at Jackson settings, meaningless to a client: ", from `StreamReadConstraints.getMaxNestingDepth()`",
     * ": enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow", "(not recognized as one since Feature
     * 'ALLOW_COMMENTS' not enabled for parser)"; and any other Java name Jackson quotes with backticks.
     */
    private static final Pattern SETTING_HINTS = Pattern.compile(",? from `[^`]*`|: enable `[^`]*` to allow"
            + "| \\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)|`[^`]*`");
    private static final String DUPLICATE_FIELD = "Duplicate field ";

    SpecBody {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Reads a body that must be one JSON object in UTF-8.
     *
     * @throws JobRejectedException for an empty body, bytes that are not UTF-8 or not JSON, a duplicate key (named by
     *     its path), or a JSON value that is not an object
     */
    static SpecBody parse(ObjectMapper mapper, byte[] body) throws JobRejectedException {
        String text = utf8(body);
        if (text.isBlank()) {
            throw JsonValues.invalid("", "the body is empty");
        }
        try (JsonParser parser = mapper.createParser(text)) {
            try {
                return parseObject(mapper, parser, text);
            } catch (JsonProcessingException e) {
                throw notJson(parser, e);
            }
        } catch (IOException e) {
            // a parser over a String does no I/O, so only a fault of Jackson itself gets here
            throw new UncheckedIOException("reading JSON from a string failed", e);
        }
    }

    private static SpecBody parseObject(ObjectMapper mapper, JsonParser parser, String text)
            throws IOException, JobRejectedException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw JsonValues.invalid("", "the body must be a JSON object, not " + kind(first));
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        String input = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(SpecFields.INPUT)) {
                input = valueText(parser, text);
            } else {
                fields.put(name, mapper.readTree(parser));
            }
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw JsonValues.invalid("", "unexpected content after the JSON object (" + where(parser.currentTokenLocation()) + ")");
        }
        return new SpecBody(fields, Optional.ofNullable(input));
    }

    /** The text of the value at the parser's current token, which it moves to the value's last token. */
    static String valueText(JsonParser parser, String text) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
        } else {
            parser.finishToken();
        }
        int end = (int) parser.currentLocation().getCharOffset();
        return text.substring(start, end);
    }

    private static String kind(JsonToken token) {
        if (token == JsonToken.START_ARRAY) {
            return "an array";
        }
        if (token == JsonToken.VALUE_STRING) {
            return "a string";
        }
        if (token == JsonToken.VALUE_NULL) {
            return "null";
        }
        if (token.isBoolean()) {
            return "a boolean";
        }
        return "a number";
    }

    /** A duplicate key is named by its path; any other syntax error concerns the body as a whole. */
    private static JobRejectedException notJson(JsonParser parser, JsonProcessingException e) {
        String message = clean(e.getOriginalMessage());
        String location = " (" + where(e.getLocation() == null ? parser.currentLocation() : e.getLocation()) + ")";
        if (message.startsWith(DUPLICATE_FIELD)) {
            return JsonValues.invalid(path(parser.getParsingContext()), "the field appears twice in its object" + location);
        }
        if (e instanceof StreamConstraintsException) {
            return JsonValues.invalid("", "the JSON exceeds a limit: " + message + location);
        }
        return JsonValues.invalid("", "not valid JSON: " + message + location);
    }

    private static String clean(String message) {
        String cleaned = SOURCE_WITH_COLUMN.matcher(message == null ? "" : message).replaceAll("line $1, column $2");
        cleaned = SOURCE_LINE.matcher(cleaned).replaceAll("line $1");
        return SETTING_HINTS.matcher(cleaned).replaceAll("");
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The path of the parser's position: {@code targets.workers[1]}. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                parts.push((at.getParent() != null && !at.getParent().inRoot() ? "." : "") + at.getCurrentName());
            }
        }
        return String.join("", parts);
    }

    /** The body as text; JSON between systems is UTF-8 (RFC 8259), and a leading byte order mark is dropped. */
    private static String utf8(byte[] body) throws JobRejectedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw JsonValues.invalid("", "the body is not UTF-8: malformed byte at offset " + in.position());
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
