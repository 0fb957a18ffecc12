package io.colony.transport.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The cluster secret: the configured one, else the one generated into the data folder on the first
 * start, so that a standalone node works with no configuration. Nodes must share one secret to join.
 */
final class ClusterSecret {

    static final String FILE = "cluster.secret";

    private ClusterSecret() {
    }

    /**
     * @param configured the configured secret, empty when none
     * @param notice told once, when a secret is generated
     */
    static byte[] resolve(String configured, Path dataDirectory, Consumer<String> notice) {
        if (!configured.isEmpty()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDirectory.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                generate(file);
                notice.accept("No cluster.secret configured: generated one into " + file + ". This node can only join nodes"
                        + " holding the same secret: set cluster.secret in etc/io.colony.node.cfg to the same value on every node.");
            }
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (stored.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it to have a new secret generated, or configure cluster.secret");
            }
            return stored.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the cluster secret in " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // another start generated it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data folder's own permissions apply
        }
    }
}
