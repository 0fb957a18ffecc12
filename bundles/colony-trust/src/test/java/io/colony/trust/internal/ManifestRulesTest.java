package io.colony.trust.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manifest jobs (topology 2) through {@link TrustRules}: repositories and groupIds. */
class ManifestRulesTest {

    private static final String MAVEN2 = "https://repo.example.org/maven2";

    private static final TrustRules ENABLED = rules(Map.of("manifest.enabled", "true",
            "manifest.repositories", MAVEN2 + "/, file:///srv/colony/repository",
            "manifest.groups", "org.apache.commons, io.colony.*"));

    private static TrustRules rules(Map<String, ?> properties) {
        return new TrustRules(TrustSettings.read(properties, Path.of("etc").toAbsolutePath()));
    }

    private static Decision install(TrustRules rules, List<String> coordinates, String... repositories) {
        return rules.decide(new Request.InstallArtifacts(coordinates, List.of(repositories)));
    }

    private static String denial(TrustRules rules, List<String> coordinates, String... repositories) {
        Decision decision = install(rules, coordinates, repositories);
        assertFalse(decision.allowed(), decision.reason());
        return decision.reason();
    }

    @Test
    void allowedGroupsFromAllowedRepositoriesAreAllowed() {
        Decision decision = install(ENABLED, List.of("io.colony.plugins:colony-plugin-primes:0.1.0", "io.colony:colony-api:jar:0.1.0",
                "mvn:org.apache.commons/commons-math3/3.6.1", "org.apache.commons:commons-math3:jar:sources:3.6.1"),
                MAVEN2, "file:/srv/colony/repository/");
        assertTrue(decision.allowed(), decision.reason());
        assertEquals("4 artifacts with allowed groupIds (manifest.groups) from 2 allowed repositories (manifest.repositories)", decision.reason());
        assertEquals("1 artifact with allowed groupIds (manifest.groups) from 1 allowed repository (manifest.repositories)",
                install(ENABLED, List.of("io.colony:x:1"), "HTTPS://REPO.example.org:443/maven2/releases").reason());
    }

    @Test
    void disabledManifestJobsAreDeniedWhateverTheListsAllow() {
        TrustRules disabled = rules(Map.of("manifest.repositories", MAVEN2, "manifest.groups", "io.colony.*"));
        assertEquals("manifest jobs (topology 2) are disabled by the trust policy (set manifest.enabled = true in etc/io.colony.trust.cfg)",
                denial(disabled, List.of("io.colony:x:1"), MAVEN2));
    }

    @Test
    void aRepositoryThatIsNotAllowedIsNamedWithTheKey() {
        assertEquals("repository 'https://repo.example.org/maven2-evil' is not allowed (manifest.repositories)",
                denial(ENABLED, List.of("io.colony:x:1"), MAVEN2, "https://repo.example.org/maven2-evil"));
        assertEquals("repository 'http://repo.example.org/maven2' is not allowed (manifest.repositories)",
                denial(ENABLED, List.of("io.colony:x:1"), "http://repo.example.org/maven2"));
        assertEquals("repository 'file:/srv/colony/repository-2' is not allowed (manifest.repositories)",
                denial(ENABLED, List.of("io.colony:x:1"), "file:/srv/colony/repository-2"));
    }

    @Test
    void aRepositoryThatClimbsOutOfAnAllowedOneIsDenied() {
        assertEquals("repository 'https://repo.example.org/maven2/../evil' is not allowed: '.' and '..' path segments are not accepted",
                denial(ENABLED, List.of("io.colony:x:1"), "https://repo.example.org/maven2/../evil"));
        assertEquals("repository 'file:/srv/colony/repository/%2e%2e/%2e%2e/etc' is not allowed: '.' and '..' path segments are not accepted",
                denial(ENABLED, List.of("io.colony:x:1"), "file:/srv/colony/repository/%2e%2e/%2e%2e/etc"));
    }

    @Test
    void anEmptyRepositoryListAllowsNoRepositoryAndSaysSo() {
        TrustRules noRepositories = rules(Map.of("manifest.enabled", "true", "manifest.groups", "io.colony.*"));
        assertEquals("repository 'https://repo.example.org/maven2' is not allowed: manifest.repositories is empty, so no repository is allowed "
                + "(list the allowed ones in manifest.repositories in etc/io.colony.trust.cfg)", denial(noRepositories, List.of("io.colony:x:1"), MAVEN2));
    }

    @Test
    void aGroupIdThatMatchesNoPatternIsNamedWithItsArtifactAndTheKey() {
        assertEquals("artifact 'org.evil:payload:1.0' is not allowed: its groupId 'org.evil' matches no allowed pattern (manifest.groups)",
                denial(ENABLED, List.of("io.colony:x:1", "org.evil:payload:1.0", "com.other:y:2"), MAVEN2));
        assertEquals("artifact 'mvn:io.colonyx/x/1' is not allowed: its groupId 'io.colonyx' matches no allowed pattern (manifest.groups)",
                denial(ENABLED, List.of("mvn:io.colonyx/x/1"), MAVEN2));
        assertEquals("artifact 'org.apache.commons.evil:x:1' is not allowed: its groupId 'org.apache.commons.evil' matches no allowed pattern "
                + "(manifest.groups)", denial(ENABLED, List.of("org.apache.commons.evil:x:1"), MAVEN2));
    }

    @Test
    void anEmptyGroupListAllowsNoGroupIdAndSaysSo() {
        TrustRules noGroups = rules(Map.of("manifest.enabled", "true", "manifest.repositories", MAVEN2));
        assertEquals("artifact 'io.colony:x:1' is not allowed: manifest.groups is empty, so no groupId is allowed "
                + "(list the allowed ones in manifest.groups in etc/io.colony.trust.cfg)", denial(noGroups, List.of("io.colony:x:1"), MAVEN2));
    }

    @Test
    void repositoriesAreCheckedBeforeGroupIds() {
        assertTrue(denial(ENABLED, List.of("org.evil:payload:1.0"), "https://evil.example.com/repo").startsWith("repository "));
    }

    @Test
    void malformedCoordinatesAreDeniedQuotedSafely() {
        assertEquals("artifact 'io.colony:x:1\\nFAKE' is not allowed: not Maven coordinates (group:artifact:version or mvn:group/artifact/version)",
                denial(ENABLED, List.of("io.colony:x:1\nFAKE"), MAVEN2));
        assertEquals("artifact 'io.colony:x:[1,2)' is not allowed: not Maven coordinates (group:artifact:version or mvn:group/artifact/version)",
                denial(ENABLED, List.of("io.colony:x:[1,2)"), MAVEN2));
    }

    @Test
    void aRequestWithNoArtifactsOrNoRepositoriesIsDenied() {
        assertEquals("a request to install no artifacts is denied", denial(ENABLED, List.of(), MAVEN2));
        assertEquals("a request to install artifacts from no repository is denied: every repository they come from is checked",
                denial(ENABLED, List.of("io.colony:x:1")));
    }
}
