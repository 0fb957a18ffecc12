package io.colony.sandbox.internal.verify;

import static io.colony.sandbox.internal.verify.VerifierFixture.describe;
import static io.colony.sandbox.internal.verify.VerifierFixture.plugin;
import static io.colony.sandbox.internal.verify.VerifierFixture.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.source.SourceCode;
import io.colony.api.source.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BytecodeVerifierTest {

    private static final String EXECUTE = "execute(Lio/colony/api/plugin/Payload;Lio/colony/api/plugin/TaskContext;)Lio/colony/api/plugin/Payload;";

    /** The only violation of a source, which must be there. */
    private static Violation only(SourceCode source) throws Exception {
        List<Violation> found = violations(source);
        assertEquals(1, found.size(), describe(found));
        return found.get(0);
    }

    private static void assertRefused(SourceCode source, String reference, String reasonStart) throws Exception {
        List<Violation> found = violations(source);
        assertTrue(found.stream().anyMatch(v -> v.reference().equals(reference) && v.reason().startsWith(reasonStart)),
                "expected " + reference + ": " + reasonStart + "... among\n" + describe(found));
    }

    @Test
    void anOrdinaryPluginHasNoViolations() throws Exception {
        String members = String.join("\n",
                "    record Point(int x, int y) { double length() { return Math.sqrt(x * x + y * y); } }",
                "    enum Colour { RED, GREEN }",
                "    static class Failure extends RuntimeException { Failure(String m) { super(m); } }",
                "    static int score(Colour c) { switch (c) { case RED: return 1; default: return 2; } }",
                "    static int word(String w) { switch (w) { case \"one\": return 1; case \"two\": return 2; default: return 0; } }");
        String body = String.join("\n",
                "        assert input != null;",
                "        List<Point> points = new ArrayList<>(List.of(new Point(3, 4), new Point(1, 1)));",
                "        points.sort(Comparator.comparingDouble(Point::length));",
                "        Map<String, Long> counts = Stream.of(\"a\", \"b\", \"a\").collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));",
                "        String text = String.format(Locale.ROOT, \"%s %d\", counts, score(Colour.GREEN) + word(\"two\"));",
                "        java.math.BigInteger big = java.math.BigInteger.TWO.pow(100);",
                "        java.util.regex.Matcher m = java.util.regex.Pattern.compile(\"(\\\\d+)\").matcher(text);",
                "        java.time.LocalDate day = java.time.LocalDate.of(2024, 2, 29).plusDays(1);",
                "        context.logger().log(System.Logger.Level.INFO, \"points {0}\", points);",
                "        context.progress(1, 2);",
                "        try { if (points.isEmpty()) throw new Failure(\"none\"); } catch (Failure e) { context.logger().log(System.Logger.Level.WARNING, e.getMessage()); }",
                "        Point p = context.json().decode(input, Point.class);",
                "        long start = System.nanoTime();",
                "        int[] squares = IntStream.rangeClosed(1, 5).map(i -> i * i).toArray();",
                "        Optional<String> first = Optional.of(text).filter(t -> !t.isBlank()).map(t -> t + big + day + m.find() + start + p + squares.clone().length);");
        List<Violation> found = violations(plugin(body, members));
        assertTrue(found.isEmpty(), describe(found));
    }

    @Test
    void filesAreNeverAllowedAndAConstructorOfARefusedClassIsReportedOnceAsTheClass() throws Exception {
        Violation violation = only(plugin("        Object file = new java.io.File(\"/etc/passwd\");"));
        assertEquals("demo.Main", violation.className());
        assertEquals(EXECUTE, violation.location());
        assertEquals("java.io.File", violation.reference());
        assertEquals("is never allowed: files are the node's", violation.reason());
    }

    @Test
    void threadsAreNeverAllowed() throws Exception {
        assertRefused(plugin("        new Thread(() -> {}).start();"), "java.lang.Thread", "is never allowed: threads run outside");
    }

    @Test
    void processesAndTheRuntimeAreNeverAllowed() throws Exception {
        String body = "        try { Runtime.getRuntime().exec(\"id\"); } catch (java.io.IOException e) { throw new PluginException(e.getMessage()); }";
        assertRefused(plugin(body), "java.lang.Runtime", "is never allowed: it stops or controls the worker's JVM");
        assertRefused(plugin(body), "java.lang.Process", "is never allowed: processes run outside the sandbox");
        assertRefused(plugin("        ProcessHandle.current().destroy();"), "java.lang.ProcessHandle", "is never allowed");
    }

    @Test
    void aMethodReferenceToARefusedMemberIsRefused() throws Exception {
        assertRefused(plugin("        IntConsumer exit = System::exit; exit.accept(1);"), "java.lang.System.exit(I)V",
                "is never allowed: it stops or controls the worker's JVM");
        assertRefused(plugin("        Supplier<Object> runtime = Runtime::getRuntime;"), "java.lang.Runtime", "is never allowed");
    }

    @Test
    void reflectionAndClassLoadingAreNeverAllowed() throws Exception {
        assertRefused(plugin("        Object methods = String.class.getDeclaredMethods();"), "java.lang.reflect.Method",
                "is never allowed: reflection and method handles");
        assertRefused(plugin("        try { Class.forName(\"java.lang.Runtime\"); } catch (ClassNotFoundException e) { }"),
                "java.lang.Class.forName(Ljava/lang/String;)Ljava/lang/Class;", "is never allowed: class loaders define classes");
        assertRefused(plugin("        ClassLoader loader = getClass().getClassLoader();"), "java.lang.ClassLoader", "is never allowed");
        assertRefused(plugin("        Object handle = java.lang.invoke.MethodHandles.lookup();"), "java.lang.invoke.MethodHandles",
                "is never allowed: reflection and method handles");
    }

    @Test
    void systemPropertiesTheEnvironmentAndTheStandardStreamsAreNeverAllowed() throws Exception {
        assertRefused(plugin("        String home = System.getProperty(\"user.home\");"),
                "java.lang.System.getProperty(Ljava/lang/String;)Ljava/lang/String;", "is never allowed: system properties");
        assertRefused(plugin("        Map<String, String> env = System.getenv();"), "java.lang.System.getenv()Ljava/util/Map;",
                "is never allowed: system properties and the environment");
        assertRefused(plugin("        Integer port = Integer.getInteger(\"port\");"),
                "java.lang.Integer.getInteger(Ljava/lang/String;)Ljava/lang/Integer;", "is never allowed: system properties");
        assertRefused(plugin("        System.out.println(\"hi\");"), "java.lang.System.out", "is never allowed: the worker's standard streams");
    }

    @Test
    void aClassOffTheAllowlistNamesTheEntryThatWouldAllowIt() throws Exception {
        Violation violation = only(plugin("        Map<String, String> weak = new WeakHashMap<>();"));
        assertEquals("java.util.WeakHashMap", violation.reference());
        assertEquals("is not on the allowlist (add java.util.WeakHashMap to source.allowlist in etc/io.colony.trust.cfg if it is safe)",
                violation.reason());
    }

    @Test
    void aMemberOffTheAllowlistNamesTheMemberEntry() throws Exception {
        Violation violation = only(plugin("        boolean b = Number.class.isAssignableFrom(Integer.class);"));
        assertEquals("java.lang.Class.isAssignableFrom(Ljava/lang/Class;)Z", violation.reference());
        assertTrue(violation.reason().startsWith("is not on the allowlist (add java.lang.Class#isAssignableFrom to source.allowlist"),
                violation.reason());
    }

    @Test
    void membersOfObjectAreAllowedThroughATypeWithOnlySomeMembersListed() throws Exception {
        List<Violation> found = violations(plugin("        int h = String.class.hashCode() + String.class.getName().length(); String s = String.class.toString();"));
        assertTrue(found.isEmpty(), describe(found));
    }

    @Test
    void aDeniedMemberIsDeniedOnSubtypesIncludingTheSourcesOwn() throws Exception {
        String members = "    static class Oops extends IllegalStateException { Oops() { super(\"oops\"); } }";
        Violation violation = only(plugin("        new Oops().printStackTrace();", members));
        assertEquals("demo.Main", violation.className());
        assertEquals("demo.Main$Oops.printStackTrace()V", violation.reference());
        assertEquals("is not allowed: it writes to the worker's standard error; log the exception with context.logger()"
                + " (allowlist entry !java.lang.Throwable#printStackTrace)", violation.reason());
    }

    @Test
    void aMemberTheSourceDeclaresItselfIsAllowedEvenWithADeniedName() throws Exception {
        String members = "    static class Quiet extends RuntimeException { @Override public void printStackTrace() { } }";
        List<Violation> found = violations(plugin("        new Quiet().printStackTrace();", members));
        assertTrue(found.isEmpty(), describe(found));
    }

    @Test
    void parallelStreamsAndParallelArrayOperationsAreNeverAllowed() throws Exception {
        assertRefused(plugin("        long n = new ArrayList<String>().parallelStream().count();"),
                "java.util.ArrayList.parallelStream()Ljava/util/stream/Stream;", "is never allowed: parallel streams");
        assertRefused(plugin("        int s = IntStream.range(0, 10).parallel().sum();"),
                "java.util.stream.IntStream.parallel()Ljava/util/stream/IntStream;", "is never allowed: parallel streams");
        assertRefused(plugin("        Arrays.parallelSort(new int[] {3, 1});"), "java.util.Arrays.parallelSort([I)V",
                "is never allowed: parallel streams");
        String members = "    static class Listed extends AbstractList<String> { public String get(int i) { return \"\"; } public int size() { return 0; } }";
        assertRefused(plugin("        new Listed().parallelStream().count();", members),
                "demo.Main$Listed.parallelStream()Ljava/util/stream/Stream;", "is never allowed: parallel streams");
    }

    @Test
    void monitorsOfSharedObjectsAreNeverAllowed() throws Exception {
        assertRefused(plugin("        synchronized (\"lock\") { context.progress(0.5); }"), "synchronized",
                "is never allowed: a synchronized block");
        assertRefused(plugin("        Object lock = new Object(); lock.notifyAll();"), "java.lang.Object.notifyAll()V",
                "is never allowed: monitors");
        assertRefused(plugin("        \"lock\".wait(1000);"), "java.lang.Object.wait(J)V", "is never allowed: monitors");
    }

    @Test
    void finalizersAndNativeMethodsAreNeverAllowed() throws Exception {
        String members = "    @Override @SuppressWarnings(\"deprecation\") protected void finalize() { }\n    static native int peek(long address);";
        List<Violation> found = violations(plugin("", members));
        assertTrue(found.stream().anyMatch(v -> v.location().equals("finalize()V") && v.reason().contains("finalizer thread")), describe(found));
        assertTrue(found.stream().anyMatch(v -> v.location().equals("peek(J)I") && v.reference().equals("native")), describe(found));
    }

    @Test
    void classesInReservedPackagesAreRefused() throws Exception {
        SourceCode source = new SourceCode(Map.of(
                "demo/Main.java", "package demo; public class Main extends io.colony.sneaky.Base implements io.colony.api.plugin.Plugin {"
                        + " public io.colony.api.plugin.Payload execute(io.colony.api.plugin.Payload p, io.colony.api.plugin.TaskContext c) { return p; } }",
                "io/colony/sneaky/Base.java", "package io.colony.sneaky; public class Base { }",
                "javax/extra/Helper.java", "package javax.extra; public class Helper { }"), "demo.Main");
        List<Violation> found = violations(source);
        assertTrue(found.stream().anyMatch(v -> v.className().equals("io.colony.sneaky.Base") && v.reason().contains("reserved")), describe(found));
        assertTrue(found.stream().anyMatch(v -> v.className().equals("javax.extra.Helper") && v.reason().contains("reserved")), describe(found));
    }

    @Test
    void serializableLambdasAreRefused() throws Exception {
        List<Violation> found = violations(plugin("        Runnable r = (Runnable & java.io.Serializable) () -> { };"));
        assertTrue(found.stream().anyMatch(v -> v.reference().startsWith("serializable lambda")), describe(found));
        assertTrue(found.stream().anyMatch(v -> v.reference().equals("java.lang.invoke.SerializedLambda")), describe(found));
    }

    @Test
    void typesInGenericSignaturesAreChecked() throws Exception {
        List<Violation> found = violations(plugin("", "    record Files(List<java.io.File> files) { }"));
        assertTrue(found.stream().anyMatch(v -> v.className().equals("demo.Main$Files") && v.reference().equals("java.io.File")), describe(found));
    }

    @Test
    void classLiteralsArrayElementsAndCatchTypesAreChecked() throws Exception {
        assertRefused(plugin("        Object type = Thread.class;"), "java.lang.Thread", "is never allowed");
        assertRefused(plugin("        Object[] threads = new Thread[2];"), "java.lang.Thread", "is never allowed");
        assertRefused(plugin("        try { context.progress(1); } catch (java.util.MissingResourceException e) { }"),
                "java.util.MissingResourceException", "is not on the allowlist");
    }

    @Test
    void scannerOfAStringIsAllowedButNotOfAFile() throws Exception {
        List<Violation> found = violations(plugin("        int n = new Scanner(\"1 2\").nextInt();"));
        assertTrue(found.isEmpty(), describe(found));
        assertRefused(plugin("        try { new Scanner(java.nio.file.Path.of(\"/etc/passwd\")); } catch (java.io.IOException e) { }"),
                "java.nio.file.Path", "is never allowed: files are the node's");
    }

    @Test
    void theSameReferenceTwiceInAMethodIsOneViolation() throws Exception {
        List<Violation> found = violations(plugin("        Object a = new WeakHashMap<>(); Object b = new WeakHashMap<>();"));
        assertEquals(1, found.size(), describe(found));
    }

    @Test
    void theEntryClassMustBeAPublicPluginWithAPublicConstructorWithoutArguments() throws Exception {
        List<Violation> missing = violations(SourceCode.of("demo/Main.java", "package demo; public class Main { }", "demo.Other"));
        assertEquals("source.entryClass names no class of the source", missing.get(0).reason());

        List<Violation> notPlugin = violations(SourceCode.of("demo/Main.java", "package demo; public class Main { private Main(int x) { } }", "demo.Main"));
        assertTrue(notPlugin.stream().anyMatch(v -> v.reason().equals("the entry class must implement io.colony.api.plugin.Plugin")), describe(notPlugin));
        assertTrue(notPlugin.stream().anyMatch(v -> v.reason().equals("the entry class must have a public constructor without arguments")),
                describe(notPlugin));
    }
}
