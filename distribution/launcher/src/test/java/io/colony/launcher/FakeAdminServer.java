package io.colony.launcher;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.Frame;
import io.colony.api.admin.AdminProtocol.FrameType;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/** A node's admin channel as far as the client sees it: the handshake, then EXEC answered by a script. */
final class FakeAdminServer implements AutoCloseable {

    /** Answers one command: writes OUT and ERR frames and returns the exit status. */
    interface Script {
        int run(String commandLine, DataOutputStream out) throws IOException, InterruptedException;
    }

    private final byte[] secret;
    private final Script script;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    /** @param secretHex the secret as the node writes it to data/admin.secret */
    FakeAdminServer(String secretHex, Script script) throws IOException {
        this.secret = HexFormat.of().parseHex(secretHex);
        this.script = script;
        this.serverSocket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::serve, "fake-admin-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    List<String> commands() {
        return commands;
    }

    /** Writes data/shell.port and, with the given content, data/admin.secret. */
    void publish(NodeHome home, String secretFileContent) throws IOException {
        Files.createDirectories(home.data());
        Files.writeString(home.portFile(), port() + "\n");
        Files.writeString(home.secretFile(), secretFileContent);
    }

    private void serve() {
        while (!serverSocket.isClosed()) {
            try (Socket socket = serverSocket.accept()) {
                converse(socket);
            } catch (IOException | InterruptedException e) {
                // the client went away or the server closed; serve the next one
            }
        }
    }

    private void converse(Socket socket) throws IOException, InterruptedException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String nonceHex = HexFormat.of().formatHex(nonce);
        AdminProtocol.write(out, FrameType.HELLO, AdminProtocol.GREETING + nonceHex);
        Frame answer = AdminProtocol.read(in);
        if (answer.type() != FrameType.AUTH || !AdminProtocol.verify(secret, nonceHex, answer.text())) {
            AdminProtocol.write(out, FrameType.ERROR, "wrong answer to the challenge");
            return;
        }
        AdminProtocol.write(out, FrameType.OK, new byte[0]);
        while (true) {
            Frame exec;
            try {
                exec = AdminProtocol.read(in);
            } catch (EOFException e) {
                return;
            }
            commands.add(exec.text());
            AdminProtocol.writeExit(out, script.run(exec.text(), out));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        serverSocket.close();
        acceptor.join(5000);
    }
}
