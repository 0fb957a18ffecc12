package io.colony.manager.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.job.JobRejectedException;
import java.util.Iterator;
import java.util.List;

/**
 * Typed reads of the values of a JSON tree. Each names the value by its path ({@code targets.workers[1]}) and says
 * what was expected when the value does not fit.
 */
final class JsonValues {

    /** Longest client text quoted whole in an error message. */
    private static final int QUOTE_LIMIT = 60;

    private JsonValues() {
    }

    /** A spec that is not valid because of the value at {@code path}; the message starts with the path. */
    static JobRejectedException invalid(String path, String reason) {
        return JobRejectedException.invalid(path, path.isEmpty() ? reason : path + ": " + reason);
    }

    /** The path of a field of the object at {@code path}. */
    static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The path of an element of the array at {@code path}. */
    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** Fails for the first field of {@code object} that is not one of {@code known}, naming it. */
    static void requireKnownFields(JsonNode object, String path, List<String> known) throws JobRejectedException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw unknownField(path, name, known);
            }
        }
    }

    static JobRejectedException unknownField(String path, String name, List<String> known) {
        return invalid(field(path, name),
                "unknown field " + quote(name) + "; known fields: " + String.join(", ", known));
    }

    /** "expected {@code expected}, got a number" */
    static JobRejectedException wrongType(String path, String expected, JsonNode value) {
        return invalid(path, "expected " + expected + ", got " + describe(value));
    }

    /** A JSON true or false. */
    static boolean bool(JsonNode value, String path) throws JobRejectedException {
        if (!value.isBoolean()) {
            throw wrongType(path, "true or false", value);
        }
        return value.booleanValue();
    }

    static String text(JsonNode value, String path) throws JobRejectedException {
        if (!value.isTextual()) {
            throw wrongType(path, "a string", value);
        }
        return value.textValue();
    }

    /** A string with at least one character that is not white space. */
    static String nonBlankText(JsonNode value, String path) throws JobRejectedException {
        String text = text(value, path);
        if (text.isBlank()) {
            throw invalid(path, "must be a non-empty string");
        }
        return text;
    }

    /** A whole number that fits a Java {@code int}. */
    static int integer(JsonNode value, String path) throws JobRejectedException {
        if (!value.isIntegralNumber()) {
            throw wrongType(path, "an integer", value);
        }
        if (!value.canConvertToInt()) {
            throw invalid(path, value.asText() + " is out of range (" + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ")");
        }
        return value.intValue();
    }

    /** The value of a field the object must have. */
    static JsonNode required(JsonNode object, String name, String path) throws JobRejectedException {
        JsonNode value = object.get(name);
        if (value == null) {
            throw invalid(path, "required");
        }
        return value;
    }

    /** A string quoted, a number as written, or what kind of value anything else is: for "..., got ...". */
    static String given(JsonNode value) {
        if (value.isTextual()) {
            return quote(value.textValue());
        }
        return value.isNumber() ? value.asText() : describe(value);
    }

    /** What a JSON value is, for an error message: "a string", "null", "a decimal number"... */
    static String describe(JsonNode value) {
        switch (value.getNodeType()) {
            case STRING:
                return "a string";
            case NUMBER:
                return value.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN:
                return "a boolean";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NULL:
                return "null";
            default:
                return "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Quotes text a client sent, cut short when long so that an error message does not echo a whole document. */
    static String quote(String text) {
        return "'" + (text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...") + "'";
    }
}
