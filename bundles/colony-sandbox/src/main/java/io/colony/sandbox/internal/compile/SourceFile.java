package io.colony.sandbox.internal.compile;

import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/** One compilation unit of a job's source, in memory; {@link #path()} is its path in the {@code SourceCode}. */
final class SourceFile extends SimpleJavaFileObject {

    private final String path;
    private final String text;

    SourceFile(String path, String text) {
        super(URI.create("string:///" + path), Kind.SOURCE);
        this.path = path;
        this.text = text;
    }

    String path() {
        return path;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
    }
}
