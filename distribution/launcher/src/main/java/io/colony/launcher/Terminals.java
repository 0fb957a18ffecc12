package io.colony.launcher;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Whether this process talks to a person at a terminal. */
final class Terminals {

    private Terminals() {
    }

    /**
     * True when stdin and stdout are a terminal. From JDK 22 {@link System#console()} may return a
     * console even when they are redirected; {@code Console.isTerminal()} (JDK 22+) then tells.
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}
