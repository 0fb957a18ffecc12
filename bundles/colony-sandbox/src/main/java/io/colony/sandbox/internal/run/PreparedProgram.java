package io.colony.sandbox.internal.run;

import io.colony.sandbox.internal.compile.CompiledClasses;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A job's source compiled, verified and instrumented, ready to run on any number of inputs.
 *
 * @param entryClass the plugin class ({@code demo.Squares})
 * @param classes the instrumented class files
 * @param hash SHA-256 (hex) of the sources, entry class, compiler options and allowlist extensions
 * @param compileTime how long compiling, verifying and instrumenting took
 * @param allowlistExtensions the operator's allowlist entries it was verified with, which the run's class
 *     loader must show it too
 */
public record PreparedProgram(String entryClass, CompiledClasses classes, String hash, Duration compileTime,
        List<String> allowlistExtensions) {

    public PreparedProgram {
        Objects.requireNonNull(entryClass, "entryClass");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(compileTime, "compileTime");
        allowlistExtensions = List.copyOf(allowlistExtensions);
        if (!classes.contains(entryClass)) {
            throw new IllegalArgumentException("the entry class " + entryClass + " is not among the classes " + classes.names());
        }
    }

    public int classCount() {
        return classes.size();
    }
}
