package io.colony.trust.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The settings of source jobs (topology 3): whether they are enabled, which API tokens may submit them, and how the
 * sandbox runs them (isolation, limits, allowlist additions).
 *
 * @param tokens the API tokens that may submit source jobs; empty: any client the REST API lets in
 */
record SourceSettings(boolean enabled, List<String> tokens, SandboxPolicy sandbox) {

    static final String ENABLED = "source.enabled";
    static final String TOKENS = "source.tokens";
    static final String ISOLATION = "source.isolation";
    static final String WALL_SECONDS = "source.wall.seconds";
    static final String CPU_SECONDS = "source.cpu.seconds";
    static final String MEMORY_MB = "source.memory.mb";
    static final String RESULT_KB = "source.result.kb";
    static final String LOG_KB = "source.log.kb";
    static final String ALLOWLIST = "source.allowlist";

    static final List<String> KEYS = List.of(ENABLED, TOKENS, ISOLATION, WALL_SECONDS, CPU_SECONDS, MEMORY_MB, RESULT_KB, LOG_KB, ALLOWLIST);

    /** An allowlist entry: a class, a package's classes ({@code pkg.*}) or a member ({@code Class#member}), maybe denied ({@code !}). */
    private static final Pattern ALLOWLIST_ENTRY = Pattern.compile("!?[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(\\.\\*|#(<init>|[A-Za-z_$][\\w$]*))?");
    private static final int MAX_SECONDS = 86_400;

    /** Source jobs disabled; the sandbox defaults. */
    static final SourceSettings DEFAULTS = new SourceSettings(false, List.of(), SandboxPolicy.DEFAULTS);

    SourceSettings {
        tokens = List.copyOf(tokens);
    }

    /** @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason */
    static SourceSettings read(ConfigurationValues values) {
        SandboxPolicy defaults = SandboxPolicy.DEFAULTS;
        Isolation isolation;
        String isolationName = values.text(ISOLATION, defaults.isolation().configName());
        try {
            isolation = Isolation.fromConfigName(isolationName);
        } catch (IllegalArgumentException e) {
            throw values.invalid(ISOLATION, isolationName, e.getMessage());
        }
        Duration wall = Duration.ofSeconds(values.integer(WALL_SECONDS, (int) defaults.wallTime().toSeconds(), 1, MAX_SECONDS));
        Duration cpu = Duration.ofSeconds(values.integer(CPU_SECONDS, (int) defaults.cpuTime().toSeconds(), 1, MAX_SECONDS));
        long memory = (long) values.integer(MEMORY_MB, (int) (defaults.memoryBytes() >> 20), 16, 65_536) << 20;
        int result = values.integer(RESULT_KB, defaults.resultBytes() >> 10, 1, 1 << 20) << 10;
        int log = values.integer(LOG_KB, defaults.logBytes() >> 10, 0, 1 << 20) << 10;
        List<String> allowlist = TrustSettings.each(values, ALLOWLIST, SourceSettings::allowlistEntry);
        List<String> tokens = TrustSettings.each(values, TOKENS, token -> token);
        return new SourceSettings(values.bool(ENABLED, false), tokens, new SandboxPolicy(isolation, wall, cpu, memory, result, log, allowlist));
    }

    /** Whether a submission with this token may run source; a submission without one (the node's shell, an embedding application, a worker's own check) is not asked about tokens. */
    boolean tokenAllowed(String token) {
        if (token.isEmpty() || tokens.isEmpty()) {
            return true;
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (String allowed : tokens) {
            found |= MessageDigest.isEqual(given, allowed.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }

    private static String allowlistEntry(String entry) {
        if (!ALLOWLIST_ENTRY.matcher(entry).matches()) {
            throw new IllegalArgumentException("not an allowlist entry: write a class (java.util.BitSet), a package's classes "
                    + "(java.util.*), or a member (java.lang.System#nanoTime), maybe denied with a leading !");
        }
        return entry;
    }
}
