package io.colony.sandbox.internal.instrument;

/** A class could not be instrumented, most often because a method grew past the JVM's 64 KiB code limit. */
public final class InstrumentationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sourceFile;
    private final int line;

    /**
     * @param sourceFile the class's source file name as javac recorded it ({@code Main.java}), or empty
     * @param line the first line of the method concerned, or 0
     */
    public InstrumentationException(String message, String sourceFile, int line) {
        super(message);
        this.sourceFile = sourceFile == null ? "" : sourceFile;
        this.line = line;
    }

    public String sourceFile() {
        return sourceFile;
    }

    public int line() {
        return line;
    }
}
