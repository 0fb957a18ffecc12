package io.colony.sandbox.internal.instrument;

import io.colony.sandbox.internal.compile.CompiledClasses;
import io.colony.sandbox.internal.runtime.Guard;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instruments verified classes so that a run can be limited and stopped: a {@link Guard} tick at every method
 * entry and before every backward jump, a guard at the start of every exception handler that throws a stop
 * again (so neither {@code catch (Throwable t)} nor {@code finally} can hold one up), and a check of every array
 * allocation against the memory limit before it happens. Frames are kept as javac wrote them: the inserted code
 * neither branches nor keeps values in locals across a frame.
 */
public final class Instrumenter {

    /** Instruments every class. @throws InstrumentationException naming the class and method that cannot be */
    public CompiledClasses instrument(CompiledClasses classes) throws InstrumentationException {
        return classes.map(this::instrument);
    }

    /** @param binaryName the class's name, for messages */
    public byte[] instrument(String binaryName, byte[] bytes) throws InstrumentationException {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        for (MethodNode method : node.methods) {
            if (method.instructions.size() > 0) {
                new MethodInstrumentation(method).apply();
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        try {
            return writer.toByteArray();
        } catch (MethodTooLargeException e) {
            String method = e.getMethodName().equals("<clinit>") ? "the static initialiser" : e.getMethodName().equals("<init>")
                    ? "a constructor" : "method " + e.getMethodName() + "()";
            throw new InstrumentationException(binaryName + ": " + method + " is too large once the sandbox has added its limit checks ("
                    + e.getCodeSize() + " bytes of code; the JVM allows 65535): split it into smaller methods",
                    node.sourceFile, firstLine(node, e.getMethodName(), e.getDescriptor()));
        } catch (ClassTooLargeException e) {
            throw new InstrumentationException(binaryName + " is too large once the sandbox has added its limit checks ("
                    + e.getConstantPoolCount() + " constants; the JVM allows 65535): split it into smaller classes", node.sourceFile, 0);
        }
    }

    private static int firstLine(ClassNode node, String name, String descriptor) {
        for (MethodNode method : node.methods) {
            if (method.name.equals(name) && method.desc.equals(descriptor)) {
                for (var instruction : method.instructions) {
                    if (instruction instanceof LineNumberNode) {
                        return ((LineNumberNode) instruction).line;
                    }
                }
            }
        }
        return 0;
    }
}
