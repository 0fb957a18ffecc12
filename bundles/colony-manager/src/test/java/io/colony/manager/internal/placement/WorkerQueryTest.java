package io.colony.manager.internal.placement;

import static io.colony.manager.internal.placement.TestMembers.GiB;
import static io.colony.manager.internal.placement.TestMembers.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.cluster.Member;
import io.colony.api.node.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerQueryTest {

    private static boolean matches(String query, Member member) {
        return WorkerQuery.parse(query).test(member);
    }

    @Test
    void issueExampleNeedsFourCoresAndAGpu() {
        WorkerQuery query = WorkerQuery.parse("cores >= 4 && data.gpu == true");
        assertTrue(query.test(worker("a").cores(8).data("gpu", "true").build()));
        assertTrue(query.test(worker("b").cores(4).data("gpu", "TRUE").build()));
        assertFalse(query.test(worker("c").cores(2).data("gpu", "true").build()));
        assertFalse(query.test(worker("d").cores(8).data("gpu", "false").build()));
        assertFalse(query.test(worker("e").cores(8).build()));
        assertFalse(query.test(worker("f").cores(8).data("gpu", "yes").build()));
    }

    @Test
    void andBindsTighterThanOr() {
        Member small = worker("s").cores(2).build();
        assertTrue(matches("cores > 100 && cores < 0 || cores == 2", small));
        assertTrue(matches("cores == 2 || cores > 100 && cores < 0", small));
        assertFalse(matches("(cores == 2 || cores > 100) && cores < 0", small));
    }

    @Test
    void parenthesesAndNegationGroup() {
        Member m = worker("m").cores(8).data("zone", "eu").build();
        assertTrue(matches("!(cores < 4)", m));
        assertFalse(matches("!(cores < 4 || data.zone == 'eu')", m));
        assertTrue(matches("!!(cores == 8)", m));
        assertTrue(matches("!cores < 4 || cores == 8", m), "! applies to the comparison next to it");
        assertTrue(matches("((((cores == 8))))", m));
        assertFalse(matches("! data.zone", m));
    }

    @Test
    void everyComparisonOperatorOnNumbers() {
        Member m = worker("m").cores(8).build();
        assertTrue(matches("cores == 8", m));
        assertTrue(matches("cores != 7", m));
        assertTrue(matches("cores < 9", m));
        assertTrue(matches("cores <= 8", m));
        assertTrue(matches("cores > 7.5", m));
        assertTrue(matches("cores >= 8", m));
        assertFalse(matches("cores > 8", m));
        assertFalse(matches("cores != 8", m));
    }

    @Test
    void hardwareFieldsReadTheirFigures() {
        Member m = worker("m").cores(16).physicalCores(8).load(3.5).cpu(0.25).memory(32 * GiB, 10 * GiB)
                .disk(1000 * GiB, 200 * GiB).os("Windows 11").build();
        assertTrue(matches("physicalCores == 8 && cores == 16", m));
        assertTrue(matches("load > 3 && load < 4", m));
        assertTrue(matches("cpu == 0.25", m));
        assertTrue(matches("memory.total == 32GiB && memory.available >= 10GiB", m));
        assertTrue(matches("disk.total > 1TB && disk.free == 200GiB", m));
        assertTrue(matches("os == 'Windows 11' && jvm != \"x\"", m));
        assertTrue(matches("id == 'm' && host == 'm.lan'", m));
    }

    @Test
    void sizeSuffixesAreDecimalOrBinaryInAnyCase() {
        assertTrue(matches("memory.available == 4GiB", worker("a").memory(8 * GiB, 4 * GiB).build()));
        assertTrue(matches("memory.available == 4gib", worker("a").memory(8 * GiB, 4 * GiB).build()));
        assertTrue(matches("memory.available == 512MiB", worker("a").memory(GiB, 512L << 20).build()));
        assertTrue(matches("memory.available == 2GB", worker("a").memory(4_000_000_000L, 2_000_000_000L).build()));
        assertTrue(matches("memory.available == 1.5KiB", worker("a").memory(4096, 1536).build()));
        assertTrue(matches("disk.free == 3TiB && disk.total == 1PB",
                worker("a").disk(1_000_000_000_000_000L, 3L << 40).build()));
        assertTrue(matches("memory.available == 100B && memory.total == 2kb && disk.free == 7MB && disk.total == 1TB",
                worker("a").memory(2000, 100).disk(1_000_000_000_000L, 7_000_000).build()));
    }

    @Test
    void rolesEqualsMeansHasTheRole() {
        Member both = worker("b").roles(Role.MANAGER, Role.WORKER).build();
        assertTrue(matches("roles == 'worker' && roles == 'MANAGER'", both));
        assertFalse(matches("roles != 'worker'", both));
        assertTrue(matches("roles != 'tracker'", both));
    }

    @Test
    void userDataComparesAsTextNumberOrBooleanFollowingTheLiteral() {
        Member m = worker("m").data("zone", "eu-west").data("gpus", "2").data("vram", "24GiB").data("fast", "true").build();
        assertTrue(matches("data.zone == 'eu-west'", m));
        assertFalse(matches("data.zone == 'EU-WEST'", m), "text is compared exactly");
        assertTrue(matches("data.gpus >= 2 && data.gpus < 3 && data.gpus == 2.0", m));
        assertFalse(matches("data.gpus == '2.0'", m), "a quoted literal compares text");
        assertTrue(matches("data.vram > 16GiB", m));
        assertTrue(matches("data.fast == true && data.fast != false", m));
        assertFalse(matches("data.zone > 1", m), "text that is not a number fails a number comparison");
        assertFalse(matches("data.zone == true", m), "text that is not a boolean fails a boolean comparison");
        assertFalse(matches("data.zone != true", m));
    }

    @Test
    void bareFieldMeansPresentAndTrue() {
        Member m = worker("m").data("gpu", "true").data("off", "false").data("blank", " ").data("label", "x").build();
        assertTrue(matches("data.gpu", m));
        assertTrue(matches("data.label", m));
        assertFalse(matches("data.off", m));
        assertFalse(matches("data.blank", m));
        assertFalse(matches("data.missing", m));
        assertTrue(matches("!data.missing", m));
        assertTrue(matches("cores && os && roles && id", m));
        assertFalse(matches("load", m), "zero load is false");
    }

    @Test
    void memberWithoutHardwareFailsEveryHardwareComparison() {
        Member blind = worker("blind").noHardware().data("gpu", "true").build();
        for (String query : List.of("cores >= 0", "cores < 1000", "cores != 3", "cores == 0", "load < 1", "cpu <= 1",
                "memory.total > 0", "memory.available != 1", "disk.total >= 0", "disk.free < 1PB", "os != 'x'",
                "jvm == 'x'", "physicalCores > 0", "cores", "os")) {
            assertFalse(matches(query, blind), query);
        }
        assertTrue(matches("!(cores >= 4)", blind), "negation of a false comparison is true");
        assertTrue(matches("data.gpu == true && roles == 'worker' && id == 'blind'", blind),
                "non-hardware fields still work");
    }

    @Test
    void loadTheOsDoesNotReportIsUnknown() {
        Member windows = worker("w").load(-1).build();
        assertFalse(matches("load < 10", windows));
        assertFalse(matches("load >= 0", windows));
    }

    @Test
    void negativeNumbersAndDecimalsParse() {
        assertTrue(matches("load > -1 && cpu >= 0.0", worker("m").load(0.5).build()));
        assertTrue(matches("data.t < -2.5", worker("m").data("t", "-3").build()));
    }

    @Test
    void stringsTakeEitherQuoteAndEscapes() {
        Member m = worker("m").data("q", "it's \"x\"").build();
        assertTrue(matches("data.q == 'it\\'s \"x\"'", m));
        assertTrue(matches("data.q == \"it's \\\"x\\\"\"", m));
    }

    @Test
    void whitespaceIsOptional() {
        assertTrue(matches("cores>=4&&!(cores<4)||data.x", worker("m").cores(8).build()));
        assertTrue(matches("(cores>=4)&&data.gpu==true", worker("m").cores(8).data("gpu", "true").build()));
    }

    @Test
    void idInMatchesListedWorkersAndReadsAsAQuery() {
        WorkerQuery query = WorkerQuery.idIn(List.of("n1", "o'k"));
        assertEquals("id == 'n1' || id == 'o\\'k'", query.text());
        assertTrue(query.test(worker("n1").build()));
        assertTrue(query.test(worker("o'k").build()));
        assertFalse(query.test(worker("n2").build()));
        assertTrue(WorkerQuery.parse(query.text()).test(worker("o'k").build()), "its text parses back to the same query");
    }

    @Test
    void allMatchesEveryone() {
        assertTrue(WorkerQuery.all().test(worker("x").noHardware().build()));
        assertTrue(WorkerQuery.all().isAll());
        assertEquals("", WorkerQuery.all().text());
    }

    @Test
    void queriesAtTheLimitsParse() {
        String deep = "(".repeat(WorkerQuery.MAX_DEPTH) + "cores == 8" + ")".repeat(WorkerQuery.MAX_DEPTH);
        assertTrue(matches(deep, worker("m").cores(8).build()));
        StringBuilder longQuery = new StringBuilder("cores == 8");
        while (longQuery.length() + " || cores == 8".length() <= WorkerQuery.MAX_LENGTH) {
            longQuery.append(" || cores == 8");
        }
        assertTrue(matches(longQuery.toString(), worker("m").cores(8).build()));
    }
}
