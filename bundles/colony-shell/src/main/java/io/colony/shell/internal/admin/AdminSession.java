package io.colony.shell.internal.admin;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.Frame;
import io.colony.api.admin.AdminProtocol.FrameType;
import io.colony.shell.internal.ExceptionText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * One client of the admin channel: the challenge, then its commands in a Gogo session.
 *
 * <p>The session's thread reads frames; the commands run one after the other on a second thread,
 * so that the reader notices at once when the client goes away (end of stream) and can interrupt
 * the command that is running: closing the connection is how a client cancels a command.
 */
final class AdminSession implements Runnable {

    static final int NONCE_BYTES = 16;
    static final int MAX_QUEUED_COMMANDS = 16;
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final Socket socket;
    private final byte[] secret;
    private final AdminSettings settings;
    private final CommandProcessor processor;
    private final ChannelLog log;
    private final SecureRandom random;
    private final Consumer<AdminSession> onEnd;
    private final String remote;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger commandsInFlight = new AtomicInteger();
    private volatile CommandSession commandSession;
    private volatile ThreadPoolExecutor commandThread;

    AdminSession(Socket socket, byte[] secret, AdminSettings settings, CommandProcessor processor, ChannelLog log,
            SecureRandom random, Consumer<AdminSession> onEnd) {
        this.socket = socket;
        this.secret = secret;
        this.settings = settings;
        this.processor = processor;
        this.log = log;
        this.random = random;
        this.onEnd = onEnd;
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public void run() {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            if (authenticate(in, out)) {
                serve(in, out);
            }
        } catch (IOException e) {
            if (!closed.get()) {
                log.debug("admin channel: session of " + remote + " ended: " + e.getMessage());
            }
        } finally {
            close();
            awaitCommandThread();
            onEnd.accept(this);
        }
    }

    /**
     * Ends the session without waiting: interrupts a running command, closes the Gogo session and
     * the socket. Safe to call more than once and from any thread.
     */
    void close() {
        closed.set(true);
        CommandSession gogo = commandSession;
        if (gogo != null) {
            gogo.close();
        }
        ThreadPoolExecutor commands = commandThread;
        if (commands != null) {
            commands.shutdownNow();
        }
        closeSocket();
    }

    private void awaitCommandThread() {
        ThreadPoolExecutor commands = commandThread;
        if (commands == null) {
            return;
        }
        try {
            if (!commands.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("admin channel: a command of " + remote + " did not stop within "
                        + CLOSE_WAIT_MILLIS + " ms of its session closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean authenticate(DataInputStream in, DataOutputStream out) throws IOException {
        socket.setSoTimeout(timeoutMillis(settings.authTimeout().toMillis()));
        byte[] nonceBytes = new byte[NONCE_BYTES];
        random.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        AdminProtocol.write(out, FrameType.HELLO, AdminProtocol.GREETING + nonce);
        Frame answer;
        try {
            answer = AdminProtocol.read(in);
        } catch (SocketTimeoutException e) {
            refuse(out, "authentication timed out after " + settings.authTimeout().toSeconds() + " s");
            return false;
        } catch (EOFException e) {
            log.debug("admin channel: " + remote + " left before authenticating");
            return false;
        } catch (IOException e) {
            refuse(out, e.getMessage());
            return false;
        }
        if (answer.type() != FrameType.AUTH) {
            refuse(out, "protocol error: expected AUTH, got " + answer.type());
            return false;
        }
        if (!verifies(nonce, answer.text())) {
            refuse(out, "authentication failed");
            return false;
        }
        AdminProtocol.write(out, FrameType.OK, new byte[0]);
        log.debug("admin channel: " + remote + " authenticated");
        return true;
    }

    private boolean verifies(String nonce, String answer) {
        try {
            return AdminProtocol.verify(secret, nonce, answer);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void serve(DataInputStream in, DataOutputStream out) throws IOException {
        PrintStream stdout = new PrintStream(new FrameOutputStream(out, FrameType.OUT), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FrameOutputStream(out, FrameType.ERR), false, StandardCharsets.UTF_8);
        commandSession = processor.createSession(InputStream.nullInputStream(), stdout, stderr);
        String commandThreadName = Thread.currentThread().getName() + "-command";
        commandThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_COMMANDS), runnable -> NamedThreads.daemon(runnable, commandThreadName));
        if (closed.get()) {
            return; // closed while the session was being set up; run() closes what was just created
        }
        socket.setSoTimeout(timeoutMillis(settings.idleTimeout().toMillis()));
        while (!closed.get()) {
            Frame frame;
            try {
                frame = AdminProtocol.read(in);
            } catch (SocketTimeoutException e) {
                if (commandsInFlight.get() > 0) {
                    continue;
                }
                refuse(out, "idle for " + settings.idleTimeout().toMinutes() + " min, closing the session");
                return;
            } catch (EOFException e) {
                if (commandsInFlight.get() > 0) {
                    log.info("admin channel: " + remote + " disconnected; interrupting its command");
                }
                return;
            } catch (IOException e) {
                if (!closed.get()) {
                    refuse(out, e.getMessage());
                }
                return;
            }
            if (frame.type() != FrameType.EXEC) {
                refuse(out, "protocol error: expected EXEC, got " + frame.type());
                return;
            }
            String line = frame.text();
            commandsInFlight.incrementAndGet();
            try {
                commandThread.execute(() -> execute(line, stdout, stderr, out));
            } catch (RejectedExecutionException e) {
                commandsInFlight.decrementAndGet();
                refuse(out, "too many commands queued (limit " + MAX_QUEUED_COMMANDS + ")");
                return;
            }
        }
    }

    private void execute(String line, PrintStream stdout, PrintStream stderr, DataOutputStream out) {
        int status = AdminProtocol.STATUS_OK;
        try {
            CommandSession gogo = commandSession;
            Object result = gogo.execute(line);
            if (result != null) {
                stdout.println(gogo.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            status = AdminProtocol.STATUS_FAILED;
            stdout.flush();
            stderr.println(ExceptionText.of(e));
        } finally {
            commandsInFlight.decrementAndGet();
        }
        stdout.flush();
        stderr.flush();
        try {
            AdminProtocol.writeExit(out, status);
        } catch (IOException e) {
            log.debug("admin channel: cannot send the exit status to " + remote + ": " + e.getMessage());
            closeSocket();
        }
    }

    /** Sends the reason as an {@link FrameType#ERROR} frame, logs it with the client's address, and closes. */
    private void refuse(DataOutputStream out, String reason) {
        log.warn("admin channel: closing the session of " + remote + ": " + reason);
        try {
            AdminProtocol.write(out, FrameType.ERROR, reason);
        } catch (IOException e) {
            log.debug("admin channel: cannot tell " + remote + " why: " + e.getMessage());
        }
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("admin channel: closing the socket of " + remote + ": " + e.getMessage());
        }
    }

    private static int timeoutMillis(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
    }
}
