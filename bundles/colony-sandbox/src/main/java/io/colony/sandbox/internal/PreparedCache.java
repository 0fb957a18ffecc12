package io.colony.sandbox.internal;

import io.colony.api.source.CompilationException;
import io.colony.api.source.VerificationException;
import io.colony.sandbox.internal.run.PreparedProgram;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcomes of preparing sources, least recently used dropped first: a program, or the verification or
 * compilation failure (which would come out the same again). Thread-safe.
 */
final class PreparedCache {

    private final Map<String, Object> entries;

    PreparedCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The program prepared under this key, if any.
     *
     * @throws CompilationException a fresh copy of the failure kept for the key
     * @throws VerificationException a fresh copy of the failure kept for the key
     */
    synchronized Optional<PreparedProgram> get(String key) throws CompilationException, VerificationException {
        Object entry = entries.get(key);
        if (entry instanceof VerificationException) {
            throw new VerificationException(((VerificationException) entry).violations());
        }
        if (entry instanceof CompilationException) {
            throw new CompilationException(((CompilationException) entry).diagnostics());
        }
        return Optional.ofNullable((PreparedProgram) entry);
    }

    synchronized void put(String key, PreparedProgram program) {
        entries.put(key, program);
    }

    synchronized void put(String key, VerificationException failure) {
        entries.put(key, failure);
    }

    /**
     * Keeps a compilation failure only when javac pointed into the source: the failures without a position (a time
     * limit, too many compilations, an interruption) may not happen again.
     */
    synchronized void put(String key, CompilationException failure) {
        if (failure.diagnostics().stream().anyMatch(diagnostic -> !diagnostic.file().isEmpty())) {
            entries.put(key, failure);
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
