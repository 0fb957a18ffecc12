package io.colony.sandbox.internal.run;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;

/**
 * The JSON codec a job's source sees: the worker's (or the child's) codec, except that it never decodes into
 * {@code java.lang.Class}: Jackson would look the name in the JSON up with {@code Class.forName} and initialise
 * that class, whatever the allowlist says. (A source gets {@code Class.class} from {@code x.getClass().getClass()},
 * so the verifier cannot keep it from naming the type; its own fields and parameters of type {@code Class} are
 * refused by the verifier.)
 */
public final class ClassRefusingJsonCodec implements JsonCodec {

    private final JsonCodec delegate;

    public ClassRefusingJsonCodec(JsonCodec delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T decode(Payload payload, Class<T> type) throws PluginException {
        Class<?> element = type;
        while (element != null && element.isArray()) {
            element = element.getComponentType();
        }
        if (element == Class.class) {
            throw new PluginException("json: a source may not decode JSON into java.lang.Class (it would load a class by name)");
        }
        return delegate.decode(payload, type);
    }

    @Override
    public Payload encode(Object value) throws PluginException {
        return delegate.encode(value);
    }
}
