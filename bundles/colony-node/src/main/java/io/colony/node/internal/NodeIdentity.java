package io.colony.node.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Chooses the node id: configured, else the one remembered in the data folder, else the host name. */
final class NodeIdentity {

    static final String ID_FILE = "node.id";

    private NodeIdentity() {
    }

    static String resolve(String configuredId, Path dataDirectory) {
        if (!configuredId.isEmpty()) {
            return configuredId;
        }
        Path idFile = dataDirectory.resolve(ID_FILE);
        try {
            if (Files.isRegularFile(idFile)) {
                String remembered = Files.readString(idFile, StandardCharsets.UTF_8).trim();
                if (!remembered.isEmpty()) {
                    return remembered;
                }
            }
            String id = sanitise(hostName());
            Files.createDirectories(dataDirectory);
            Path temporary = Files.createTempFile(dataDirectory, ID_FILE, ".tmp");
            Files.writeString(temporary, id + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, idFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the node id in " + idFile, e);
        }
    }

    static String sanitise(String hostName) {
        String shortName = hostName.contains(".") && !hostName.matches("[0-9.]+") ? hostName.substring(0, hostName.indexOf('.')) : hostName;
        String cleaned = shortName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63);
        }
        return cleaned.isEmpty() ? "node" : cleaned;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "node";
        }
    }
}
