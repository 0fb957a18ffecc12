package io.colony.sandbox.internal.verify;

import io.colony.api.source.Violation;
import io.colony.sandbox.internal.compile.CompiledClasses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Checks the compiled classes of a job's source against an {@link Allowlist} before anything of them is loaded:
 * their declarations, the types in their signatures, and every type, field, method, constant and bootstrap their
 * code refers to. Also checks that the entry class can be run as a plugin.
 */
public final class BytecodeVerifier {

    static final String PLUGIN = "io/colony/api/plugin/Plugin";

    private final Allowlist allowlist;
    private final HardDeny hardDeny;

    public BytecodeVerifier(Allowlist allowlist) {
        this(allowlist, HardDeny.builtIn());
    }

    BytecodeVerifier(Allowlist allowlist, HardDeny hardDeny) {
        this.allowlist = allowlist;
        this.hardDeny = hardDeny;
    }

    /** @return every violation, each once; empty when the classes may run */
    public List<Violation> verify(CompiledClasses classes, String entryClass) {
        Map<String, ClassNode> nodes = new HashMap<>();
        classes.forEach((name, bytes) -> {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, 0);
            nodes.put(node.name, node);
        });
        TypeHierarchy types = new TypeHierarchy(nodes, JdkTypes.SHARED);
        ReferenceRules rules = new ReferenceRules(allowlist, hardDeny, types);
        Violations violations = new Violations();
        entryClass(entryClass, types, violations);
        classes.names().forEach(name -> new ClassVerifier(nodes.get(name.replace('.', '/')), rules, violations).verify());
        return violations.list();
    }

    private static void entryClass(String entryClass, TypeHierarchy types, Violations violations) {
        String name = entryClass.replace('.', '/');
        ClassNode node = types.user(name);
        String location = ClassVerifier.CLASS;
        if (node == null) {
            violations.add(entryClass, location, entryClass, "source.entryClass names no class of the source");
            return;
        }
        boolean concrete = (node.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0;
        if ((node.access & Opcodes.ACC_PUBLIC) == 0 || !concrete) {
            violations.add(entryClass, location, entryClass, "the entry class must be public and not abstract");
        }
        if (!types.supertypes(name).contains(PLUGIN)) {
            violations.add(entryClass, location, "io.colony.api.plugin.Plugin", "the entry class must implement io.colony.api.plugin.Plugin");
        }
        boolean constructor = false;
        for (MethodNode method : node.methods) {
            constructor |= method.name.equals("<init>") && method.desc.equals("()V") && (method.access & Opcodes.ACC_PUBLIC) != 0;
        }
        if (!constructor) {
            violations.add(entryClass, location, "<init>()V", "the entry class must have a public constructor without arguments");
        }
    }
}
