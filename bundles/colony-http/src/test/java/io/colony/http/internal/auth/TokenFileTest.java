package io.colony.http.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path data;

    @Test
    void firstStartGeneratesA64HexDigitTokenReadableByTheOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = data.resolve("sub").resolve("api.token");

        TokenFile.Loaded loaded = TokenFile.loadOrCreate(file, new SecureRandom());

        assertTrue(loaded.generated());
        assertTrue(loaded.token().matches("[0-9a-f]{64}"), loaded.token());
        assertEquals(loaded.token() + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(ApiTokens.isValid(loaded.token()));
    }

    @Test
    void laterStartsReadTheSameToken() throws Exception {
        Path file = data.resolve("api.token");
        TokenFile.Loaded first = TokenFile.loadOrCreate(file, new SecureRandom());

        TokenFile.Loaded second = TokenFile.loadOrCreate(file, new SecureRandom());

        assertFalse(second.generated());
        assertEquals(first.token(), second.token());
        assertTrue(second.ownerOnly());
    }

    @Test
    void fileReadableByOthersIsReportedAsSuch() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = data.resolve("api.token");
        Files.writeString(file, "an-operator-chosen-token-0001\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        TokenFile.Loaded loaded = TokenFile.loadOrCreate(file, new SecureRandom());

        assertEquals("an-operator-chosen-token-0001", loaded.token());
        assertFalse(loaded.ownerOnly());
    }

    @Test
    void fileWithoutAValidTokenIsRefusedNamingTheFile() throws Exception {
        Path file = data.resolve("api.token");
        Files.writeString(file, "too short\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TokenFile.loadOrCreate(file, new SecureRandom()));

        assertEquals(file + ": the token " + ApiTokens.RULE + "; delete the file and restart to generate a new one", e.getMessage());
    }
}
