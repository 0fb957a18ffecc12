package io.colony.sandbox.internal.verify;

import io.colony.api.source.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The violations found so far, each (class, location, reference) once, in the order found. */
final class Violations {

    private final Map<String, Violation> found = new LinkedHashMap<>();

    void add(String className, String location, String reference, String reason) {
        found.putIfAbsent(className + "\u0000" + location + "\u0000" + reference, new Violation(className, location, reference, reason));
    }

    List<Violation> list() {
        return new ArrayList<>(found.values());
    }
}
