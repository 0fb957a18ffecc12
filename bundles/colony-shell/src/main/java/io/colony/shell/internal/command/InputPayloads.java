package io.colony.shell.internal.command;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the input arguments of {@code colony:run} into a payload:
 * <ul>
 *   <li>a JSON literal (starts with <code>{</code> or {@code [}) becomes JSON;</li>
 *   <li>{@code @path} becomes the file's bytes, typed by the file's extension;</li>
 *   <li>one or more {@code key=value} arguments become a JSON object (numbers, true, false and null
 *       are recognised, other values are strings);</li>
 *   <li>anything else is text.</li>
 * </ul>
 */
final class InputPayloads {

    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z_$][\\w.$-]*");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final String QUOTING_HINT = " (in the Gogo shell, put JSON in single quotes: '{\"from\":1}')";

    private InputPayloads() {
    }

    /**
     * @param inputs the input arguments, at least one
     * @param workingDirectory where a relative {@code @path} is looked up
     * @param json the worker's JSON codec, which checks JSON inputs exactly as the plugin will read them
     * @throws IllegalArgumentException with a message that starts with {@code input:} and says what is wrong
     */
    static Payload parse(List<String> inputs, Path workingDirectory, JsonCodec json) {
        if (inputs.size() == 1) {
            String input = inputs.get(0);
            if (input.startsWith("{") || input.startsWith("[")) {
                return checkedJson(input, json);
            }
            if (input.startsWith("@")) {
                return file(input.substring(1), workingDirectory, json);
            }
            if (isKeyValue(input)) {
                return keyValueObject(inputs, json);
            }
            return Payload.text(input);
        }
        for (String input : inputs) {
            if (!isKeyValue(input)) {
                throw new IllegalArgumentException("input: '" + input + "' is not key=value; give one input, or "
                        + "key=value pairs only (quote text that contains spaces)");
            }
        }
        return keyValueObject(inputs, json);
    }

    static boolean isKeyValue(String argument) {
        int equals = argument.indexOf('=');
        return equals > 0 && KEY.matcher(argument.substring(0, equals)).matches();
    }

    /** The pairs as a JSON object, in the order given. */
    static Payload keyValueObject(List<String> pairs, JsonCodec json) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            String key = pair.substring(0, equals);
            if (object.containsKey(key)) {
                throw new IllegalArgumentException("input: key '" + key + "' is given twice");
            }
            object.put(key, jsonValue(pair.substring(equals + 1), json));
        }
        try {
            return json.encode(object);
        } catch (PluginException e) {
            throw new IllegalArgumentException("input: " + e.getMessage(), e);
        }
    }

    /** A value as JSON: numbers, booleans, null and JSON objects or arrays as they are; anything else as a string. */
    static Object jsonValue(String value, JsonCodec json) {
        boolean literal = JSON_NUMBER.matcher(value).matches() || value.equals("true") || value.equals("false") || value.equals("null");
        if (literal || value.startsWith("{") || value.startsWith("[")) {
            try {
                return json.decode(Payload.json(value), Object.class);
            } catch (PluginException e) {
                return value;
            }
        }
        return value;
    }

    static String contentTypeOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Payload.JSON;
        }
        if (name.endsWith(".txt")) {
            return Payload.TEXT;
        }
        if (name.endsWith(".png")) {
            return Payload.PNG;
        }
        return Payload.BINARY;
    }

    private static Payload checkedJson(String input, JsonCodec json) {
        Payload payload = Payload.json(input);
        problemIn(payload, json).ifPresent(problem -> {
            String hint = input.indexOf('"') < 0 ? QUOTING_HINT : "";
            throw new IllegalArgumentException("input: not valid JSON: " + problem + hint);
        });
        return payload;
    }

    /** What is wrong with a JSON payload, in the codec's words without its leading "input: ". */
    private static Optional<String> problemIn(Payload payload, JsonCodec json) {
        try {
            json.decode(payload, Object.class);
            return Optional.empty();
        } catch (PluginException e) {
            String message = String.valueOf(e.getMessage());
            return Optional.of(message.startsWith("input: ") ? message.substring("input: ".length()) : message);
        }
    }

    private static Payload file(String name, Path workingDirectory, JsonCodec json) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("input: '@' must be followed by a file name, as in @input.json");
        }
        UserFiles.Named named = UserFiles.resolve(name, workingDirectory);
        String where = "@" + named.where();
        byte[] bytes;
        try {
            bytes = UserFiles.read(named, MAX_FILE_BYTES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input: @" + e.getMessage());
        }
        Payload payload = Payload.of(bytes, contentTypeOf(named.file()));
        if (payload.isJson()) {
            problemIn(payload, json).ifPresent(problem -> {
                throw new IllegalArgumentException("input: " + where + " is not valid JSON: " + problem);
            });
        }
        return payload;
    }
}
