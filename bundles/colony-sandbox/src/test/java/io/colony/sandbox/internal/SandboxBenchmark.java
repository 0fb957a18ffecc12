package io.colony.sandbox.internal;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.compile.CompiledClasses;
import io.colony.sandbox.internal.compile.TestApi;
import io.colony.sandbox.internal.instrument.Instrumenter;
import io.colony.sandbox.internal.run.TestContext;
import io.colony.sandbox.internal.runtime.AllowlistClassLoader;
import io.colony.sandbox.internal.runtime.RunBudget;
import io.colony.sandbox.internal.runtime.SandboxClassLoader;
import io.colony.sandbox.internal.runtime.SandboxThread;
import io.colony.sandbox.internal.verify.Allowlist;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures the sandbox in process: cold and warm preparation, a cached prepare, a run with its fresh loader, a
 * compute-heavy run with fresh loaders against one reused loader, and the guard's cost on a tight loop.
 *
 * <pre>
 * cd bundles/colony-sandbox &amp;&amp; mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.colony.sandbox.internal.SandboxBenchmark
 * </pre>
 */
public final class SandboxBenchmark {

    private static final SandboxPolicy POLICY = new SandboxPolicy(Isolation.IN_PROCESS, Duration.ofMinutes(5), Duration.ofMinutes(5),
            1L << 40, 1 << 20, 1 << 20, List.of());

    private SandboxBenchmark() {
    }

    static SourceCode squares(int variant) {
        return SourceCode.of("demo/Squares.java", String.join("\n",
                "package demo;",
                "import io.colony.api.plugin.*;",
                "import java.util.*;",
                "import java.util.stream.*;",
                "public class Squares implements Plugin {",
                "    record Row(int n, long square) { }",
                "    @Override",
                "    public Payload execute(Payload input, TaskContext context) throws PluginException {",
                "        int n = Integer.parseInt(input.asText().trim());",
                "        List<Row> rows = IntStream.rangeClosed(1, n).mapToObj(i -> new Row(i, (long) i * i)).collect(Collectors.toList());",
                "        context.progress(1.0);",
                "        return Payload.text(rows.stream().map(r -> r.n() + \"=\" + r.square()).collect(Collectors.joining(\",\")) + \"" + variant + "\");",
                "    }",
                "}"), "demo.Squares");
    }

    static SourceCode loop(String body) {
        return SourceCode.of("demo/Loop.java", String.join("\n",
                "package demo;",
                "import io.colony.api.plugin.*;",
                "public class Loop implements Plugin {",
                "    @Override",
                "    public Payload execute(Payload input, TaskContext context) {",
                "        long n = Long.parseLong(input.asText());",
                body,
                "    }",
                "}"), "demo.Loop");
    }

    public static void main(String[] args) throws Exception {
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " processors, load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        SourceSandboxService sandbox = SandboxFactory.withoutFramework();
        long start = System.nanoTime();
        CompiledSource cold = sandbox.compile(squares(0), POLICY);
        report("cold compile+verify+instrument (first in this JVM)", System.nanoTime() - start);

        double[] warm = new double[20];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            sandbox.compile(squares(i + 1), POLICY);
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(Locale.ROOT, "warm compile+verify+instrument of a new source: median %.1f ms (of %d)%n", median(warm), warm.length);

        int cachedCount = 100_000;
        long t = System.nanoTime();
        for (int i = 0; i < cachedCount; i++) {
            sandbox.compile(squares(0), POLICY);
        }
        System.out.printf(Locale.ROOT, "cached prepare (hash + lookup): %.1f us%n", (System.nanoTime() - t) / 1e3 / cachedCount);

        TestContext context = new TestContext();
        for (int i = 0; i < 2000; i++) {
            sandbox.run(cold, Payload.text("10"), context, POLICY);
        }
        double[] runs = new double[2000];
        for (int i = 0; i < runs.length; i++) {
            long r = System.nanoTime();
            sandbox.run(cold, Payload.text("10"), context, POLICY);
            runs[i] = (System.nanoTime() - r) / 1e3;
        }
        System.out.printf(Locale.ROOT, "a run of a small plugin (fresh thread and loader, 2 classes): median %.0f us, p90 %.0f us%n",
                median(runs), percentile(runs, 0.9));

        freshAgainstReusedLoader(sandbox);
        guardOverhead();
        sandbox.close();
    }

    /** A run of ~50 ms of work, each with a fresh loader (as the sandbox runs) or on one instance in one loader. */
    private static void freshAgainstReusedLoader(SourceSandboxService sandbox) throws Exception {
        String body = String.join("\n",
                "        long h = 0;",
                "        for (long i = 0; i < n; i++) { h = h * 31 + Long.toString(i).hashCode(); }",
                "        return Payload.text(Long.toString(h));");
        SourceCode source = loop(body);
        CompiledSource compiled = sandbox.compile(source, POLICY);
        Payload input = Payload.text("1000000");
        TestContext context = new TestContext();
        int rounds = 20;
        double[] fresh = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            sandbox.run(compiled, input, context, POLICY);
            fresh[i] = (System.nanoTime() - t) / 1e6;
        }
        CompiledClasses instrumented = new Instrumenter().instrument(TestApi.compiler().compile(source));
        double[] reused = onSandboxThread(() -> {
            SandboxClassLoader loader = new SandboxClassLoader(new AllowlistClassLoader(Allowlist.builtIn(), Plugin.class.getClassLoader()),
                    instrumented);
            Plugin plugin = (Plugin) loader.loadClass("demo.Loop").getConstructor().newInstance();
            double[] times = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                plugin.execute(input, context);
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            return times;
        });
        System.out.printf(Locale.ROOT, "compute run, fresh loader each run: first %.1f ms, median %.1f ms; one reused loader: first %.1f ms, median %.1f ms%n",
                fresh[0], median(fresh), reused[0], median(reused));
    }

    /** A tight loop, plain and instrumented, both on a sandbox thread with a budget; alternated, the fastest of each kept. */
    private static void guardOverhead() throws Exception {
        String body = String.join("\n",
                "        long s = 0;",
                "        for (long i = 0; i < n; i++) { s += i ^ (s >>> 3); }",
                "        return Payload.text(Long.toString(s));");
        SourceCode source = loop(body);
        CompiledClasses plain = TestApi.compiler().compile(source);
        CompiledClasses instrumented = new Instrumenter().instrument(plain);
        Payload input = Payload.text("1000000000");
        double plainMs = Double.MAX_VALUE;
        double guardedMs = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            plainMs = Math.min(plainMs, timeLoop(plain, input));
            guardedMs = Math.min(guardedMs, timeLoop(instrumented, input));
        }
        System.out.printf(Locale.ROOT, "tight loop of 1e9 iterations (fastest of 5): plain %.0f ms, instrumented %.0f ms (%.2fx, %.2f ns per guard tick)%n",
                plainMs, guardedMs, guardedMs / plainMs, (guardedMs - plainMs) * 1e6 / 1e9);
    }

    private static double timeLoop(CompiledClasses classes, Payload input) throws Exception {
        return onSandboxThread(() -> {
            SandboxClassLoader loader = new SandboxClassLoader(new AllowlistClassLoader(Allowlist.builtIn(), Plugin.class.getClassLoader()),
                    classes);
            Plugin plugin = (Plugin) loader.loadClass("demo.Loop").getConstructor().newInstance();
            plugin.execute(Payload.text("100000000"), new TestContext());
            long t = System.nanoTime();
            plugin.execute(input, new TestContext());
            return new double[] {(System.nanoTime() - t) / 1e6};
        })[0];
    }

    private static double[] onSandboxThread(Callable<double[]> body) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        SandboxThread thread = new SandboxThread(() -> {
            SandboxThread.begin(new RunBudget(Duration.ofHours(1), Duration.ofHours(1), 1L << 50));
            try {
                result.set(body.call());
            } catch (Exception e) {
                result.set(e);
            } finally {
                SandboxThread.end();
            }
        }, "benchmark", 0);
        thread.start();
        thread.join();
        if (result.get() instanceof Exception) {
            throw (Exception) result.get();
        }
        return (double[]) result.get();
    }

    private static void report(String what, long nanos) {
        System.out.printf(Locale.ROOT, "%s: %.0f ms%n", what, nanos / 1e6);
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)))];
    }
}
