package io.colony.sandbox.internal.compile;

import io.colony.api.plugin.Plugin;
import io.colony.sandbox.internal.threads.BoundedThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** The compiler as unit tests use it: the API from the test class path. */
public final class TestApi {

    public static final ApiClassFiles CLASS_FILES = new ClassPathApiClassFiles(Plugin.class.getClassLoader());

    private TestApi() {
    }

    public static SourceCompiler compiler(Duration timeLimit) {
        try {
            return new SourceCompiler(CLASS_FILES, timeLimit,
                    new BoundedThreads("source compiler", 2, 2, Duration.ofSeconds(5), SourceCompiler::compilerThread));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceCompiler compiler() {
        return compiler(Duration.ofSeconds(60));
    }
}
