package io.colony.trust.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustException;
import java.nio.file.Path;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class TrustPolicyServiceTest {

    private static final Path ETC = Path.of("etc").toAbsolutePath();

    private final RecordingLogger recording = new RecordingLogger();
    private final Logger log = recording.logger();
    private final List<String> lines = recording.lines();

    private List<String> linesAt(String level) {
        return recording.at(level);
    }

    @Test
    void theDefaultPolicyDeniesACommandAndLogsTheDenialAtInfoWithTheReason() {
        TrustPolicyService policy = new TrustPolicyService(Map.of(), ETC, log);
        lines.clear();
        TrustException e = assertThrows(TrustException.class, () -> policy.check(new Request.RunCommand("uptime")).requireAllowed());
        assertEquals("commands are disabled by the trust policy (set commands.enabled = true in etc/io.colony.trust.cfg)", e.getMessage());
        assertEquals(List.of("info: Trust policy denies command 'uptime': " + e.getMessage()), lines);
    }

    @Test
    void allowedRequestsAreLoggedAtDebug() {
        TrustPolicyService policy = new TrustPolicyService(Map.of(), ETC, log);
        lines.clear();
        Decision decision = policy.check(new Request.RunPlugin("mandelbrot", "1.0.0"));
        assertTrue(decision.allowed());
        assertEquals(List.of("debug: Trust policy allows plugin 'mandelbrot' version '1.0.0': " + decision.reason()), lines);
    }

    @Test
    void loggedCommandsAreQuotedAndCutTo200Characters() {
        TrustPolicyService policy = new TrustPolicyService(Map.of("commands.enabled", "true", "commands.allow", "uptime"), ETC, log);
        lines.clear();
        policy.check(new Request.RunCommand("x".repeat(300) + "\nFAKE LOG LINE"));
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertFalse(line.contains("\n"), line);
        assertFalse(line.contains("FAKE"), line);
        assertTrue(line.contains("'" + "x".repeat(200) + "'... (314 chars)"), line);
    }

    @Test
    void sourceTokensAreNeverLogged() {
        TrustPolicyService policy = new TrustPolicyService(Map.of(), ETC, log);
        lines.clear();
        policy.check(new Request.RunSource("demo.Entry", "s3cr3t"));
        assertEquals(1, linesAt("info").size());
        assertFalse(lines.get(0).contains("s3cr3t"), lines.get(0));
        assertTrue(lines.get(0).contains("(with a token)"), lines.get(0));
    }

    @Test
    void aBadValueKeepsThePolicyDownWithTheReasonLogged() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new TrustPolicyService(Map.of("commands.enabled", "maybe"), ETC, log));
        assertEquals("io.colony.trust: commands.enabled = 'maybe': must be true or false", e.getMessage());
        assertEquals(List.of("error: Trust policy stays down: " + e.getMessage()), lines);
    }

    @Test
    void activationLogsThePolicyAndWarnsOfMisspeltKeysAndOfInProcessIsolation() {
        new TrustPolicyService(Map.of("commands.enabled", "true", "commands.allow", "uptime", "command.allow", "x", "source.enabled", "true",
                "source.isolation", "in-process"), ETC, log);
        assertEquals(List.of("warn: Trust policy ignores unknown key 'command.allow' (a misspelling?); known: commands.enabled, commands.allow, "
                        + "manifest.enabled, manifest.repositories, manifest.groups, manifest.signatures.required, manifest.truststore, "
                        + "manifest.truststore.password, source.enabled, source.tokens, source.isolation, source.wall.seconds, "
                        + "source.cpu.seconds, source.memory.mb, source.result.kb, source.log.kb, source.allowlist",
                "warn: source.isolation = in-process: source jobs share the worker's heap, and a run stuck inside a JDK call cannot be "
                        + "stopped (only its thread abandoned); process isolation is the safe setting"), linesAt("warn"));
        assertEquals(List.of("info: Trust policy: commands enabled (1 allowed patterns: 'uptime'), manifest jobs disabled, source jobs enabled "
                        + "(any API token; isolation in-process, wall 60 s, CPU 60 s, memory 256 MiB, result 16384 KiB, log 1024 KiB; "
                        + "allowlist additions: none)"),
                linesAt("info"));
    }

    @Test
    void theSandboxPolicyIsTheConfiguredOne() {
        TrustPolicyService policy = new TrustPolicyService(Map.of("source.enabled", "true", "source.wall.seconds", "5",
                "source.cpu.seconds", "4", "source.memory.mb", "64", "source.result.kb", "2", "source.log.kb", "0",
                "source.allowlist", "java.util.BitSet, !java.lang.String#repeat"), ETC, log);
        SandboxPolicy sandbox = policy.sandboxPolicy();
        assertEquals(Isolation.PROCESS, sandbox.isolation());
        assertEquals(Duration.ofSeconds(5), sandbox.wallTime());
        assertEquals(Duration.ofSeconds(4), sandbox.cpuTime());
        assertEquals(64L << 20, sandbox.memoryBytes());
        assertEquals(2048, sandbox.resultBytes());
        assertEquals(0, sandbox.logBytes());
        assertEquals(List.of("java.util.BitSet", "!java.lang.String#repeat"), sandbox.allowlist());
    }

    @Test
    void badSandboxSettingsKeepThePolicyDownNamingTheKey() {
        assertEquals("io.colony.trust: source.isolation = 'container': 'container' is not an isolation; use in-process or process",
                assertThrows(InvalidConfigurationException.class, () -> new TrustPolicyService(Map.of("source.isolation", "container"), ETC, log))
                        .getMessage());
        assertTrue(assertThrows(InvalidConfigurationException.class,
                () -> new TrustPolicyService(Map.of("source.allowlist", "java.io.File; rm -rf"), ETC, log)).getMessage()
                .startsWith("io.colony.trust: source.allowlist = 'java.io.File; rm -rf': not an allowlist entry"));
        assertTrue(assertThrows(InvalidConfigurationException.class,
                () -> new TrustPolicyService(Map.of("source.memory.mb", "1"), ETC, log)).getMessage().startsWith("io.colony.trust: source.memory.mb"));
    }

    @Test
    void activationLogsTheAllowedRepositoriesAndGroupIdsOfManifestJobs() {
        new TrustPolicyService(Map.of("manifest.enabled", "true", "manifest.repositories", "file:/srv/repo/, https://repo.example.org/maven2",
                "manifest.groups", "io.colony.*"), ETC, log);
        assertEquals(List.of(), linesAt("warn"));
        assertEquals(List.of("info: Trust policy: commands disabled, manifest jobs enabled (repositories: 'file:///srv/repo', "
                + "'https://repo.example.org/maven2'; groupIds: 'io.colony.*'; signatures not required), source jobs disabled"), linesAt("info"));
    }

    @Test
    void enabledManifestJobsWithAnEmptyListAreWarnedOfAsDeniedAlways() {
        new TrustPolicyService(Map.of("manifest.enabled", "true"), ETC, log);
        assertEquals(List.of("warn: manifest.enabled = true, but manifest.repositories is empty: every manifest job is denied",
                "warn: manifest.enabled = true, but manifest.groups is empty: every manifest job is denied"), linesAt("warn"));
        assertEquals(List.of("info: Trust policy: commands disabled, manifest jobs enabled (repositories: none; groupIds: none; signatures not required), source jobs disabled"),
                linesAt("info"));
    }
}
