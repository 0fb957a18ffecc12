package io.colony.sandbox.internal.run;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.compile.TestApi;
import java.time.Duration;
import java.util.List;

/** An in-process preparer and runner as the tests use them. */
final class RunnerFixture implements AutoCloseable {

    static final Duration GRACE = Duration.ofMillis(300);

    final InProcessPreparer preparer = new InProcessPreparer(TestApi.compiler(), () -> { });
    final InProcessRunner runner;

    RunnerFixture(int parallelism, int maxAbandoned) {
        runner = new InProcessRunner(Plugin.class.getClassLoader(), parallelism, maxAbandoned, Duration.ofMillis(200), GRACE);
    }

    RunnerFixture() {
        this(2, 2);
    }

    static SandboxPolicy policy(Duration wallTime, Duration cpuTime, long memoryBytes, int resultBytes, int logBytes) {
        return new SandboxPolicy(Isolation.IN_PROCESS, wallTime, cpuTime, memoryBytes, resultBytes, logBytes, List.of());
    }

    static SandboxPolicy generous() {
        return policy(Duration.ofSeconds(30), Duration.ofSeconds(30), 256L << 20, 1 << 20, 1 << 16);
    }

    Payload run(SourceCode source, Payload input, TestContext context, SandboxPolicy policy) throws Exception {
        return runner.run(preparer.prepare(source, List.of()), input, context, policy);
    }

    Payload run(SourceCode source, String input, SandboxPolicy policy) throws Exception {
        return run(source, Payload.text(input), new TestContext(), policy);
    }

    @Override
    public void close() {
        runner.close();
    }
}
