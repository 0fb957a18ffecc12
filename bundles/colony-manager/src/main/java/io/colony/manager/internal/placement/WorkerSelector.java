package io.colony.manager.internal.placement;

import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Chooses the worker for the next task. Eligible: {@link MemberState#AVAILABLE}, with the {@link Role#WORKER} role,
 * passing the query, with a free slot in the {@link SlotBook}. The caller narrows {@code members} beforehand to the
 * workers that have the task's plugin. Thread-safe.
 */
public final class WorkerSelector {

    /** How to choose among eligible workers. */
    public enum Strategy {
        /** Each in turn, by id, continuing after the one chosen last, across calls. */
        ROUND_ROBIN,
        /** Lowest reported load per logical core, then most available memory, then id. */
        LEAST_LOADED,
        /** The preferred workers (those that ran the plugin recently) first, least loaded among them; else least loaded. */
        PLUGIN_AFFINITY
    }

    /** Members listed by name in an explanation before "and N more". */
    static final int EXPLAINED = 10;

    /** Least loaded first; unknown load and memory last. */
    static final Comparator<Member> LEAST_LOADED = Comparator.comparingDouble(WorkerSelector::loadPerCore)
            .thenComparing(Comparator.comparingLong(WorkerSelector::memoryAvailable).reversed())
            .thenComparing(Member::id);

    private final SlotBook slots;
    private final Object turn = new Object();
    private String lastChosen;

    public WorkerSelector(SlotBook slots) {
        this.slots = Objects.requireNonNull(slots, "slots");
    }

    public SlotBook slots() {
        return slots;
    }

    /** As {@link #select(Collection, WorkerQuery, Strategy, Predicate)} with no preferred workers. */
    public Optional<Member> select(Collection<Member> members, WorkerQuery query, Strategy strategy) {
        return select(members, query, strategy, id -> false);
    }

    /**
     * Chooses an eligible worker and takes one of its slots: give it back with {@code slots().release(id)} when the
     * task ends.
     *
     * @param preferred for {@link Strategy#PLUGIN_AFFINITY}, the ids of the workers that ran the plugin recently
     * @return the worker, or empty when none is eligible ({@link #whyNone} says why)
     */
    public Optional<Member> select(Collection<Member> members, WorkerQuery query, Strategy strategy,
            Predicate<String> preferred) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(preferred, "preferred");
        List<Member> matching = matching(members, query);
        if (strategy == Strategy.ROUND_ROBIN) {
            synchronized (turn) {
                Optional<Member> chosen = acquireFirst(rotation(matching, lastChosen));
                chosen.ifPresent(m -> lastChosen = m.id());
                return chosen;
            }
        }
        List<Member> order = new ArrayList<>(matching);
        order.sort(LEAST_LOADED);
        if (strategy == Strategy.PLUGIN_AFFINITY) {
            List<Member> first = new ArrayList<>();
            List<Member> rest = new ArrayList<>();
            for (Member m : order) {
                (preferred.test(m.id()) ? first : rest).add(m);
            }
            first.addAll(rest);
            order = first;
        }
        return acquireFirst(order);
    }

    /**
     * The available workers passing the query, whatever their slots: the targets of a task sent to all workers.
     */
    public List<Member> matching(Collection<Member> members, WorkerQuery query) {
        Objects.requireNonNull(query, "query");
        return members.stream().filter(WorkerSelector::isAvailableWorker).filter(query).collect(Collectors.toList());
    }

    /**
     * Why {@link #select} finds no worker, for the user: {@code no available worker matches 'cores >= 64' (2 workers:
     * n1 cores=8, n2 cores=4)}. Says which workers are eligible if some are.
     */
    public String whyNone(Collection<Member> members, WorkerQuery query) {
        if (members.isEmpty()) {
            return "no workers known";
        }
        List<Member> available = members.stream().filter(WorkerSelector::isAvailableWorker).sorted(BY_ID)
                .collect(Collectors.toList());
        if (available.isEmpty()) {
            return "no available worker (" + members.size() + (members.size() == 1 ? " node" : " nodes") + " known: "
                    + list(members.stream().sorted(BY_ID).collect(Collectors.toList()), WorkerSelector::standing) + ")";
        }
        String q = query.isAll() ? "" : " '" + query.text() + "'";
        List<Member> matching = available.stream().filter(query).collect(Collectors.toList());
        if (matching.isEmpty()) {
            return "no available worker matches" + q + " (" + count(available.size(), "") + ": "
                    + list(available, m -> m.id() + values(m, query)) + ")";
        }
        List<Member> free = matching.stream().filter(slots::hasFree).collect(Collectors.toList());
        if (free.isEmpty()) {
            return (query.isAll() ? "every available worker is busy" : "every worker matching" + q + " is busy") + " ("
                    + list(matching, m -> m.id() + " " + slots.inUse(m.id()) + "/" + slots.capacity(m) + " slots") + ")";
        }
        return count(free.size(), "eligible") + ": " + list(free, Member::id);
    }

    // ---------------------------------------------------------------- helpers

    private static final Comparator<Member> BY_ID = Comparator.comparing(Member::id);

    private static boolean isAvailableWorker(Member member) {
        return member.state() == MemberState.AVAILABLE && member.hasRole(Role.WORKER);
    }

    /** The members by id, starting after {@code last}. */
    private static List<Member> rotation(List<Member> members, String last) {
        List<Member> byId = new ArrayList<>(members);
        byId.sort(BY_ID);
        if (last == null) {
            return byId;
        }
        int start = 0;
        while (start < byId.size() && byId.get(start).id().compareTo(last) <= 0) {
            start++;
        }
        List<Member> order = new ArrayList<>(byId.subList(start, byId.size()));
        order.addAll(byId.subList(0, start));
        return order;
    }

    private Optional<Member> acquireFirst(List<Member> order) {
        for (Member member : order) {
            if (slots.tryAcquire(member)) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /**
     * Load per logical core: the one-minute load average over the cores, or where the OS has none the CPU usage (already
     * per core, 0 to 1); unknown sorts last.
     */
    static double loadPerCore(Member member) {
        if (member.hardware().isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        HardwareStatus h = member.hardware().get();
        if (h.systemLoad() >= 0 && h.logicalCores() > 0) {
            return h.systemLoad() / h.logicalCores();
        }
        if (h.cpuUsage() >= 0 && h.cpuUsage() <= 1) {
            return h.cpuUsage();
        }
        return Double.POSITIVE_INFINITY;
    }

    private static long memoryAvailable(Member member) {
        return member.hardware().map(HardwareStatus::memoryAvailable).orElse(-1L);
    }

    private static String standing(Member member) {
        if (member.state() != MemberState.AVAILABLE) {
            return member.id() + " " + member.state().name().toLowerCase(Locale.ROOT);
        }
        return member.id() + " not a worker";
    }

    private static String values(Member member, WorkerQuery query) {
        StringBuilder shown = new StringBuilder();
        for (QueryField field : query.fields()) {
            shown.append(' ').append(field.name()).append('=').append(field.display(member));
        }
        return shown.toString();
    }

    private static String count(int n, String what) {
        return n + (n == 1 ? " worker" : " workers") + (what.isEmpty() ? "" : " " + what);
    }

    private static String list(List<Member> members, java.util.function.Function<Member, String> show) {
        String shown = members.stream().limit(EXPLAINED).map(show).collect(Collectors.joining(", "));
        return members.size() > EXPLAINED ? shown + " and " + (members.size() - EXPLAINED) + " more" : shown;
    }
}
