package io.colony.shell.internal.command;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Process;

/** Whether a command writes to a person's terminal, where a line may be redrawn, or to a client, pipe or file. */
final class Terminals {

    /** The session variable Gogo's JLine console sets to its terminal (Shell.VAR_TERMINAL). */
    static final String TERMINAL_VARIABLE = ".terminal";
    static final int STDOUT = 1;
    static final int STDERR = 2;

    private Terminals() {
    }

    /**
     * True when the session is the node's console (the admin channel's sessions have no terminal) and
     * the stream is not redirected in the command's pipeline.
     */
    static boolean isTerminal(CommandSession session, int descriptor) {
        if (session == null || session.get(TERMINAL_VARIABLE) == null) {
            return false;
        }
        Process process = Process.Utils.current();
        return process == null || process.isTty(descriptor);
    }
}
