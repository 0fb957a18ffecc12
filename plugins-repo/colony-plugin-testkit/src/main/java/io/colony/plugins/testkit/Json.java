package io.colony.plugins.testkit;

import io.colony.api.plugin.JsonCodec;
import io.colony.worker.internal.JacksonJsonCodec;

/** The JSON codec a worker gives plugins, for splitter and reducer tests. */
public final class Json {

    private Json() {
    }

    public static JsonCodec codec() {
        return new JacksonJsonCodec();
    }
}
