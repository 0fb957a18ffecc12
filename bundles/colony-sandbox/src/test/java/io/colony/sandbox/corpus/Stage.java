package io.colony.sandbox.corpus;

import java.util.Locale;

/** Where the sandbox stopped a program, or {@link #RAN} when it did not. */
enum Stage {
    /** {@link io.colony.api.source.SourceCode} refused the source before the sandbox saw it. */
    SOURCE,
    /** {@link io.colony.api.source.CompilationException}. */
    COMPILE,
    /** {@link io.colony.api.source.VerificationException}. */
    VERIFY,
    /** A {@link io.colony.api.source.LimitExceededException} or a {@link io.colony.api.plugin.PluginException} from the run. */
    RUN,
    /** The program ran to its end and returned a result. */
    RAN;

    static Stage named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
