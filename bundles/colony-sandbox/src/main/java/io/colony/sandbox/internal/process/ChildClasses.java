package io.colony.sandbox.internal.process;

import io.colony.api.plugin.Plugin;
import io.colony.api.source.SourceSandbox;
import java.util.List;

/** One class of each library a child JVM needs: its class path holds the classes of their jars or bundles, and nothing else. */
final class ChildClasses {

    private ChildClasses() {
    }

    static List<Class<?>> anchors() {
        return List.of(
                ChildClasses.class, // the sandbox itself: the child's main class, the runtime, the verifier
                Plugin.class, // io.colony.api.plugin, the program's API
                SourceSandbox.class, // io.colony.api.source: limits and failures
                org.objectweb.asm.ClassReader.class, // ASM, embedded in the sandbox bundle, separate jars in tests
                org.objectweb.asm.tree.ClassNode.class,
                org.objectweb.asm.commons.GeneratorAdapter.class,
                com.fasterxml.jackson.databind.ObjectMapper.class, // Jackson, for TaskContext.json()
                com.fasterxml.jackson.core.JsonFactory.class,
                com.fasterxml.jackson.annotation.JsonAutoDetect.class);
    }
}
