package io.colony.sandbox.internal.compile;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import javax.tools.SimpleJavaFileObject;

/** A class file javac writes, kept in memory under its binary name. */
final class ClassOutput extends SimpleJavaFileObject {

    private final String binaryName;
    private final Map<String, byte[]> written;

    ClassOutput(String binaryName, Map<String, byte[]> written) {
        super(URI.create("memory:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
        this.binaryName = binaryName;
        this.written = written;
    }

    @Override
    public OutputStream openOutputStream() {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                written.put(binaryName, toByteArray());
            }
        };
    }
}
