package io.colony.sandbox.corpus;

import io.colony.api.source.Isolation;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The limits the tests run programs with, and the trust policy keys that set each limit. */
final class TestPolicies {

    /** The keys of etc/io.colony.trust.cfg that an operator changes to raise each limit. */
    static final Map<Limit, String> LIMIT_KEYS = Map.of(
            Limit.WALL_TIME, "source.wall.seconds",
            Limit.CPU_TIME, "source.cpu.seconds",
            Limit.MEMORY, "source.memory.mb",
            Limit.RESULT_SIZE, "source.result.kb",
            Limit.LOG_SIZE, "source.log.kb");

    private TestPolicies() {
    }

    /** Short limits, so that the whole corpus runs in a couple of minutes: wall 2 s, CPU 1 s, 64 MiB, 64 KiB. */
    static SandboxPolicy hostile(Isolation isolation) {
        return new SandboxPolicy(isolation, Duration.ofSeconds(2), Duration.ofSeconds(1), 64L << 20, 64 << 10, 64 << 10, List.of());
    }

    /** The trust policy's default limits, with a shorter wall time. */
    static SandboxPolicy correct(Isolation isolation) {
        SandboxPolicy defaults = SandboxPolicy.DEFAULTS;
        return new SandboxPolicy(isolation, Duration.ofSeconds(30), Duration.ofSeconds(30), defaults.memoryBytes(), defaults.resultBytes(),
                defaults.logBytes(), List.of());
    }
}
