package io.colony.sandbox.internal.verify;

import io.colony.api.plugin.Plugin;
import io.colony.sandbox.internal.compile.SourceCompiler;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;

/**
 * The supertypes and declared members of the JDK's classes (and the plugin API's), read with reflection from
 * classes loaded without being initialised. Only found classes are kept, so there are at most as many as the
 * JDK has.
 */
final class JdkTypes {

    static final JdkTypes SHARED = new JdkTypes();

    private final ConcurrentHashMap<String, JdkType> found = new ConcurrentHashMap<>();

    /** @param internalName {@code java/lang/String} */
    Optional<JdkType> find(String internalName) {
        JdkType known = found.get(internalName);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<JdkType> loaded = load(internalName);
        loaded.ifPresent(type -> found.putIfAbsent(internalName, type));
        return loaded;
    }

    private static Optional<JdkType> load(String internalName) {
        String name = internalName.replace('/', '.');
        ClassLoader loader = name.startsWith(SourceCompiler.API_PACKAGE + ".") ? Plugin.class.getClassLoader()
                : ClassLoader.getPlatformClassLoader();
        try {
            Class<?> type = Class.forName(name, false, loader);
            Set<String> methods = new HashSet<>();
            for (Method method : type.getDeclaredMethods()) {
                methods.add(method.getName() + Type.getMethodDescriptor(method));
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                methods.add("<init>" + Type.getConstructorDescriptor(constructor));
            }
            Set<String> fields = new HashSet<>();
            for (Field field : type.getDeclaredFields()) {
                fields.add(field.getName() + Type.getDescriptor(field.getType()));
            }
            String superName = type.getSuperclass() == null ? null : Type.getInternalName(type.getSuperclass());
            List<String> interfaces = Arrays.stream(type.getInterfaces()).map(Type::getInternalName).toList();
            return Optional.of(new JdkType(superName, interfaces, Set.copyOf(methods), Set.copyOf(fields)));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** One class: its direct supertypes (internal names) and its declared members as name + descriptor. */
    record JdkType(String superName, List<String> interfaces, Set<String> methods, Set<String> fields) {
    }
}
