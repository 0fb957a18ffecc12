package io.colony.api.plugin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes JSON payloads as Java objects (records, beans, maps, lists, numbers, strings).
 * Colony provides it to plugins through {@link TaskContext#json()} and to splitters and reducers as
 * an argument, so that a plugin needs no JSON library of its own.
 */
@ProviderType
public interface JsonCodec {

    /**
     * Reads a payload as the given type.
     *
     * @throws PluginException naming the field and reason when the JSON is malformed or does not fit
     */
    <T> T decode(Payload payload, Class<T> type) throws PluginException;

    /** Writes a value as an {@code application/json} payload. */
    Payload encode(Object value) throws PluginException;
}
