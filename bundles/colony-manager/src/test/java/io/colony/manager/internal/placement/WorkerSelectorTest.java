package io.colony.manager.internal.placement;

import static io.colony.manager.internal.placement.TestMembers.GiB;
import static io.colony.manager.internal.placement.TestMembers.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.node.Role;
import io.colony.manager.internal.placement.WorkerSelector.Strategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerSelectorTest {

    private final SlotBook slots = new SlotBook(100);
    private final WorkerSelector selector = new WorkerSelector(slots);

    private String pick(List<Member> members, String query, Strategy strategy) {
        return selector.select(members, WorkerQuery.parse(query), strategy).map(Member::id).orElse("none");
    }

    private String pick(List<Member> members, Strategy strategy) {
        return selector.select(members, WorkerQuery.all(), strategy).map(Member::id).orElse("none");
    }

    @Test
    void onlyAvailableWorkersMatchingTheQueryAreEligible() {
        List<Member> members = List.of(
                worker("a-withdrawn").state(MemberState.WITHDRAWN).build(),
                worker("b-gone").state(MemberState.UNAVAILABLE).build(),
                worker("c-manager").roles(Role.MANAGER).build(),
                worker("d-small").cores(2).build(),
                worker("e-ok").cores(8).build());
        assertEquals(List.of("d-small", "e-ok"), ids(selector.matching(members, WorkerQuery.all())));
        for (Strategy strategy : Strategy.values()) {
            assertEquals("e-ok", pick(members, "cores >= 4", strategy), strategy.name());
        }
    }

    @Test
    void emptyWhenNoWorkerIsEligible() {
        assertEquals(Optional.empty(), selector.select(List.of(), WorkerQuery.all(), Strategy.LEAST_LOADED));
        assertEquals("none", pick(List.of(worker("a").cores(2).build()), "cores >= 64", Strategy.ROUND_ROBIN));
    }

    @Test
    void selectingTakesASlotAndFullWorkersAreSkipped() {
        SlotBook one = new SlotBook(1);
        WorkerSelector s = new WorkerSelector(one);
        List<Member> members = List.of(worker("a").load(0).build(), worker("b").load(4).build());
        assertEquals("a", s.select(members, WorkerQuery.all(), Strategy.LEAST_LOADED).orElseThrow().id());
        assertEquals(1, one.inUse("a"));
        assertEquals("b", s.select(members, WorkerQuery.all(), Strategy.LEAST_LOADED).orElseThrow().id());
        assertEquals(Optional.empty(), s.select(members, WorkerQuery.all(), Strategy.LEAST_LOADED));
        one.release("a");
        assertEquals("a", s.select(members, WorkerQuery.all(), Strategy.ROUND_ROBIN).orElseThrow().id());
    }

    @Test
    void roundRobinTakesEachInTurnAcrossCalls() {
        List<Member> members = List.of(worker("c").build(), worker("a").build(), worker("b").build());
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            picks.add(pick(members, Strategy.ROUND_ROBIN));
        }
        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), picks);
    }

    @Test
    void roundRobinContinuesInOrderWhenMembersChange() {
        List<Member> three = List.of(worker("a").build(), worker("b").build(), worker("c").build());
        assertEquals("a", pick(three, Strategy.ROUND_ROBIN));
        assertEquals("b", pick(three, Strategy.ROUND_ROBIN));
        List<Member> withoutC = List.of(worker("a").build(), worker("b").build(), worker("bb").build());
        assertEquals("bb", pick(withoutC, Strategy.ROUND_ROBIN));
        assertEquals("a", pick(withoutC, Strategy.ROUND_ROBIN));
    }

    @Test
    void roundRobinSkipsFullWorkersWithoutLosingItsPlace() {
        SlotBook book = new SlotBook(1);
        WorkerSelector s = new WorkerSelector(book);
        List<Member> members = List.of(worker("a").build(), worker("b").build(), worker("c").build());
        book.tryAcquire(members.get(1));
        assertEquals("a", s.select(members, WorkerQuery.all(), Strategy.ROUND_ROBIN).orElseThrow().id());
        assertEquals("c", s.select(members, WorkerQuery.all(), Strategy.ROUND_ROBIN).orElseThrow().id());
    }

    @Test
    void roundRobinIsFairUnderConcurrentCallers() throws Exception {
        List<Member> members = List.of(worker("a").build(), worker("b").build(), worker("c").build(), worker("d").build());
        WorkerSelector s = new WorkerSelector(new SlotBook(1_000_000));
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        int threads = 4;
        int each = 1_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    assertTrue(start.await(10, TimeUnit.SECONDS));
                    for (int i = 0; i < each; i++) {
                        String id = s.select(members, WorkerQuery.all(), Strategy.ROUND_ROBIN).orElseThrow().id();
                        counts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        for (String id : List.of("a", "b", "c", "d")) {
            assertEquals(threads * each / 4, counts.get(id).get(), id);
        }
    }

    @Test
    void leastLoadedComparesLoadPerLogicalCore() {
        List<Member> members = List.of(
                worker("busy-big").cores(32).load(16).build(),   // 0.5 per core
                worker("idle-small").cores(2).load(0.5).build(), // 0.25 per core
                worker("busy-small").cores(2).load(2).build());  // 1 per core
        assertEquals("idle-small", pick(members, Strategy.LEAST_LOADED));
        members.forEach(m -> slots.release(m.id()));
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(WorkerSelector.LEAST_LOADED);
        assertEquals(List.of("idle-small", "busy-big", "busy-small"), ids(sorted));
    }

    @Test
    void leastLoadedTiesGoToMostFreeMemoryThenId() {
        List<Member> members = new ArrayList<>(List.of(
                worker("c").load(1).memory(64 * GiB, 8 * GiB).build(),
                worker("b").load(1).memory(64 * GiB, 32 * GiB).build(),
                worker("a").load(1).memory(64 * GiB, 8 * GiB).build()));
        members.sort(WorkerSelector.LEAST_LOADED);
        assertEquals(List.of("b", "a", "c"), ids(members));
    }

    @Test
    void leastLoadedUsesCpuWhereTheOsHasNoLoadAndPutsUnknownLast() {
        List<Member> members = new ArrayList<>(List.of(
                worker("blind").noHardware().build(),
                worker("windows").load(-1).cpu(0.1).build(),
                worker("linux").cores(4).load(2).build()));
        members.sort(WorkerSelector.LEAST_LOADED);
        assertEquals(List.of("windows", "linux", "blind"), ids(members));
    }

    @Test
    void affinityPrefersRecentWorkersEvenWhenBusier() {
        List<Member> members = List.of(
                worker("idle").load(0).build(),
                worker("warm-busy").load(6).build(),
                worker("warm").load(3).build());
        Set<String> ranPlugin = Set.of("warm", "warm-busy");
        assertEquals("warm", selector.select(members, WorkerQuery.all(), Strategy.PLUGIN_AFFINITY, ranPlugin::contains)
                .orElseThrow().id());
    }

    @Test
    void affinityFallsBackToLeastLoadedWhenPreferredAreFullOrIneligible() {
        SlotBook one = new SlotBook(1);
        WorkerSelector s = new WorkerSelector(one);
        List<Member> members = List.of(
                worker("idle").load(0).build(),
                worker("mid").load(2).build(),
                worker("warm").load(1).build(),
                worker("warm-small").cores(2).load(0).build());
        Set<String> ranPlugin = Set.of("warm", "warm-small");
        WorkerQuery big = WorkerQuery.parse("cores >= 4");
        assertEquals("warm", s.select(members, big, Strategy.PLUGIN_AFFINITY, ranPlugin::contains).orElseThrow().id());
        assertEquals("idle", s.select(members, big, Strategy.PLUGIN_AFFINITY, ranPlugin::contains).orElseThrow().id());
        assertEquals("mid", s.select(members, big, Strategy.PLUGIN_AFFINITY, ranPlugin::contains).orElseThrow().id());
        assertEquals(Optional.empty(), s.select(members, big, Strategy.PLUGIN_AFFINITY, ranPlugin::contains));
    }

    @Test
    void affinityWithNoPreferenceIsLeastLoaded() {
        List<Member> members = List.of(worker("x").load(5).build(), worker("y").load(1).build());
        assertEquals("y", pick(members, Strategy.PLUGIN_AFFINITY));
    }

    @Test
    void explainsAQueryNoWorkerMatchesWithTheirValues() {
        List<Member> members = List.of(worker("n2").cores(4).build(), worker("n1").cores(8).build());
        assertEquals("no available worker matches 'cores >= 64' (2 workers: n1 cores=8, n2 cores=4)",
                selector.whyNone(members, WorkerQuery.parse("cores >= 64")));
    }

    @Test
    void explanationShowsEveryQueriedFieldAndUnknowns() {
        List<Member> members = List.of(
                worker("n1").cores(8).data("gpu", "false").memory(32 * GiB, 3 * GiB / 2).load(0.333).build(),
                worker("n2").noHardware().build());
        assertEquals("no available worker matches 'cores >= 4 && data.gpu == true && memory.available > 2GiB || load > 9'"
                        + " (2 workers: n1 cores=8 data.gpu=false memory.available=1.5GiB load=0.33,"
                        + " n2 cores=? data.gpu=? memory.available=? load=?)",
                selector.whyNone(members,
                        WorkerQuery.parse("cores >= 4 && data.gpu == true && memory.available > 2GiB || load > 9")));
        assertEquals("no available worker matches 'roles == \"tracker\"' (1 worker: n1 roles=worker)",
                selector.whyNone(members.subList(0, 1), WorkerQuery.parse("roles == \"tracker\"")));
    }

    @Test
    void explainsWhenNoWorkerIsAvailable() {
        assertEquals("no workers known", selector.whyNone(List.of(), WorkerQuery.all()));
        List<Member> members = List.of(
                worker("w").state(MemberState.WITHDRAWN).build(),
                worker("u").state(MemberState.UNAVAILABLE).build(),
                worker("m").roles(Role.MANAGER).build());
        assertEquals("no available worker (3 nodes known: m not a worker, u unavailable, w withdrawn)",
                selector.whyNone(members, WorkerQuery.parse("cores >= 1")));
    }

    @Test
    void explainsWhenEveryMatchingWorkerIsBusy() {
        SlotBook book = new SlotBook();
        WorkerSelector s = new WorkerSelector(book);
        List<Member> members = List.of(worker("a").cores(1).build(), worker("b").cores(2).build(),
                worker("c").cores(1).data("gpu", "true").build());
        for (int i = 0; i < 3; i++) {
            s.select(members, WorkerQuery.parse("!data.gpu"), Strategy.ROUND_ROBIN).orElseThrow();
        }
        assertEquals("every worker matching '!data.gpu' is busy (a 1/1 slots, b 2/2 slots)",
                s.whyNone(members, WorkerQuery.parse("!data.gpu")));
        s.select(members, WorkerQuery.all(), Strategy.ROUND_ROBIN).orElseThrow();
        assertEquals("every available worker is busy (a 1/1 slots, b 2/2 slots, c 1/1 slots)",
                s.whyNone(members, WorkerQuery.all()));
    }

    @Test
    void explanationListsAtMostTenWorkersThenCounts() {
        List<Member> members = new ArrayList<>();
        for (int i = 10; i < 22; i++) {
            members.add(worker("n" + i).cores(1).build());
        }
        String why = selector.whyNone(members, WorkerQuery.parse("cores > 1"));
        assertTrue(why.startsWith("no available worker matches 'cores > 1' (12 workers: n10 cores=1, "), why);
        assertTrue(why.endsWith("n19 cores=1 and 2 more)"), why);
    }

    @Test
    void explanationNamesEligibleWorkersWhenThereAreSome() {
        List<Member> members = List.of(worker("a").build(), worker("b").cores(1).build());
        assertEquals("2 workers eligible: a, b", selector.whyNone(members, WorkerQuery.all()));
    }

    @Test
    void idListTargetsOnlyThoseWorkers() {
        List<Member> members = List.of(worker("a").build(), worker("b").build(), worker("c").build());
        WorkerQuery only = WorkerQuery.idIn(List.of("c", "a"));
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            picked.add(selector.select(members, only, Strategy.ROUND_ROBIN).orElseThrow().id());
        }
        assertEquals(Set.of("a", "c"), picked);
    }

    private static List<String> ids(List<Member> members) {
        List<String> ids = new ArrayList<>();
        members.forEach(m -> ids.add(m.id()));
        return ids;
    }

}
