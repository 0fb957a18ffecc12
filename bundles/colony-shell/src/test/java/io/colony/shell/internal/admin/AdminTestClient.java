package io.colony.shell.internal.admin;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.Frame;
import io.colony.api.admin.AdminProtocol.FrameType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A minimal admin channel client, as bin/colony client would be; every read times out. */
final class AdminTestClient implements AutoCloseable {

    static final int READ_TIMEOUT_MILLIS = 5000;

    /** What one command produced. */
    record Outcome(String out, String err, int status) {
    }

    private final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;

    private AdminTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    static AdminTestClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return new AdminTestClient(socket);
    }

    /** Connects and answers the challenge with the secret; returns the server's answer (OK or ERROR). */
    static AdminTestClient authenticated(int port, byte[] secret) throws IOException {
        AdminTestClient client = connect(port);
        Frame answer = client.authenticate(secret);
        if (answer.type() != FrameType.OK) {
            client.close();
            throw new IOException("not admitted: " + answer.type() + " " + answer.text());
        }
        return client;
    }

    Frame read() throws IOException {
        return AdminProtocol.read(in);
    }

    /** Reads HELLO and answers it; returns the frame that follows (OK, or ERROR with the reason). */
    Frame authenticate(byte[] secret) throws IOException {
        Frame hello = read();
        if (hello.type() != FrameType.HELLO) {
            return hello;
        }
        String nonce = hello.text().substring(AdminProtocol.GREETING.length());
        AdminProtocol.write(out, FrameType.AUTH, AdminProtocol.respond(secret, nonce));
        return read();
    }

    Outcome exec(String line) throws IOException {
        AdminProtocol.write(out, FrameType.EXEC, line);
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        while (true) {
            Frame frame = read();
            switch (frame.type()) {
                case OUT -> stdout.append(frame.text());
                case ERR -> stderr.append(frame.text());
                case EXIT -> {
                    return new Outcome(stdout.toString(), stderr.toString(), frame.status());
                }
                default -> throw new IOException("unexpected " + frame.type() + ": " + frame.text());
            }
        }
    }

    /** Whether the server has closed the connection: the next read ends the stream (or the connection is reset). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
