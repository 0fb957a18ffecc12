package io.colony.sandbox.internal.run;

import java.util.function.Predicate;

/**
 * Text about a throwable of sandboxed code, read on the run's thread while its guards still apply (its
 * methods may be the source's own), and never longer than a few kilobytes.
 */
final class ThrowableText {

    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_FRAMES = 30;

    private ThrowableText() {
    }

    /** {@code java.lang.IllegalStateException: message (at demo.Main.execute(Main.java:12))} */
    static String describe(Throwable thrown, Predicate<String> isSourceClass) {
        return headline(thrown) + where(thrown, isSourceClass);
    }

    /**
     * The headline and the stack, as a log line's continuation; the stack ends with the outermost frame of the
     * source's classes (what lies below is the sandbox's own).
     */
    static String withStack(Throwable thrown, Predicate<String> isSourceClass) {
        StringBuilder text = new StringBuilder(headline(thrown));
        StackTraceElement[] frames = thrown.getStackTrace();
        int end = frames.length;
        while (end > 0 && !isSourceClass.test(frames[end - 1].getClassName())) {
            end--;
        }
        end = end == 0 ? frames.length : end;
        for (int i = 0; i < Math.min(end, MAX_FRAMES); i++) {
            text.append("\n\tat ").append(frame(frames[i]));
        }
        if (end > MAX_FRAMES) {
            text.append("\n\t... ").append(end - MAX_FRAMES).append(" more");
        }
        return text.toString();
    }

    private static String headline(Throwable thrown) {
        String message = message(thrown);
        return thrown.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /** The throwable's message, cut after a few kilobytes; null when it has none. */
    static String message(Throwable thrown) {
        String message = thrown.getMessage();
        return message != null && message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
    }

    /**
     * {@code  (at demo.Main.execute(Main.java:12))}: the innermost frame of the source's classes that has a line (a
     * frame stopped at a method's entry guard has none), or nothing.
     */
    static String where(Throwable thrown, Predicate<String> isSourceClass) {
        StackTraceElement withoutLine = null;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (isSourceClass.test(frame.getClassName())) {
                if (frame.getLineNumber() >= 0) {
                    return " (at " + frame(frame) + ")";
                }
                withoutLine = withoutLine == null ? frame : withoutLine;
            }
        }
        return withoutLine == null ? "" : " (at " + frame(withoutLine) + ")";
    }

    private static String frame(StackTraceElement frame) {
        String file = frame.getFileName() == null ? "unknown source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + file + ")";
    }
}
