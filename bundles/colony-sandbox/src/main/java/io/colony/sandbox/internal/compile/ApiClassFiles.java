package io.colony.sandbox.internal.compile;

import java.io.IOException;
import java.util.Map;

/**
 * Where the compiler finds the class files of the Colony API that a job's source may use: from the
 * colony-api bundle in a framework, from the class path in unit tests.
 */
@FunctionalInterface
public interface ApiClassFiles {

    /**
     * The class files directly in one package (not its subpackages).
     *
     * @return binary name ({@code io.colony.api.plugin.Plugin}) to class bytes
     * @throws IOException when the package or one of its classes cannot be read
     */
    Map<String, byte[]> classFiles(String packageName) throws IOException;
}
