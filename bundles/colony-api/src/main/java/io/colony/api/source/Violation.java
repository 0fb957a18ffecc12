package io.colony.api.source;

import java.util.Objects;

/**
 * One thing a compiled class of a job's source may not do.
 *
 * @param className the binary name of the class that does it ({@code demo.Evil})
 * @param location where in the class: a method with its descriptor ({@code run()V}), a field, or
 *     {@code class} for its declaration (superclass, interfaces, modifiers)
 * @param reference what it refers to ({@code java.io.File.<init>(Ljava/lang/String;)V}, {@code java.lang.Thread})
 * @param reason why that is refused, naming the allowlist key to change when an operator may allow it
 */
public record Violation(String className, String location, String reference, String reason) {

    public Violation {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return className + " " + location + ": " + reference + ": " + reason;
    }
}
