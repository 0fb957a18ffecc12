package io.colony.shell.internal;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;

/**
 * The real Gogo runtime without a framework, as its activator would set it up: a ThreadIO that
 * routes System.out and System.err of a command to its session's streams, and a processor.
 */
public final class GogoShell implements AutoCloseable {

    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private final CommandProcessorImpl processor;

    public GogoShell() {
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
    }

    public CommandProcessorImpl processor() {
        return processor;
    }

    public GogoShell with(String scope, Object commands) {
        processor.addCommand(scope, commands);
        return this;
    }

    @Override
    public void close() {
        processor.stop();
        threadIO.stop();
    }
}
