package io.colony.trust.internal;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The policy in one line for the log: what is enabled, and what is allowed; configured values quoted. */
final class PolicySummary {

    private PolicySummary() {
    }

    static String of(TrustSettings settings) {
        return "commands " + commands(settings) + ", manifest jobs " + manifest(settings.manifest()) + ", source jobs "
                + source(settings.source());
    }

    private static String source(SourceSettings source) {
        if (!source.enabled()) {
            return "disabled";
        }
        io.colony.api.source.SandboxPolicy sandbox = source.sandbox();
        return "enabled (" + (source.tokens().isEmpty() ? "any API token" : source.tokens().size() + " API tokens") + "; isolation "
                + sandbox.isolation().configName() + ", wall " + sandbox.wallTime().toSeconds() + " s, CPU " + sandbox.cpuTime().toSeconds()
                + " s, memory " + (sandbox.memoryBytes() >> 20) + " MiB, result " + (sandbox.resultBytes() >> 10) + " KiB, log "
                + (sandbox.logBytes() >> 10) + " KiB; allowlist additions: " + quoted(sandbox.allowlist().stream()) + ")";
    }

    private static String commands(TrustSettings settings) {
        if (!settings.commandsEnabled()) {
            return "disabled";
        }
        return settings.commandPatterns().isEmpty() ? "enabled (any command)"
                : "enabled (" + settings.commandPatterns().size() + " allowed patterns: "
                        + quoted(settings.commandPatterns().stream().map(Pattern::pattern)) + ")";
    }

    private static String manifest(ManifestSettings manifest) {
        if (!manifest.enabled()) {
            return "disabled";
        }
        return "enabled (repositories: " + quoted(manifest.repositories().stream().map(RepositoryUrl::toString))
                + "; groupIds: " + quoted(manifest.groups().stream().map(GroupPattern::toString))
                + manifest.truststore().map(truststore -> "; signatures required, trusted: " + truststore).orElse("; signatures not required") + ")";
    }

    /** The items quoted and separated by commas; "none" when there are none. */
    private static String quoted(Stream<String> items) {
        String joined = items.map(Quoted::of).collect(Collectors.joining(", "));
        return joined.isEmpty() ? "none" : joined;
    }
}
