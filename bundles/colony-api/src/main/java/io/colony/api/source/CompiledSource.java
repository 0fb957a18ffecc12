package io.colony.api.source;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/** A job's source, compiled and verified by a {@link SourceSandbox}, ready to run tasks. */
@ProviderType
public interface CompiledSource {

    /** The hash (SHA-256, hex) of the source, the compiler options and the allowlist: the cache key. */
    String hash();

    String entryClass();

    /** How many classes the source compiled to. */
    int classCount();

    /** How long compiling and verifying took when it was done (not when it came from the cache). */
    Duration compileTime();

    /** Whether this call found the source already compiled and verified. */
    boolean fromCache();
}
