package io.colony.trust.internal;

import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import java.util.regex.Pattern;

/**
 * The decisions of one configuration of the trust policy: pure logic, no logging, no state.
 *
 * <p>A command line is checked exactly as it will be handed to the shell: it must be one line, and
 * a pattern of {@code commands.allow} must match all of it ({@link java.util.regex.Matcher#matches()}),
 * so that {@code ls -l} allows neither {@code ls -l; rm -rf ~} nor {@code ls -l && curl ...}. A caller
 * must run exactly the string it checked. Allowing a shell interpreter ({@code sh .*},
 * {@code bash -c .*}, {@code python3 .*}, ...) or any program that runs its arguments allows everything.
 *
 * <p>Manifest jobs (installing artifacts, loading their jars) are denied while disabled, and otherwise
 * decided by {@link ManifestRules}.
 */
final class TrustRules {

    static final String CONFIG_FILE = "etc/io.colony.trust.cfg";
    /** Linux's MAX_ARG_STRLEN: the longest single argument {@code sh -c} can be handed. */
    static final int MAX_COMMAND_CHARS = 131_072;

    private final TrustSettings settings;
    private final ManifestRules manifest;

    TrustRules(TrustSettings settings) {
        this.settings = settings;
        this.manifest = new ManifestRules(settings.manifest());
    }

    TrustSettings settings() {
        return settings;
    }

    Decision decide(Request request) {
        if (request instanceof Request.RunPlugin) {
            return Decision.allow("plugins installed by the node's operator may always run (topology 1)");
        }
        if (request instanceof Request.RunCommand command) {
            return command(command.commandLine());
        }
        if (request instanceof Request.InstallArtifacts artifacts) {
            return settings.manifest().enabled() ? manifest.install(artifacts) : manifestDisabled();
        }
        if (request instanceof Request.LoadBundle bundle) {
            return settings.manifest().enabled() ? manifest.load(bundle) : manifestDisabled();
        }
        if (request instanceof Request.RunSource source) {
            return source(source);
        }
        return Decision.deny("unknown kind of request " + (request == null ? "null" : request.getClass().getName()) + " is denied");
    }

    private Decision source(Request.RunSource request) {
        SourceSettings source = settings.source();
        if (!source.enabled()) {
            return disabled("source jobs (topology 3)", SourceSettings.ENABLED);
        }
        if (!source.tokenAllowed(request.token())) {
            return Decision.deny("the API token of this submission is not among those allowed to submit source jobs ("
                    + SourceSettings.TOKENS + ")");
        }
        return Decision.allow("source jobs are enabled (" + SourceSettings.ENABLED + "); the sandbox verifies, isolates ("
                + source.sandbox().isolation().configName() + ") and limits entry class " + Quoted.of(request.entryClass()));
    }

    private Decision command(String line) {
        if (!settings.commandsEnabled()) {
            return disabled("commands", TrustSettings.COMMANDS_ENABLED);
        }
        if (line.isBlank()) {
            return Decision.deny("command line is empty");
        }
        if (line.length() > MAX_COMMAND_CHARS) {
            return Decision.deny("command line is " + line.length() + " characters long; at most " + MAX_COMMAND_CHARS + " are allowed");
        }
        if (!isOneLine(line)) {
            return Decision.deny("command lines must be one line (no line breaks or NUL characters): command " + Quoted.of(line) + " is denied");
        }
        if (settings.commandPatterns().isEmpty()) {
            return Decision.allow("commands are enabled and " + TrustSettings.COMMANDS_ALLOW + " is empty: any command may run");
        }
        for (Pattern pattern : settings.commandPatterns()) {
            if (pattern.matcher(line).matches()) {
                return Decision.allow("command " + Quoted.of(line) + " matches allowed pattern " + Quoted.of(pattern.pattern())
                        + " (" + TrustSettings.COMMANDS_ALLOW + ")");
            }
        }
        return Decision.deny("command " + Quoted.of(line) + " matches no allowed pattern (" + TrustSettings.COMMANDS_ALLOW + ")");
    }

    private static boolean isOneLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            switch (line.charAt(i)) {
                case '\0', '\n', '\r', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    private static Decision manifestDisabled() {
        return disabled("manifest jobs (topology 2)", ManifestSettings.ENABLED);
    }

    private static Decision disabled(String what, String key) {
        return Decision.deny(what + " are disabled by the trust policy (set " + key + " = true in " + CONFIG_FILE + ")");
    }
}
