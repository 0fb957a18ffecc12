package io.colony.sandbox.internal.compile;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/** A class file of the Colony API on the compiler's class path, in memory. */
final class ApiClassFile extends SimpleJavaFileObject {

    private final String binaryName;
    private final byte[] bytes;

    ApiClassFile(String binaryName, byte[] bytes) {
        super(URI.create("api:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
        this.binaryName = binaryName;
        this.bytes = bytes;
    }

    String binaryName() {
        return binaryName;
    }

    @Override
    public InputStream openInputStream() {
        return new ByteArrayInputStream(bytes);
    }
}
