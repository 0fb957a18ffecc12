package io.colony.shell.internal.admin;

import io.colony.api.admin.AdminProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.apache.felix.service.command.CommandProcessor;

/**
 * The admin channel with its files: the secret in {@code data/admin.secret} (generated on first
 * use) and, while it listens, the port in {@code data/shell.port}, where {@code bin/colony client}
 * finds them.
 */
public final class AdminChannel implements AutoCloseable {

    private final AdminSocketServer server;
    private final Path portFile;
    private final ChannelLog log;

    private AdminChannel(AdminSocketServer server, Path portFile, ChannelLog log) {
        this.server = server;
        this.portFile = portFile;
        this.log = log;
    }

    /**
     * Starts listening and writes the port file.
     *
     * @throws IOException when the data folder, the secret or the port cannot be used
     */
    public static AdminChannel open(Path dataDirectory, AdminSettings settings, CommandProcessor processor, ChannelLog log)
            throws IOException {
        Files.createDirectories(dataDirectory);
        byte[] secret = AdminSecret.loadOrCreate(dataDirectory, new SecureRandom(), log);
        AdminSocketServer server = AdminSocketServer.start(settings, secret, processor, log);
        Path portFile = dataDirectory.resolve(AdminProtocol.PORT_FILE);
        try {
            DataFiles.writeAtomically(portFile, server.port() + "\n");
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot write the admin port to " + portFile + ": " + e.getMessage(), e);
        }
        return new AdminChannel(server, portFile, log);
    }

    public int port() {
        return server.port();
    }

    /** Removes the port file first, so that no client tries a closed port, then closes the channel. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException e) {
            log.warn("admin channel: cannot delete " + portFile + ": " + e.getMessage());
        }
        server.close();
    }
}
