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
import java.util.Optional;

/**
 * Chooses the node id: configured, else the one remembered in the data folder, else the host name,
 * with a suffix ({@code -2}, {@code -3}, ...) when another node on this host already runs under it.
 * The chosen id is remembered, so it is stable across restarts.
 */
final class NodeIdentity {

    static final String ID_FILE = "node.id";
    private static final int MAX_SUFFIX = 999;

    /** The id and the claim that keeps other nodes on this host from taking it while this node runs. */
    record Resolved(String id, NodeIdClaims.Claim claim) implements AutoCloseable {
        @Override
        public void close() {
            claim.close();
        }
    }

    private NodeIdentity() {
    }

    static Resolved resolve(String configuredId, Path dataDirectory, NodeIdClaims claims) {
        if (!configuredId.isEmpty()) {
            return new Resolved(configuredId, claims.claim(configuredId).orElse(() -> { }));
        }
        Path idFile = dataDirectory.resolve(ID_FILE);
        try {
            if (Files.isRegularFile(idFile)) {
                String remembered = Files.readString(idFile, StandardCharsets.UTF_8).trim();
                Optional<NodeIdClaims.Claim> claim = remembered.isEmpty() ? Optional.empty() : claims.claim(remembered);
                if (claim.isPresent() || (!remembered.isEmpty() && !claims.usable())) {
                    return new Resolved(remembered, claim.orElse(() -> { }));
                }
            }
            Resolved fresh = unclaimed(sanitise(hostName()), claims);
            Files.createDirectories(dataDirectory);
            Path temporary = Files.createTempFile(dataDirectory, ID_FILE, ".tmp");
            Files.writeString(temporary, fresh.id() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, idFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the node id in " + idFile, e);
        }
    }

    private static Resolved unclaimed(String base, NodeIdClaims claims) {
        if (!claims.usable()) {
            return new Resolved(base, () -> { });
        }
        for (int suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
            String candidate = suffix == 1 ? base : base + "-" + suffix;
            Optional<NodeIdClaims.Claim> claim = claims.claim(candidate);
            if (claim.isPresent()) {
                return new Resolved(candidate, claim.get());
            }
        }
        throw new IllegalStateException("more than " + MAX_SUFFIX + " nodes run as " + base + " on this host");
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
