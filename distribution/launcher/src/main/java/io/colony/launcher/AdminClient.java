package io.colony.launcher;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.Frame;
import io.colony.api.admin.AdminProtocol.FrameType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;

/**
 * A connection to a node's admin channel (see {@link AdminProtocol}), authenticated with the node's
 * secret: it runs Gogo command lines and streams their output.
 */
final class AdminClient implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private AdminClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /** Connects to the node running in the home and authenticates. */
    static AdminClient connect(NodeHome home) throws LauncherException {
        int port = readPort(home);
        byte[] secret = readSecret(home);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) CONNECT_TIMEOUT.toMillis());
            AdminClient client = new AdminClient(socket);
            client.authenticate(secret, port);
            return client;
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new LauncherException("the node in " + home.root() + " is not running (connection refused on port " + port + ")");
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new LauncherException("timed out talking to the node in " + home.root() + " on port " + port, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw new LauncherException("cannot talk to the node in " + home.root() + " on port " + port, e);
        } catch (LauncherException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private void authenticate(byte[] secret, int port) throws IOException, LauncherException {
        socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
        Frame hello = AdminProtocol.read(in);
        if (hello.type() != FrameType.HELLO || !hello.text().startsWith(AdminProtocol.GREETING)) {
            throw new LauncherException("port " + port + " does not speak " + AdminProtocol.GREETING.trim() + " (got " + hello.type() + ")");
        }
        String nonce = hello.text().substring(AdminProtocol.GREETING.length()).trim();
        AdminProtocol.write(out, FrameType.AUTH, AdminProtocol.respond(secret, nonce));
        Frame answer;
        try {
            answer = AdminProtocol.read(in);
        } catch (EOFException e) {
            throw new LauncherException("authentication failed: the node closed the connection");
        }
        switch (answer.type()) {
            case OK -> socket.setSoTimeout(0);
            case ERROR -> throw new LauncherException("authentication failed: " + answer.text());
            default -> throw new LauncherException("protocol error: expected OK or ERROR after AUTH, got " + answer.type());
        }
    }

    /**
     * Runs one command line, copying its output to {@code stdout} and its errors to {@code stderr}.
     *
     * @param timeout how long the command may run before the client gives up
     * @return the command's exit status, 0 when it succeeded
     */
    int execute(String commandLine, OutputStream stdout, OutputStream stderr, Duration timeout) throws LauncherException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            AdminProtocol.write(out, FrameType.EXEC, commandLine);
            while (true) {
                long remainingMillis = Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
                Frame frame = AdminProtocol.read(in);
                switch (frame.type()) {
                    case OUT -> copy(frame, stdout);
                    case ERR -> copy(frame, stderr);
                    case EXIT -> {
                        return frame.status();
                    }
                    case ERROR -> throw new LauncherException("the node refused the command: " + frame.text());
                    default -> throw new LauncherException("protocol error: unexpected " + frame.type() + " frame");
                }
            }
        } catch (SocketTimeoutException e) {
            throw new LauncherException("the command did not finish within " + timeout.toSeconds() + " s: " + commandLine);
        } catch (EOFException e) {
            throw new LauncherException("the node closed the connection before the command finished");
        } catch (IOException e) {
            throw new LauncherException("lost the connection to the node", e);
        }
    }

    private static void copy(Frame frame, OutputStream target) throws IOException {
        target.write(frame.payload());
        target.flush();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static int readPort(NodeHome home) throws LauncherException {
        String text;
        try {
            text = Files.readString(home.portFile(), StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            Optional<NodeLock.RunningNode> running = NodeLock.running(home);
            throw new LauncherException(running.isPresent()
                    ? "the node in " + home.root() + " (" + running.get() + ") has not opened its admin channel yet (no " + home.portFile() + ")"
                    : "no node is running in " + home.root() + " (no " + home.portFile() + ")");
        } catch (IOException e) {
            throw new LauncherException("cannot read " + home.portFile(), e);
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LauncherException(home.portFile() + ": '" + text + "' is not a port number");
    }

    /**
     * The HMAC key: the secret file holds it as hex digits, as the colony-shell bundle writes it
     * (and reads it back) on the node's first start.
     */
    private static byte[] readSecret(NodeHome home) throws LauncherException {
        String content;
        try {
            content = Files.readString(home.secretFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new LauncherException("cannot read the admin secret " + home.secretFile(), e);
        }
        try {
            return AdminProtocol.secretKey(content);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(home.secretFile() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
