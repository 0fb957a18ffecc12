package io.colony.sandbox.internal.verify;

import static io.colony.sandbox.internal.verify.VerifierFixture.describe;
import static io.colony.sandbox.internal.verify.VerifierFixture.plugin;
import static io.colony.sandbox.internal.verify.VerifierFixture.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.source.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistTest {

    @Test
    void anOperatorEntryAllowsAClass() throws Exception {
        String body = "        Map<String, String> weak = new WeakHashMap<>(); weak.put(\"a\", \"b\");";
        assertEquals(1, violations(plugin(body)).size());
        List<Violation> found = violations(plugin(body), List.of("java.util.WeakHashMap"));
        assertTrue(found.isEmpty(), describe(found));
    }

    @Test
    void anOperatorEntryAllowsOneMember() throws Exception {
        String body = "        boolean b = Number.class.isAssignableFrom(Integer.class);";
        List<Violation> found = violations(plugin(body), List.of("java.lang.Class#isAssignableFrom"));
        assertTrue(found.isEmpty(), describe(found));
    }

    @Test
    void anOperatorEntryCannotAllowAHardDeniedClass() throws Exception {
        List<Violation> found = violations(plugin("        new Thread(() -> { }).start();"), List.of("java.lang.Thread", "java.lang.*"));
        assertTrue(found.stream().anyMatch(v -> v.reference().equals("java.lang.Thread") && v.reason().startsWith("is never allowed")),
                describe(found));
    }

    @Test
    void anOperatorEntryForAClassDoesNotAllowItsHardDeniedMembers() throws Exception {
        List<Violation> found = violations(plugin("        System.exit(0);"), List.of("java.lang.System"));
        assertEquals(1, found.size(), describe(found));
        assertEquals("java.lang.System.exit(I)V", found.get(0).reference());
        assertTrue(found.get(0).reason().startsWith("is never allowed"), found.get(0).reason());

        List<Violation> formatter = violations(plugin("        try { new Formatter(\"/tmp/out\"); } catch (java.io.IOException e) { }"),
                List.of("java.util.Formatter"));
        assertTrue(formatter.stream().anyMatch(v -> v.reference().equals("java.util.Formatter.<init>(Ljava/lang/String;)V")
                && v.reason().equals("is never allowed: files are the node's")), describe(formatter));
    }

    @Test
    void aPackageEntryAllowsItsClassesButNotTheHardDeniedOnesNorTheirSubtypes() throws Exception {
        List<String> concurrent = List.of("java.util.concurrent.*");
        List<Violation> queue = violations(plugin("        Queue<String> q = new java.util.concurrent.ConcurrentLinkedQueue<>(); q.add(\"x\");"),
                concurrent);
        assertTrue(queue.isEmpty(), describe(queue));

        List<Violation> executors = violations(plugin("        java.util.concurrent.Executors.newFixedThreadPool(2);"), concurrent);
        assertTrue(executors.stream().anyMatch(v -> v.reference().equals("java.util.concurrent.Executors")
                && v.reason().startsWith("is never allowed: threads")), describe(executors));

        List<Violation> pool = violations(plugin("        Object pool = java.util.concurrent.ForkJoinPool.commonPool();"), concurrent);
        assertTrue(pool.stream().anyMatch(v -> v.reference().equals("java.util.concurrent.ForkJoinPool")
                && v.reason().startsWith("is never allowed: it is a java.util.concurrent.Executor")), describe(pool));
    }

    @Test
    void anOperatorDenialRefusesAMemberOnTheClassAndItsSubtypes() throws Exception {
        List<Violation> found = violations(plugin("        String s = \"a\".intern();"), List.of("!java.lang.String#intern fills the JVM's string table"));
        assertEquals(1, found.size(), describe(found));
        assertEquals("is not allowed: fills the JVM's string table (allowlist entry !java.lang.String#intern)", found.get(0).reason());
    }

    @Test
    void aMalformedOperatorEntryIsRefusedNamingTheKey() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Allowlist.builtIn().extendedWith(List.of("java.util.Bit Set")));
        assertTrue(thrown.getMessage().startsWith("source.allowlist: 'java.util.Bit Set' is not an allowlist entry"), thrown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Allowlist.builtIn().extendedWith(List.of("!java.util.BitSet")));
    }

    @Test
    void extendingLeavesTheBuiltInListAsItWas() {
        Allowlist extended = Allowlist.builtIn().extendedWith(List.of("java.util.WeakHashMap"));
        assertTrue(extended.allowsAllMembers("java.util.WeakHashMap"));
        assertFalse(Allowlist.builtIn().allowsAllMembers("java.util.WeakHashMap"));
        assertEquals(List.of("java.util.WeakHashMap"), extended.extensions());
    }

    @Test
    void theBuiltInListNamesOnlyClassesAndMembersThatExistInTheJdk() throws Exception {
        for (String line : EntryNames.lines("allowlist.txt")) {
            String entry = line.startsWith("!") ? line.substring(1).split("\\s+")[0] : line;
            if (entry.endsWith(".*")) {
                continue;
            }
            String className = entry.contains("#") ? entry.substring(0, entry.indexOf('#')) : entry;
            Class<?> type = Class.forName(className, false, getClass().getClassLoader());
            if (entry.contains("#")) {
                String member = entry.substring(entry.indexOf('#') + 1);
                boolean exists = java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(member));
                assertTrue(exists, entry + " names no public method");
            }
        }
    }
}
