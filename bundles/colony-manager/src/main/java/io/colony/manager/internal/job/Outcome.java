package io.colony.manager.internal.job;

import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * How an attempt ended, as its worker reported it.
 *
 * @param exitCode a command's exit code, or null
 * @param diagnostics the compiler's messages when the attempt failed because its source did not compile; never null
 */
record Outcome(Kind kind, Payload output, Integer exitCode, String error, List<Diagnostic> diagnostics) {

    enum Kind {
        /** The plugin returned, or the command ran to its end (whatever its exit code). */
        SUCCEEDED,
        /** The plugin failed, the attempt timed out, or the worker had no room: another attempt may do better. */
        FAILED,
        /** Cancelled on the manager's request. */
        KILLED,
        /** This worker will never run it (trust policy, no such plugin): try another worker. */
        REFUSED,
        /** The worker was lost, or did not answer in time. */
        LOST
    }

    Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(output, "output");
        diagnostics = List.copyOf(diagnostics);
    }

    static Outcome succeeded(Payload output, Integer exitCode) {
        return new Outcome(Kind.SUCCEEDED, output, exitCode, null, List.of());
    }

    static Outcome of(Kind kind, String error) {
        return of(kind, error, List.of());
    }

    /** An attempt that ended without a result, with the compiler's messages when its source did not compile. */
    static Outcome of(Kind kind, String error, List<Diagnostic> diagnostics) {
        return new Outcome(kind, Payload.empty(), null, error, diagnostics);
    }
}
