package io.colony.sandbox.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Plugin;
import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.compile.CompiledClasses;
import io.colony.sandbox.internal.compile.TestApi;
import io.colony.sandbox.internal.run.InProcessPreparer;
import io.colony.sandbox.internal.runtime.AllowlistClassLoader;
import io.colony.sandbox.internal.runtime.Guard;
import io.colony.sandbox.internal.runtime.SandboxClassLoader;
import io.colony.sandbox.internal.runtime.SandboxStop;
import io.colony.sandbox.internal.runtime.StopReason;
import io.colony.sandbox.internal.verify.Allowlist;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

class InstrumenterTest {

    private static final String LOOPS = String.join("\n",
            "package demo;",
            "public class Loops {",
            "    public static int count(int n) {",
            "        int total = 0;",
            "        for (int i = 0; i < n; i++) {",
            "            try { total += i; } catch (RuntimeException e) { total--; } finally { total++; }",
            "        }",
            "        do { total--; } while (total > 1000);",
            "        return total;",
            "    }",
            "    public static Object synchronizedCopy(Object lock) { synchronized (lock) { return lock.toString(); } }",
            "}");

    private final Instrumenter instrumenter = new Instrumenter();

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static boolean isGuard(AbstractInsnNode instruction, String name) {
        return instruction instanceof MethodInsnNode && ((MethodInsnNode) instruction).owner.equals(Guard.INTERNAL_NAME)
                && ((MethodInsnNode) instruction).name.equals(name);
    }

    private byte[] instrumented(String source, String className) throws Exception {
        CompiledClasses classes = TestApi.compiler().compile(SourceCode.of(className.replace('.', '/') + ".java", source, className));
        return instrumenter.instrument(className, classes.bytes(className));
    }

    @Test
    void everyMethodStartsWithATickAndEveryBackwardJumpHasOne() throws Exception {
        ClassNode node = read(instrumented(LOOPS, "demo.Loops"));
        for (MethodNode method : node.methods) {
            AbstractInsnNode first = method.instructions.getFirst();
            while (first.getOpcode() < 0) {
                first = first.getNext();
            }
            assertTrue(isGuard(first, Guard.TICK), method.name + " starts with " + first.getOpcode());
            Map<LabelNode, Integer> positions = new HashMap<>();
            for (int i = 0; i < method.instructions.size(); i++) {
                if (method.instructions.get(i) instanceof LabelNode) {
                    positions.put((LabelNode) method.instructions.get(i), i);
                }
            }
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode instruction = method.instructions.get(i);
                if (instruction instanceof JumpInsnNode && positions.get(((JumpInsnNode) instruction).label) < i) {
                    AbstractInsnNode before = instruction.getPrevious();
                    while (before.getOpcode() < 0) {
                        before = before.getPrevious();
                    }
                    assertTrue(isGuard(before, Guard.TICK), method.name + ": a backward jump at " + i + " without a tick");
                }
            }
        }
    }

    @Test
    void noExceptionHandlerCoversTheGuardAtTheStartOfAHandler() throws Exception {
        ClassNode node = read(instrumented(LOOPS, "demo.Loops"));
        int guards = 0;
        for (MethodNode method : node.methods) {
            List<AbstractInsnNode> code = List.of(method.instructions.toArray());
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                AbstractInsnNode handlerStart = block.handler;
                while (handlerStart.getOpcode() < 0) {
                    handlerStart = handlerStart.getNext();
                }
                assertEquals(org.objectweb.asm.Opcodes.DUP, handlerStart.getOpcode());
                assertTrue(isGuard(handlerStart.getNext(), Guard.CAUGHT));
            }
            for (int i = 0; i < code.size(); i++) {
                if (isGuard(code.get(i), Guard.CAUGHT)) {
                    guards++;
                    for (TryCatchBlockNode block : method.tryCatchBlocks) {
                        int start = code.indexOf(block.start);
                        int end = code.indexOf(block.end);
                        assertTrue(i < start || i >= end, method.name + ": the handler guard at " + i + " is inside " + start + ".." + end);
                    }
                }
            }
        }
        assertTrue(guards >= 3, "guards at the catch, the finally and the synchronized block's handlers: " + guards);
    }

    @Test
    void sandboxedCodeOnAThreadWithoutARunIsStoppedAtItsFirstGuard() throws Exception {
        CompiledClasses classes = TestApi.compiler().compile(SourceCode.of("demo/Loops.java", LOOPS, "demo.Loops"));
        CompiledClasses instrumented = instrumenter.instrument(classes);
        SandboxClassLoader loader = new SandboxClassLoader(new AllowlistClassLoader(Allowlist.builtIn(), Plugin.class.getClassLoader()), instrumented);
        Class<?> loops = loader.loadClass("demo.Loops");
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> loops.getMethod("count", int.class).invoke(null, 3));
        SandboxStop stop = (SandboxStop) thrown.getCause();
        assertEquals(StopReason.Cause.OUTSIDE_RUN, stop.reason().cause());
    }

    @Test
    void aMethodThatGrowsPastTheJvmsLimitIsACompilationErrorAtItsLine() throws Exception {
        StringBuilder source = new StringBuilder("package demo;\npublic class Big implements io.colony.api.plugin.Plugin {\n");
        source.append("    public io.colony.api.plugin.Payload execute(io.colony.api.plugin.Payload p, io.colony.api.plugin.TaskContext c) {"
                + " return p; }\n");
        source.append("    static Object fill() {\n        Object a = null;\n");
        for (int i = 0; i < 7000; i++) {
            source.append("        a = new int[1];\n");
        }
        source.append("        return a;\n    }\n}\n");
        InProcessPreparer preparer = new InProcessPreparer(TestApi.compiler(), () -> { });
        CompilationException thrown = assertThrows(CompilationException.class,
                () -> preparer.prepare(SourceCode.of("demo/Big.java", source.toString(), "demo.Big"), List.of()));
        Diagnostic error = thrown.diagnostics().get(0);
        assertEquals("demo/Big.java", error.file());
        assertEquals(5, error.line());
        assertTrue(error.message().startsWith("demo.Big: method fill() is too large once the sandbox has added its limit checks ("),
                error.message());
        assertTrue(error.message().endsWith("bytes of code; the JVM allows 65535): split it into smaller methods"), error.message());
    }
}
