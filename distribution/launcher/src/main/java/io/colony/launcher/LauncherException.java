package io.colony.launcher;

/** A failure the launcher reports as one line on stderr, ending the command with {@link #status()}. */
class LauncherException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Exit status of a command that failed. */
    static final int FAILED = 1;

    private final int status;

    LauncherException(String message) {
        this(message, null);
    }

    LauncherException(String message, Throwable cause) {
        this(FAILED, message, cause);
    }

    LauncherException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
