package io.colony.trust.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrustSettingsTest {

    private static TrustSettings read(Map<String, ?> properties) {
        return TrustSettings.read(properties, Path.of("etc").toAbsolutePath());
    }

    private static List<String> patterns(TrustSettings settings) {
        return settings.commandPatterns().stream().map(Pattern::pattern).toList();
    }

    @Test
    void noConfigurationDeniesEverythingButPlugins() {
        TrustSettings settings = read(Map.of());
        assertFalse(settings.commandsEnabled());
        assertFalse(settings.manifest().enabled());
        assertEquals(List.of(), settings.manifest().repositories());
        assertEquals(List.of(), settings.manifest().groups());
        assertFalse(settings.source().enabled());
        assertEquals(List.of(), settings.commandPatterns());
    }

    @Test
    void booleansAreReadFromTextOrBooleans() {
        TrustSettings settings = read(Map.of("commands.enabled", " TRUE ", "manifest.enabled", Boolean.TRUE, "source.enabled", "false"));
        assertTrue(settings.commandsEnabled());
        assertTrue(settings.manifest().enabled());
        assertFalse(settings.source().enabled());
    }

    @Test
    void aBooleanKeyWithAnotherValueIsAnErrorNamingPidKeyAndValue() {
        assertEquals("io.colony.trust: commands.enabled = 'maybe': must be true or false",
                assertThrows(InvalidConfigurationException.class, () -> read(Map.of("commands.enabled", "maybe"))).getMessage());
        assertEquals("io.colony.trust: manifest.enabled = '1': must be true or false",
                assertThrows(InvalidConfigurationException.class, () -> read(Map.of("manifest.enabled", 1))).getMessage());
        assertEquals("io.colony.trust: source.enabled = 'yes': must be true or false",
                assertThrows(InvalidConfigurationException.class, () -> read(Map.of("source.enabled", "yes"))).getMessage());
    }

    @Test
    void anInvalidRegexIsAnErrorNamingThePattern() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> read(Map.of("commands.enabled", "true", "commands.allow", "uptime, ls [a-z")));
        assertEquals("io.colony.trust: commands.allow = 'ls [a-z': not a valid regular expression: Unclosed character class near index 6",
                e.getMessage());
    }

    @Test
    void patternsAreSeparatedByCommasAndTrimmed() {
        assertEquals(List.of("uptime", "ls -l .*", "df -h"), patterns(read(Map.of("commands.allow", " uptime ,ls -l .*,, df -h "))));
    }

    @Test
    void patternsAreSeparatedByLinesOnlyWhenTheValueHasLineBreaks() {
        assertEquals(List.of("uptime", "head -n [0-9]{1,3} /var/log/colony\\.log"),
                patterns(read(Map.of("commands.allow", "uptime\r\n\nhead -n [0-9]{1,3} /var/log/colony\\.log\n"))));
    }

    @Test
    void arraysAndCollectionsGiveOnePatternPerItem() {
        assertEquals(List.of("a{1,2}", "b"), patterns(read(Map.of("commands.allow", new String[] {"a{1,2}", " b ", ""}))));
        assertEquals(List.of("c,d"), patterns(read(Map.of("commands.allow", List.of("c,d")))));
    }

    @Test
    void allowedRepositoriesAreNormalisedAndSeparatedLikePatterns() {
        TrustSettings settings = read(Map.of("manifest.repositories",
                "file:/srv/repo/\n HTTPS://Repo.Example.org:443/maven2 \n"));
        assertEquals(List.of("file:///srv/repo", "https://repo.example.org/maven2"),
                settings.manifest().repositories().stream().map(RepositoryUrl::toString).toList());
        assertEquals(2, read(Map.of("manifest.repositories", new String[] {"file:/a", "file:/b"})).manifest().repositories().size());
    }

    @Test
    void aBadRepositoryIsAnErrorNamingTheKeyTheEntryAndTheReason() {
        assertEquals("io.colony.trust: manifest.repositories = 'ftp://repo.example.org': not a file:, http: or https: URL",
                assertThrows(InvalidConfigurationException.class,
                        () -> read(Map.of("manifest.repositories", "file:/srv/repo, ftp://repo.example.org"))).getMessage());
        assertEquals("io.colony.trust: manifest.repositories = 'file:/srv/repo/../etc': '.' and '..' path segments are not accepted",
                assertThrows(InvalidConfigurationException.class,
                        () -> read(Map.of("manifest.repositories", "file:/srv/repo/../etc"))).getMessage());
        assertEquals("io.colony.trust: manifest.repositories = 'plugins-repo': not a file:, http: or https: URL",
                assertThrows(InvalidConfigurationException.class, () -> read(Map.of("manifest.repositories", "plugins-repo"))).getMessage());
    }

    @Test
    void allowedGroupsAreExactOrPrefixWildcards() {
        assertEquals(List.of(new GroupPattern("org.apache.commons", false), new GroupPattern("io.colony", true)),
                read(Map.of("manifest.groups", "org.apache.commons, io.colony.*")).manifest().groups());
    }

    @Test
    void aBadGroupPatternIsAnErrorNamingTheKeyThePatternAndTheReason() {
        assertEquals("io.colony.trust: manifest.groups = 'io.*.plugins': not a groupId (org.apache.commons) or a groupId followed by .* (io.colony.*)",
                assertThrows(InvalidConfigurationException.class, () -> read(Map.of("manifest.groups", "io.colony.*, io.*.plugins")))
                        .getMessage());
        assertEquals("io.colony.trust: manifest.groups = '*': not a groupId (org.apache.commons) or a groupId followed by .* (io.colony.*)",
                assertThrows(InvalidConfigurationException.class, () -> read(Map.of("manifest.groups", "*"))).getMessage());
    }

    @Test
    void unknownKeysInThePolicysNamespacesAreReported() {
        assertEquals(Set.of("command.enabled", "commands.allowed"), Set.copyOf(TrustSettings.unknownKeys(Map.of(
                "command.enabled", "true", "commands.allowed", "x", "commands.enabled", "true", "service.pid", "io.colony.trust",
                "felix.fileinstall.filename", "file:/etc/io.colony.trust.cfg", "component.id", 3L))));
        assertEquals(Set.of("manifest.repository"), TrustSettings.unknownKeys(Map.of("manifest.repository", "file:/x", "manifest.repositories", "file:/x",
                "manifest.groups", "x", "manifest.enabled", "true")));
    }
}
