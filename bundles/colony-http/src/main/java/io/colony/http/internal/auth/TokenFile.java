package io.colony.http.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The node's API token in a file ({@code data/api.token} by default): 32 random bytes written as 64
 * hex digits, readable and writable by the node's user only where the file system has POSIX permissions.
 */
public final class TokenFile {

    public static final String DEFAULT_NAME = "api.token";
    static final int BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What {@link #loadOrCreate} found: the token, and whether it was generated now. */
    public record Loaded(String token, boolean generated, boolean ownerOnly) {
    }

    private TokenFile() {
    }

    /**
     * Reads the token, generating the file first when it does not exist.
     *
     * @throws IOException when the file cannot be read or written
     * @throws IllegalStateException naming the file when its content is not a valid token
     */
    public static Loaded loadOrCreate(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[BYTES];
            random.nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            try {
                create(file, token + "\n");
                return new Loaded(token, true, true);
            } catch (FileAlreadyExistsException e) {
                // another process created it meanwhile: read theirs
            }
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!ApiTokens.isValid(token)) {
            throw new IllegalStateException(file + ": the token " + ApiTokens.RULE + "; delete the file and restart to generate a new one");
        }
        return new Loaded(token, false, isOwnerOnly(file));
    }

    static boolean isOwnerOnly(Path file) throws IOException {
        return !supportsPosix() || OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
    }

    /** Creates the file with owner-only permissions from the start, so the token is never readable by others. */
    private static void create(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        FileAttribute<?>[] attributes = supportsPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path created = Files.createFile(file, attributes);
        try {
            Files.writeString(created, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Files.deleteIfExists(created);
            throw e;
        }
    }

    private static boolean supportsPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
