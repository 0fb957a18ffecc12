package io.colony.sandbox.internal.compile;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** The classes a source compiled to: binary name ({@code demo.Squares$Row}) to class file bytes. Immutable. */
public final class CompiledClasses {

    private final Map<String, byte[]> classes;

    public CompiledClasses(Map<String, byte[]> classes) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        classes.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        this.classes = Collections.unmodifiableMap(copy);
    }

    /** The binary names, sorted. */
    public Set<String> names() {
        return classes.keySet();
    }

    public boolean contains(String binaryName) {
        return classes.containsKey(binaryName);
    }

    /** A copy of one class's bytes. @throws IllegalArgumentException when there is no such class */
    public byte[] bytes(String binaryName) {
        byte[] bytes = classes.get(binaryName);
        if (bytes == null) {
            throw new IllegalArgumentException("no compiled class " + binaryName);
        }
        return bytes.clone();
    }

    public int size() {
        return classes.size();
    }

    /** Every class transformed, for example instrumented. */
    public <E extends Exception> CompiledClasses map(ClassTransform<E> transform) throws E {
        TreeMap<String, byte[]> mapped = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            mapped.put(entry.getKey(), transform.apply(entry.getKey(), entry.getValue().clone()));
        }
        return new CompiledClasses(mapped);
    }

    /** A change of one class file. */
    @FunctionalInterface
    public interface ClassTransform<E extends Exception> {
        byte[] apply(String binaryName, byte[] bytes) throws E;
    }

    /** Calls {@code action} with each class's name and bytes (a copy). */
    public void forEach(BiConsumer<String, byte[]> action) {
        classes.forEach((name, bytes) -> action.accept(name, bytes.clone()));
    }

    @Override
    public String toString() {
        return "CompiledClasses" + classes.keySet();
    }
}
