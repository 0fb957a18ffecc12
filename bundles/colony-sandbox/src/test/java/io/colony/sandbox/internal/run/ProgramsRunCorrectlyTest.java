package io.colony.sandbox.internal.run;

import static io.colony.sandbox.internal.run.Programs.plugin;
import static io.colony.sandbox.internal.run.RunnerFixture.generous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Ordinary programs give the right results in process: the sandbox changes nothing for code that keeps to its rules. */
class ProgramsRunCorrectlyTest {

    private static final RunnerFixture SANDBOX = new RunnerFixture();

    @AfterAll
    static void close() {
        SANDBOX.close();
    }

    @Test
    void collectionsStreamsRecordsEnumsAndSwitchesWithJsonProgressAndLogging() throws Exception {
        String members = String.join("\n",
                "    record Stat(String word, long count) { }",
                "    record Result(List<Stat> top, Map<Kind, Integer> kinds, int score) { }",
                "    enum Kind { SHORT, LONG; static Kind of(String w) { return w.length() > 3 ? LONG : SHORT; } }");
        String body = String.join("\n",
                "        List<String> words = Arrays.stream(input.asText().split(\"\\\\s+\")).map(String::toLowerCase)",
                "                .filter(w -> !w.isEmpty()).collect(Collectors.toList());",
                "        Map<String, Long> counts = words.stream().collect(Collectors.groupingBy(w -> w, TreeMap::new, Collectors.counting()));",
                "        List<Stat> top = counts.entrySet().stream().map(e -> new Stat(e.getKey(), e.getValue()))",
                "                .sorted(Comparator.comparingLong(Stat::count).reversed().thenComparing(Stat::word)).limit(3).collect(Collectors.toList());",
                "        EnumMap<Kind, Integer> kinds = new EnumMap<>(Kind.class);",
                "        for (String w : words) kinds.merge(Kind.of(w), 1, Integer::sum);",
                "        int score = 0;",
                "        for (String w : words) { switch (w) { case \"the\": score += 1; break; case \"fox\": score += 10; break; default: break; } }",
                "        switch (Kind.of(words.get(0))) { case SHORT: score *= 2; break; case LONG: score *= 3; break; }",
                "        context.progress(0.5);",
                "        context.logger().log(System.Logger.Level.INFO, \"counted {0} words\", words.size());",
                "        context.progress(words.size(), words.size());",
                "        return context.json().encode(new Result(top, kinds, score));");
        TestContext context = new TestContext();
        Payload result = SANDBOX.run(plugin(body, members), Payload.text("The quick brown fox jumps over the lazy dog the fox"), context, generous());
        assertEquals("{\"top\":[{\"word\":\"the\",\"count\":3},{\"word\":\"fox\",\"count\":2},{\"word\":\"brown\",\"count\":1}],"
                + "\"kinds\":{\"SHORT\":6,\"LONG\":5},\"score\":46}", result.asText());
        assertEquals(Payload.JSON, result.contentType());
        assertEquals(List.of(0.5, 1.0), context.progress);
        assertEquals(List.of("INFO counted 11 words"), context.lines);
    }

    @Test
    void mathsStringsAndLambdasOnJsonInput() throws Exception {
        String members = "    record Request(int n, List<Integer> values) { }";
        String body = String.join("\n",
                "        Request r = context.json().decode(input, Request.class);",
                "        java.math.BigInteger f = java.math.BigInteger.ONE;",
                "        for (int i = 2; i <= r.n(); i++) f = f.multiply(java.math.BigInteger.valueOf(i));",
                "        IntSummaryStatistics s = r.values().stream().mapToInt(Integer::intValue).summaryStatistics();",
                "        Function<Integer, Integer> square = x -> x * x;",
                "        int sumSquares = r.values().stream().map(square).reduce(0, Integer::sum);",
                "        String hex = Integer.toHexString(sumSquares);",
                "        double root = Math.sqrt(sumSquares);",
                "        return Payload.text(f + \" \" + s.getMax() + \" \" + sumSquares + \" \" + hex + \" \"",
                "                + String.format(Locale.ROOT, \"%.3f\", root) + \" \" + new StringBuilder(\"abc\").reverse());");
        Payload result = SANDBOX.run(plugin(body, members), Payload.json("{\"n\":20,\"values\":[3,4,5]}"), new TestContext(), generous());
        assertEquals("2432902008176640000 5 50 32 7.071 cba", result.asText());
    }

    @Test
    void theLanguagesFeaturesWorkUnderInstrumentation() throws Exception {
        String members = String.join("\n",
                "    sealed interface Shape permits Circle, Square { }",
                "    record Circle(double r) implements Shape { }",
                "    record Square(double side) implements Shape { Square { if (side < 0) throw new IllegalArgumentException(\"side\"); } }",
                "    enum Op { ADD { int apply(int a, int b) { return a + b; } }, MUL { int apply(int a, int b) { return a * b; } };",
                "        abstract int apply(int a, int b); }",
                "    static double area(Shape s) { if (s instanceof Circle c) return Math.PI * c.r() * c.r();",
                "        if (s instanceof Square q) return q.side() * q.side(); throw new IllegalStateException(); }",
                "    static int sum(int... xs) { int t = 0; for (int x : xs) t += x; return t; }",
                "    static <T extends Comparable<T>> T max(List<T> xs) { T best = xs.get(0); for (T x : xs) if (x.compareTo(best) > 0) best = x; return best; }");
        String body = String.join("\n",
                "        int[][] grid = new int[3][4];",
                "        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i][j] = i * j;",
                "        int found = -1;",
                "        outer: for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) if (grid[i][j] == 4) { found = i * 10 + j; break outer; }",
                "        String label = switch (found) { case 22 -> \"two-two\"; default -> \"other\"; };",
                "        StringBuilder log = new StringBuilder();",
                "        try { try { Object o = List.of(1).get(5); } finally { log.append(\"finally;\"); } }",
                "        catch (IndexOutOfBoundsException e) { log.append(\"caught;\"); }",
                "        Iterator<Integer> countdown = new Iterator<>() { int n = 3;",
                "            public boolean hasNext() { return n > 0; } public Integer next() { return n--; } };",
                "        while (countdown.hasNext()) log.append(countdown.next());",
                "        char c = (char) ('a' + 2);",
                "        double areas = area(new Circle(1)) + area(new Square(2));",
                "        return Payload.text(label + \" \" + log + \" \" + Op.ADD.apply(2, 3) + Op.MUL.apply(2, 3) + \" \" + sum(1, 2, 3) + \" \"",
                "                + max(List.of(\"pear\", \"apple\", \"zoo\")) + \" \" + c + \" \" + String.format(Locale.ROOT, \"%.2f\", areas)",
                "                + \" \" + new Square(1).equals(new Square(1)) + \" \" + new Circle(2));");
        Payload result = SANDBOX.run(plugin(body, members), "", generous());
        assertEquals("two-two finally;caught;321 56 6 zoo c 7.14 true Circle[r=2.0]", result.asText());
    }

    @Test
    void eachRunHasItsOwnStaticState() throws Exception {
        var source = plugin("        runs++; return Payload.text(Integer.toString(runs));", "    static int runs;");
        PreparedProgram program = SANDBOX.preparer.prepare(source, List.of());
        assertEquals("1", SANDBOX.runner.run(program, Payload.empty(), new TestContext(), generous()).asText());
        assertEquals("1", SANDBOX.runner.run(program, Payload.empty(), new TestContext(), generous()).asText());
    }

    @Test
    void theClassesOfFinishedRunsAreUnloaded() throws Exception {
        var source = plugin("        Supplier<String> s = () -> \"x\" + input.size(); return Payload.text(s.get());", "    record Unused(int a) { }");
        PreparedProgram program = SANDBOX.preparer.prepare(source, List.of());
        java.lang.management.ClassLoadingMXBean classes = java.lang.management.ManagementFactory.getClassLoadingMXBean();
        long unloadedBefore = classes.getUnloadedClassCount();
        for (int i = 0; i < 50; i++) {
            SANDBOX.runner.run(program, Payload.empty(), new TestContext(), generous());
        }
        for (int i = 0; i < 5 && classes.getUnloadedClassCount() - unloadedBefore < 50; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(classes.getUnloadedClassCount() - unloadedBefore >= 50,
                "unloaded " + (classes.getUnloadedClassCount() - unloadedBefore) + " classes after 50 runs");
    }

    @Test
    void aProgramLogsAnExceptionWithItsStack() throws Exception {
        String body = String.join("\n",
                "        try { Integer.parseInt(\"x\"); } catch (NumberFormatException e) {",
                "            context.logger().log(System.Logger.Level.WARNING, \"bad number\", e); }",
                "        return Payload.text(\"ok\");");
        TestContext context = new TestContext();
        SANDBOX.run(plugin(body), Payload.empty(), context, generous());
        assertEquals(1, context.lines.size());
        String line = context.lines.get(0);
        assertTrue(line.startsWith("WARNING bad number\njava.lang.NumberFormatException: For input string: \"x\"\n\tat "), line);
        assertTrue(line.endsWith("\n\tat demo.Main.execute(Main.java:9)"), line);
    }
}
