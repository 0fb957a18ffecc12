package io.colony.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretTest {

    @TempDir
    Path data;

    @Test
    void configuredSecretIsUsedAsIs() {
        assertArrayEquals("s3cret".getBytes(StandardCharsets.UTF_8), ClusterSecret.resolve("s3cret", data, notice -> { }));
        assertTrue(Files.notExists(data.resolve(ClusterSecret.FILE)));
    }

    @Test
    void missingSecretIsGeneratedOnceWithANoticeAndKeptAcrossRestarts() throws Exception {
        List<String> notices = new ArrayList<>();
        byte[] first = ClusterSecret.resolve("", data, notices::add);
        byte[] second = ClusterSecret.resolve("", data, notices::add);
        assertArrayEquals(first, second);
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("set cluster.secret"), notices.get(0));
        assertTrue(first.length >= 40);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(ClusterSecret.FILE))));
    }
}
