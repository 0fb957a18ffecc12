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
                + (settings.sourceEnabled() ? "enabled" : "disabled");
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
