package io.colony.sandbox.internal.process;

import io.colony.api.plugin.Payload;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.SandboxSettings;
import io.colony.sandbox.internal.SourceSandboxService;
import io.colony.sandbox.internal.run.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures source runs in each isolation through the whole {@link SourceSandboxService}: a cold prepare (compile,
 * verify, instrument: in a child JVM for process isolation), a cached prepare, and runs of a small plugin.
 *
 * <pre>
 * cd bundles/colony-sandbox &amp;&amp; mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.colony.sandbox.internal.process.ProcessIsolationBenchmark
 * </pre>
 */
public final class ProcessIsolationBenchmark {

    private static final int RUNS = 20;

    private ProcessIsolationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("colony-sandbox-bench-");
        SourceSandboxService sandbox = ProcessIsolation.sandboxWithoutFramework(SandboxSettings.defaults(), work);
        try {
            for (Isolation isolation : List.of(Isolation.IN_PROCESS, Isolation.PROCESS)) {
                SandboxPolicy policy = new SandboxPolicy(isolation, Duration.ofMinutes(1), Duration.ofMinutes(1), 256L << 20, 1 << 20, 1 << 20, List.of());
                SourceCode source = squares(isolation.configName());
                long start = System.nanoTime();
                CompiledSource program = sandbox.compile(source, policy);
                double cold = millis(System.nanoTime() - start);
                start = System.nanoTime();
                sandbox.compile(source, policy);
                double cached = millis(System.nanoTime() - start);
                double[] runs = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    start = System.nanoTime();
                    Payload result = sandbox.run(program, Payload.text("100"), new TestContext(), policy);
                    runs[i] = millis(System.nanoTime() - start);
                    if (!result.asText().endsWith("100=10000")) {
                        throw new AssertionError("wrong result: " + result.asText());
                    }
                }
                Arrays.sort(runs);
                System.out.printf(Locale.ROOT, "%-10s cold prepare %.0f ms, cached prepare %.3f ms, run of a small plugin: median %.1f ms, p90 %.1f ms (%d runs)%n",
                        isolation.configName(), cold, cached, runs[RUNS / 2], runs[RUNS * 9 / 10], RUNS);
            }
        } finally {
            sandbox.close();
        }
    }

    private static SourceCode squares(String variant) {
        return SourceCode.of("demo/Squares.java", String.join("\n",
                "package demo;",
                "import io.colony.api.plugin.*;",
                "import java.util.stream.*;",
                "public class Squares implements Plugin {",
                "    public Payload execute(Payload input, TaskContext context) {",
                "        int n = Integer.parseInt(input.asText().trim());",
                "        return Payload.text(\"" + variant + ":\" + IntStream.rangeClosed(1, n).mapToObj(i -> i + \"=\" + i * i)",
                "                .collect(Collectors.joining(\",\")));",
                "    }",
                "}"), "demo.Squares");
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
