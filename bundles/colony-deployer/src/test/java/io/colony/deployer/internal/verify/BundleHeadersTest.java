package io.colony.deployer.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.deployer.internal.testing.TestBundles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleHeadersTest {

    @TempDir
    Path dir;

    @Test
    void readsNameWithoutDirectivesVersionAndFragment() throws Exception {
        Path jar = TestBundles.bundle(dir, "io.example.frag;singleton:=true", "2.1", Map.of("Fragment-Host", "io.example.host"));
        BundleHeaders headers = BundleHeaders.read(jar, "io.example:frag:2.1");
        assertEquals("io.example.frag", headers.symbolicName());
        assertEquals("2.1.0", headers.version().toString());
        assertTrue(headers.fragment());
        assertEquals("io.example.frag 2.1.0", headers.key());
        assertFalse(BundleHeaders.read(TestBundles.bundle(dir, "io.example.plain", "1", Map.of()), "c").fragment());
    }

    @Test
    void aJarWithoutSymbolicNameIsNotABundle() throws Exception {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> BundleHeaders.read(TestBundles.plainJar(dir, "plain"), "org.example:plain:1.0"));
        assertEquals(Reason.UNRESOLVED, e.reason());
        assertEquals("org.example:plain:1.0 is not an OSGi bundle (its manifest has no Bundle-SymbolicName)", e.getMessage());
    }

    @Test
    void aMalformedVersionIsNamed() throws Exception {
        Path jar = TestBundles.bundle(dir, "io.example.bad", "one.two", Map.of());
        DeploymentException e = assertThrows(DeploymentException.class, () -> BundleHeaders.read(jar, "io.example:bad:1"));
        assertEquals(Reason.UNRESOLVED, e.reason());
        assertTrue(e.getMessage().startsWith("io.example:bad:1 has a malformed Bundle-Version 'one.two'"), e.getMessage());
    }
}
