package io.colony.sandbox.internal.process;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.SandboxFactory;
import io.colony.sandbox.internal.SandboxSettings;
import io.colony.sandbox.internal.compile.ClassPathApiClassFiles;
import io.colony.sandbox.internal.run.PreparedProgram;
import io.colony.sandbox.internal.run.ProgramPreparer;
import io.colony.sandbox.internal.run.ProgramRunner;
import io.colony.sandbox.internal.run.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Measures process isolation against in-process runs: a child's start-up, a run of a prepared (cached) program
 * in a new child, in a warm child and in process, a compute-heavy run, and a cold preparation in a child against
 * one in process. Run it on a quiet machine:
 *
 * <pre>
 * cd bundles/colony-sandbox &amp;&amp; mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.colony.sandbox.internal.process.ProcessIsolationBenchmark
 * </pre>
 */
public final class ProcessIsolationBenchmark {

    private static final SandboxPolicy POLICY = new SandboxPolicy(Isolation.PROCESS, Duration.ofMinutes(5), Duration.ofMinutes(5), 256L << 20,
            1 << 20, 1 << 20, List.of());
    private static final int STARTS = 20;
    private static final int RUNS = 20;
    private static final int PREPARES = 10;

    private ProcessIsolationBenchmark() {
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

    static SourceCode hashing() {
        return SourceCode.of("demo/Hash.java", String.join("\n",
                "package demo;",
                "import io.colony.api.plugin.*;",
                "public class Hash implements Plugin {",
                "    @Override",
                "    public Payload execute(Payload input, TaskContext context) {",
                "        long n = Long.parseLong(input.asText()), h = 0;",
                "        for (long i = 0; i < n; i++) { h = h * 31 + Long.toString(i).hashCode(); }",
                "        return Payload.text(Long.toString(h));",
                "    }",
                "}"), "demo.Hash");
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("colony-children");
        System.out.println(Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " processors");
        SandboxSettings settings = SandboxSettings.defaults();
        SandboxFactory.Parts inProcess = SandboxFactory.inProcessParts(new ClassPathApiClassFiles(Plugin.class.getClassLoader()),
                Plugin.class.getClassLoader(), settings);
        ProgramPreparer here = inProcess.preparers().get(Isolation.IN_PROCESS);
        ProgramRunner hereRunner = inProcess.runners().get(Isolation.IN_PROCESS);

        long t = System.nanoTime();
        PreparedProgram squares = here.prepare(squares(0), List.of());
        report("cold prepare in process (the first in this JVM)", ms(t));
        double[] warmPrepares = time(PREPARES, i -> here.prepare(squares(i + 1), List.of()));
        report("warm prepare in process of a new source", warmPrepares);

        ProcessSettings processSettings = ProcessSettings.defaults(work);
        List<ProcessHandle> started = new CopyOnWriteArrayList<>();
        try (ProcessIsolation cold = new ProcessIsolation(processSettings, new CodeSourceClassPath(), started::add);
                ProcessIsolation warm = new ProcessIsolation(processSettings.withWarmChildren(1), new CodeSourceClassPath())) {
            ChildLauncher launcher = new ChildLauncher(processSettings, new CodeSourceClassPath());
            double[] starts = time(STARTS, i -> launcher.launch(64L << 20).close());
            report("child start-up (process start to the child's hello), then kill", starts);
            launcher.close();

            double[] childPrepares = time(PREPARES, i -> cold.preparer().prepare(squares(100 + i), List.of()));
            report("cold prepare with javac in a child (verification here)", childPrepares);

            Payload input = Payload.text("10");
            TestContext context = new TestContext();
            time(500, i -> hereRunner.run(squares, input, context, POLICY));
            report("run of a prepared small program in process", time(200, i -> hereRunner.run(squares, input, context, POLICY)));
            report("run of a prepared small program in a new child", time(RUNS, i -> cold.runner().run(squares, input, context, POLICY)));
            warm.runner().run(squares, input, context, POLICY);
            double[] warmRuns = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                Thread.sleep(1000);
                long w = System.nanoTime();
                warm.runner().run(squares, input, context, POLICY);
                warmRuns[i] = ms(w);
            }
            report("run of a prepared small program in a warm child (1 s between runs)", warmRuns);

            PreparedProgram hash = here.prepare(hashing(), List.of());
            Payload work1e7 = Payload.text("10000000");
            hereRunner.run(hash, work1e7, context, POLICY);
            report("compute run (1e7 Long.toString().hashCode()) in process, JIT warm", time(5, i -> hereRunner.run(hash, work1e7, context, POLICY)));
            report("compute run (1e7 Long.toString().hashCode()) in a new child", time(5, i -> cold.runner().run(hash, work1e7, context, POLICY)));

            WarmChildren idle = new WarmChildren(new ChildLauncher(processSettings, new CodeSourceClassPath(), started::add), 0);
            Child child = idle.take(256L << 20);
            System.out.println("resident memory of an idle child with a 256 MiB heap limit: " + residentKib(child.pid()) + " KiB");
            child.close();
        }
        hereRunner.close();
        here.close();
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static double[] time(int count, Step step) throws Exception {
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            step.run(i);
            times[i] = ms(t);
        }
        return times;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static String residentKib(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("[^0-9]", "")).findFirst().orElse("?");
    }

    private static void report(String what, double ms) {
        System.out.printf(Locale.ROOT, "%-72s %8.1f ms%n", what, ms);
    }

    private static void report(String what, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-72s median %8.2f ms, p90 %8.2f ms, min %8.2f ms (n=%d)%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.round(0.9 * (sorted.length - 1))], sorted[0], sorted.length);
    }
}
