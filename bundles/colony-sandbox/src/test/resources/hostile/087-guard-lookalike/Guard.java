package io.colony.sandbox.internal.runtime;

/** Named like the sandbox's guard: if it were defined, instrumented calls might resolve to it. */
public final class Guard {

    private Guard() {
    }

    public static void check() {
    }

    public static void tick() {
    }

    public static void enter() {
    }
}
