package io.colony.sandbox.corpus;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;

/**
 * The tests' {@link JsonCodec}: {@link Json} behind the plugin API; decodes into maps, lists, strings, numbers, booleans,
 * and, as Jackson (the worker's codec) does, a string into the {@link Class} it names.
 */
final class SimpleJsonCodec implements JsonCodec {

    @Override
    public <T> T decode(Payload payload, Class<T> type) throws PluginException {
        Object value;
        try {
            value = Json.parse(payload.asText());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new PluginException("the payload is not JSON: " + e.getMessage());
        }
        if (type == Class.class && value instanceof String name) {
            value = classNamed(name);
        }
        if (value != null && !type.isInstance(value)) {
            throw new PluginException("the JSON is a " + value.getClass().getSimpleName() + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    /** Jackson's ClassDeserializer: Class.forName with the thread's context class loader, initialising the class. */
    private static Class<?> classNamed(String name) throws PluginException {
        try {
            return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new PluginException("no class " + name);
        }
    }

    @Override
    public Payload encode(Object value) throws PluginException {
        try {
            return Payload.json(Json.write(value));
        } catch (IllegalArgumentException e) {
            throw new PluginException(e.getMessage());
        }
    }
}
