package io.colony.launcher;

/** The command line is wrong: the launcher prints the usage and the reason, and exits with status 2. */
final class UsageException extends LauncherException {

    private static final long serialVersionUID = 1L;

    static final int STATUS = 2;

    UsageException(String reason) {
        super(STATUS, reason, null);
    }
}
