package io.colony.sandbox.internal.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/** The supertypes and members of the source's classes and, beyond them, of the JDK's. Names are internal. */
final class TypeHierarchy {

    private final Map<String, ClassNode> user;
    private final JdkTypes jdk;

    TypeHierarchy(Map<String, ClassNode> user, JdkTypes jdk) {
        this.user = user;
        this.jdk = jdk;
    }

    boolean isUser(String name) {
        return user.containsKey(name);
    }

    ClassNode user(String name) {
        return user.get(name);
    }

    /** The type itself, then all its supertypes, nearest first; types that cannot be found end their branch. */
    List<String> supertypes(String name) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(name);
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (seen.add(next)) {
                queue.addAll(directSupertypes(next));
            }
        }
        return new ArrayList<>(seen);
    }

    private List<String> directSupertypes(String name) {
        List<String> direct = new ArrayList<>();
        ClassNode node = user.get(name);
        if (node != null) {
            if (node.superName != null) {
                direct.add(node.superName);
            }
            direct.addAll(node.interfaces);
            return direct;
        }
        Optional<JdkTypes.JdkType> type = jdk.find(name);
        if (type.isPresent()) {
            if (type.get().superName() != null) {
                direct.add(type.get().superName());
            }
            direct.addAll(type.get().interfaces());
        }
        return direct;
    }

    /** The JDK types that the source's classes in this user type's hierarchy extend or implement directly. */
    List<String> jdkSupertypesOfUser(String name) {
        Set<String> starts = new LinkedHashSet<>();
        for (String type : supertypes(name)) {
            if (isUser(type)) {
                directSupertypes(type).stream().filter(direct -> !isUser(direct)).forEach(starts::add);
            }
        }
        return new ArrayList<>(starts);
    }

    /** Whether the type itself declares the member (a method by name and descriptor, a field by name and descriptor). */
    boolean declares(String type, String name, String descriptor, boolean field) {
        ClassNode node = user.get(type);
        if (node != null) {
            if (field) {
                for (FieldNode candidate : node.fields) {
                    if (candidate.name.equals(name) && candidate.desc.equals(descriptor)) {
                        return true;
                    }
                }
            } else {
                for (MethodNode candidate : node.methods) {
                    if (candidate.name.equals(name) && candidate.desc.equals(descriptor)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return jdk.find(type).map(found -> (field ? found.fields() : found.methods()).contains(name + descriptor)).orElse(false);
    }

    /** Whether the type or one of its supertypes declares the member. */
    boolean hasMember(String type, String name, String descriptor, boolean field) {
        return supertypes(type).stream().anyMatch(candidate -> declares(candidate, name, descriptor, field));
    }
}
