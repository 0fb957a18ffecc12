package io.colony.shell.internal.admin;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.FrameType;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;

/**
 * The admin channel's socket: bound to 127.0.0.1 only, one acceptor thread, and at most
 * {@link AdminSettings#sessions()} sessions served at once on a bounded pool; a client beyond that
 * gets an {@link FrameType#ERROR} frame and is disconnected.
 */
final class AdminSocketServer implements AutoCloseable {

    static final InetAddress LOOPBACK = loopback();
    private static final int ACCEPT_POLL_MILLIS = 1000;
    private static final long ACCEPT_ERROR_PAUSE_MILLIS = 100;
    private static final long SHUTDOWN_WAIT_MILLIS = 5000;

    private final ServerSocket serverSocket;
    private final byte[] secret;
    private final AdminSettings settings;
    private final CommandProcessor processor;
    private final ChannelLog log;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore freeSessions;
    private final Set<AdminSession> sessions = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor pool;
    private final Thread acceptor;
    private volatile boolean closed;

    private AdminSocketServer(ServerSocket serverSocket, byte[] secret, AdminSettings settings,
            CommandProcessor processor, ChannelLog log) {
        this.serverSocket = serverSocket;
        this.secret = secret.clone();
        this.settings = settings;
        this.processor = processor;
        this.log = log;
        this.freeSessions = new Semaphore(settings.sessions());
        this.pool = new ThreadPoolExecutor(settings.sessions(), settings.sessions(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), NamedThreads.numbered("colony-admin-session"));
        this.pool.allowCoreThreadTimeOut(true);
        this.acceptor = NamedThreads.daemon(this::acceptLoop, "colony-admin-acceptor");
    }

    /**
     * Binds 127.0.0.1 on the configured port (0: any free port) and starts accepting.
     *
     * @throws IOException naming the address when the port cannot be bound
     */
    static AdminSocketServer start(AdminSettings settings, byte[] secret, CommandProcessor processor, ChannelLog log)
            throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(LOOPBACK, settings.port()));
            serverSocket.setSoTimeout(ACCEPT_POLL_MILLIS);
        } catch (IOException e) {
            serverSocket.close();
            throw new IOException("admin.port = " + settings.port() + ": cannot listen on "
                    + LOOPBACK.getHostAddress() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        AdminSocketServer server = new AdminSocketServer(serverSocket, secret, settings, processor, log);
        server.acceptor.start();
        return server;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** Stops accepting, ends every session (interrupting running commands) and stops the pool, within bounded waits. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("admin channel: closing the server socket: " + e.getMessage());
        }
        sessions.forEach(AdminSession::close);
        pool.shutdownNow();
        try {
            acceptor.join(ACCEPT_POLL_MILLIS * 2L);
            if (!pool.awaitTermination(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("admin channel: sessions still running " + SHUTDOWN_WAIT_MILLIS + " ms after the channel closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (!closed) {
                    log.warn("admin channel: accepting a connection failed: " + e.getMessage());
                    pause();
                }
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        if (closed) {
            refuse(socket, "the admin channel is closing");
            return;
        }
        if (!freeSessions.tryAcquire()) {
            String reason = "too many admin sessions (limit " + settings.sessions() + ")";
            log.warn("admin channel: refused " + socket.getRemoteSocketAddress() + ": " + reason);
            refuse(socket, reason);
            return;
        }
        AdminSession session = new AdminSession(socket, secret, settings, processor, log, random, this::ended);
        sessions.add(session);
        try {
            pool.execute(session);
        } catch (RejectedExecutionException e) {
            ended(session);
            refuse(socket, "the admin channel is closing");
        }
    }

    private void ended(AdminSession session) {
        if (sessions.remove(session)) {
            freeSessions.release();
        }
    }

    private void refuse(Socket socket, String reason) {
        try (socket) {
            AdminProtocol.write(new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())),
                    FrameType.ERROR, reason);
        } catch (IOException e) {
            log.debug("admin channel: cannot tell " + socket.getRemoteSocketAddress() + " why it is refused: " + e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_ERROR_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is not an address", e);
        }
    }
}
