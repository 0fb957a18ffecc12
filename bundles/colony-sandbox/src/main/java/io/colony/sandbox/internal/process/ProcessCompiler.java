package io.colony.sandbox.internal.process;

import io.colony.api.source.CompilationException;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.compile.CompiledClasses;
import io.colony.sandbox.internal.process.protocol.CompilationFailed;
import io.colony.sandbox.internal.process.protocol.CompileRequest;
import io.colony.sandbox.internal.process.protocol.Compiled;
import io.colony.sandbox.internal.process.protocol.Failure;
import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameLimits;
import io.colony.sandbox.internal.process.protocol.FrameType;
import io.colony.sandbox.internal.process.protocol.Protocol;
import io.colony.sandbox.internal.process.protocol.ProtocolException;
import io.colony.sandbox.internal.runtime.LimitMessages;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Compiles source in a child JVM of its own: javac cannot be interrupted, and hostile source can make
 * it run for long or exhaust its heap, which then costs only the child. The child has
 * {@link ProcessSettings#prepareMemoryBytes()} of heap and {@link ProcessSettings#prepareTime()}.
 */
final class ProcessCompiler {

    private static final FrameLimits ANSWERS = type -> {
        switch (type) {
            case COMPILED:
                return Protocol.MAX_PROGRAM_BYTES + (long) Protocol.MAX_CLASSES * (8 + 3 * Protocol.MAX_NAME) + 4;
            case COMPILATION_FAILED:
                return 4 + (long) Protocol.MAX_ITEMS * (4 * (4 + Protocol.MAX_MESSAGE) + 16);
            case FAILURE:
                return 6 + Protocol.MAX_MESSAGE;
            default:
                return -1;
        }
    };

    private final ProcessSettings settings;
    private final ChildLauncher launcher;
    private final ChildSlots slots;
    private final WorkingChildren working = new WorkingChildren();

    ProcessCompiler(ProcessSettings settings, ChildLauncher launcher, ChildSlots slots) {
        this.settings = settings;
        this.launcher = launcher;
        this.slots = slots;
    }

    /** @throws CompilationException with javac's diagnostics, or without a position when the child failed, took too long or ran out of heap */
    CompiledClasses compile(SourceCode source) throws CompilationException {
        if (working.isClosed()) {
            throw new CompilationException("the source sandbox is shutting down");
        }
        try {
            slots.acquire(settings.prepareTime(), "the compilation of " + source.entryClass());
        } catch (ChildSlots.Busy e) {
            throw new CompilationException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompilationException("the compilation was interrupted while it waited for a child JVM");
        }
        Child child = null;
        try {
            child = launcher.launch(settings.prepareMemoryBytes());
            if (!working.add(child)) {
                throw new CompilationException("the source sandbox is shutting down");
            }
            child.expect(ANSWERS);
            child.sendInBackground(new CompileRequest(source, settings.prepareTime()).toFrame());
            Conversation.Watch watch = new Conversation.Watch(settings.prepareTime(), Optional.empty(), settings.stopGrace(), MESSAGES);
            return answer(new Conversation(child, watch).await(frame -> new Outcome.Failed("it sent a " + frame.type() + " frame while compiling"),
                    () -> false));
        } catch (ChildStartException e) {
            throw new CompilationException("the sandbox could not start a child JVM to compile the source: " + e.getMessage());
        } catch (IOException e) {
            throw new CompilationException("the sandbox could not compile the source in a child JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompilationException("the compilation was interrupted while its child JVM started");
        } finally {
            working.remove(child);
            ChildCleanup.close(child);
            slots.release();
        }
    }

    /** Kills the children compiling now and refuses further compilations. */
    void close() {
        working.close();
    }

    private static CompiledClasses answer(Outcome outcome) throws CompilationException {
        if (outcome instanceof Outcome.Finished finished) {
            Frame frame = finished.frame();
            try {
                if (frame.type() == FrameType.COMPILED) {
                    return Compiled.from(frame).classes();
                }
                if (frame.type() == FrameType.COMPILATION_FAILED) {
                    throw new CompilationException(CompilationFailed.from(frame).diagnostics());
                }
                throw new CompilationException(Failure.from(frame).message());
            } catch (ProtocolException e) {
                throw new CompilationException("the child JVM that compiled the source sent a broken answer: " + e.getMessage());
            }
        }
        if (outcome instanceof Outcome.Exceeded exceeded) {
            throw new CompilationException(exceeded.message());
        }
        if (outcome instanceof Outcome.Cancelled) {
            Thread.currentThread().interrupt();
            throw new CompilationException("the compilation was interrupted; its child JVM was stopped");
        }
        throw new CompilationException("the child JVM that compiled the source failed: " + ((Outcome.Failed) outcome).message());
    }

    private static final WatchMessages MESSAGES = new WatchMessages() {
        @Override
        public String wallTime(Duration limit) {
            return "the source did not compile within " + LimitMessages.duration(limit)
                    + " (compile.seconds in etc/io.colony.sandbox.cfg); its child JVM was stopped";
        }

        @Override
        public String cpuTime(Duration limit) {
            return "compiling the source used more than " + LimitMessages.duration(limit) + " of CPU time; its child JVM was stopped";
        }

        @Override
        public String heap(long bytes) {
            return "compiling the source needed more than the " + LimitMessages.bytes(bytes)
                    + " of heap of its child JVM (process.compile.memory.mib in etc/io.colony.sandbox.cfg)";
        }
    };
}
