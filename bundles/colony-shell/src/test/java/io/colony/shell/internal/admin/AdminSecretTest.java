package io.colony.shell.internal.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.admin.AdminProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminSecretTest {

    @TempDir
    Path data;

    private final RecordingLog log = new RecordingLog();

    @Test
    void generatesThirtyTwoRandomBytesOnceAndReadsThemAfterwards() throws IOException {
        byte[] created = AdminSecret.loadOrCreate(data, new SecureRandom(), log);
        assertEquals(AdminSecret.BYTES, created.length);
        assertArrayEquals(created, AdminSecret.loadOrCreate(data, new SecureRandom(), log));
        assertTrue(log.contains("INFO", "generated a new admin secret"));
        assertEquals(0, Files.list(data).filter(file -> file.getFileName().toString().endsWith(".tmp")).count());
    }

    @Test
    void warnsWhenOthersCanReadTheSecret() throws IOException {
        AdminSecret.loadOrCreate(data, new SecureRandom(), log);
        Path file = data.resolve(AdminProtocol.SECRET_FILE);
        if (DataFiles.supportsPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            AdminSecret.loadOrCreate(data, new SecureRandom(), log);
            assertTrue(log.contains("WARN", "readable by other users", "chmod 600"), log.lines.toString());
        }
    }

    @Test
    void refusesAFileThatIsNoSecret() throws IOException {
        Path file = Files.writeString(data.resolve(AdminProtocol.SECRET_FILE), "password\n");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> AdminSecret.loadOrCreate(data, new SecureRandom(), log));
        assertEquals(file + ": not an admin secret (expected at least 32 hex digits); delete the file and restart the node "
                + "to generate a new one", error.getMessage());
    }
}
