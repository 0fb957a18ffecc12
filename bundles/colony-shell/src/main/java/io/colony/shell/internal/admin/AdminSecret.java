package io.colony.shell.internal.admin;

import io.colony.api.admin.AdminProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The node's admin secret in {@code data/admin.secret}: 32 random bytes written as 64 hex digits,
 * readable by the node's user only. The HMAC key of the challenge is the decoded bytes.
 */
final class AdminSecret {

    static final int BYTES = 32;

    private AdminSecret() {
    }

    /** Reads the secret, generating it first when the file does not exist. */
    static byte[] loadOrCreate(Path dataDirectory, SecureRandom random, ChannelLog log) throws IOException {
        Path file = dataDirectory.resolve(AdminProtocol.SECRET_FILE);
        if (!Files.exists(file)) {
            byte[] secret = new byte[BYTES];
            random.nextBytes(secret);
            DataFiles.writeOwnerOnly(file, HexFormat.of().formatHex(secret) + "\n");
            log.info("generated a new admin secret in " + file);
            return secret;
        }
        if (!DataFiles.isOwnerOnly(file)) {
            log.warn("the admin secret " + file + " is readable by other users; restrict it with: chmod 600 " + file);
        }
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    static byte[] parse(Path file, String content) {
        try {
            return AdminProtocol.secretKey(content);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage() + "; delete the file and restart the node to generate a new one", e);
        }
    }
}
