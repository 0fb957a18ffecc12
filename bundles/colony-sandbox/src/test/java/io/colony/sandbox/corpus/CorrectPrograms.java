package io.colony.sandbox.corpus;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.SourceCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The correct programs live in {@code src/test/java/correct}: Maven compiles them with the test classes, so a test can run
 * one directly on the JVM and the same source through the sandbox, and compare.
 */
final class CorrectPrograms {

    private static final Path SOURCES = Path.of("src", "test", "java");

    private CorrectPrograms() {
    }

    /** The source of the entry class and of the other top-level classes it needs, as a job would carry it. */
    static SourceCode sourceOf(Class<? extends Plugin> entry, Class<?>... others) {
        Map<String, String> files = new TreeMap<>();
        addSource(entry, files);
        for (Class<?> other : others) {
            addSource(other, files);
        }
        return new SourceCode(files, entry.getName());
    }

    private static void addSource(Class<?> type, Map<String, String> files) {
        String path = type.getName().replace('.', '/') + ".java";
        try {
            files.put(path, Files.readString(SOURCES.resolve(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source of " + type.getName() + " (tests run in the module's directory)", e);
        }
    }

    /** Runs the program directly on the JVM, without the sandbox. */
    static Payload runDirectly(Plugin program, Payload input, RecordingTaskContext context) throws PluginException, InterruptedException {
        return program.execute(input, context);
    }
}
