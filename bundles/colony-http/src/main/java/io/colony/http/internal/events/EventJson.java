package io.colony.http.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Map;

/**
 * An event's properties as a JSON object: strings, numbers and booleans as they are, arrays and
 * collections as arrays, maps as objects, dates as ISO-8601 text, anything else as its text.
 */
final class EventJson {

    /** Nesting followed at most; deeper values are written as text. */
    static final int MAX_DEPTH = 8;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    static ObjectNode properties(Map<String, ?> properties) {
        ObjectNode object = NODES.objectNode();
        properties.forEach((name, value) -> object.set(name, value(value, 0)));
        return object;
    }

    private static JsonNode value(Object value, int depth) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Date date) {
            return NODES.textNode(date.toInstant().toString());
        }
        if (value instanceof TemporalAccessor || value instanceof Character || value instanceof Enum<?> || depth >= MAX_DEPTH) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), value(item, depth + 1)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(value(item, depth + 1)));
            return array;
        }
        if (value.getClass().isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(value(Array.get(value, i), depth + 1));
            }
            return array;
        }
        return NODES.textNode(value.toString());
    }

    private static JsonNode number(Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return NODES.numberNode(number.intValue());
        }
        if (number instanceof Long value) {
            return NODES.numberNode(value);
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
        }
        if (number instanceof BigInteger value) {
            return NODES.numberNode(value);
        }
        if (number instanceof BigDecimal value) {
            return NODES.numberNode(value);
        }
        return NODES.textNode(number.toString());
    }
}
