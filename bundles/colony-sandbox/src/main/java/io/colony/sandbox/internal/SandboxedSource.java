package io.colony.sandbox.internal;

import io.colony.api.source.CompiledSource;
import io.colony.sandbox.internal.run.PreparedProgram;
import java.time.Duration;

/** A source as {@link SourceSandboxService#compile} gives it: the prepared program and whether it came from the cache. */
final class SandboxedSource implements CompiledSource {

    private final PreparedProgram program;
    private final boolean fromCache;

    SandboxedSource(PreparedProgram program, boolean fromCache) {
        this.program = program;
        this.fromCache = fromCache;
    }

    PreparedProgram program() {
        return program;
    }

    @Override
    public String hash() {
        return program.hash();
    }

    @Override
    public String entryClass() {
        return program.entryClass();
    }

    @Override
    public int classCount() {
        return program.classCount();
    }

    @Override
    public Duration compileTime() {
        return program.compileTime();
    }

    @Override
    public boolean fromCache() {
        return fromCache;
    }

    @Override
    public String toString() {
        return "CompiledSource[" + program.entryClass() + ", " + program.hash() + (fromCache ? ", from the cache]" : "]");
    }
}
