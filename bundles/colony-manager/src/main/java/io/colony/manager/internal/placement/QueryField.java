package io.colony.manager.internal.placement;

import io.colony.api.cluster.Member;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A field a {@link WorkerQuery} can test: how to read it from a member, and what it may be compared with. */
final class QueryField {

    /** What a field holds, which decides the literals and operators it takes. */
    enum Kind {
        /** A number from the hardware status: every operator, number literals only. */
        NUMBER,
        /** A byte count from the hardware status: as {@link #NUMBER}, shown with binary units. */
        BYTES,
        /** Text: {@code ==} and {@code !=} with a quoted string. */
        TEXT,
        /** The member's roles: {@code ==} (contains) and {@code !=} (does not contain) with a role name. */
        ROLES,
        /** A user data value: compared as text, number or boolean following the literal. */
        DATA
    }

    static final String DATA_PREFIX = "data.";

    /** Every field name, for error messages. */
    static final String NAMES = "cores, physicalCores, load, cpu, memory.total, memory.available, disk.total, disk.free, "
            + "os, jvm, id, host, roles, data.<key>";

    private static final Map<String, QueryField> FIXED = Map.ofEntries(
            hardware("cores", Kind.NUMBER, h -> whole(h.logicalCores())),
            hardware("physicalCores", Kind.NUMBER, h -> whole(h.physicalCores())),
            hardware("load", Kind.NUMBER, h -> fraction(h.systemLoad())),
            hardware("cpu", Kind.NUMBER, h -> fraction(h.cpuUsage())),
            hardware("memory.total", Kind.BYTES, h -> whole(h.memoryTotal())),
            hardware("memory.available", Kind.BYTES, h -> whole(h.memoryAvailable())),
            hardware("disk.total", Kind.BYTES, h -> whole(h.diskTotal())),
            hardware("disk.free", Kind.BYTES, h -> whole(h.diskFree())),
            hardware("os", Kind.TEXT, HardwareStatus::os),
            hardware("jvm", Kind.TEXT, HardwareStatus::jvm),
            Map.entry("id", new QueryField("id", Kind.TEXT, Member::id)),
            Map.entry("host", new QueryField("host", Kind.TEXT, Member::host)),
            Map.entry("roles", new QueryField("roles", Kind.ROLES, Member::roles)));

    private final String name;
    private final Kind kind;
    private final Function<Member, Object> reader;

    private QueryField(String name, Kind kind, Function<Member, Object> reader) {
        this.name = name;
        this.kind = kind;
        this.reader = reader;
    }

    /** The field of that name, or empty when there is none. */
    static Optional<QueryField> named(String name) {
        if (name.startsWith(DATA_PREFIX) && name.length() > DATA_PREFIX.length()) {
            String key = name.substring(DATA_PREFIX.length());
            return Optional.of(new QueryField(name, Kind.DATA, m -> m.userData().get(key)));
        }
        return Optional.ofNullable(FIXED.get(name));
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    /**
     * The member's value: a {@link BigDecimal} for numbers and byte counts, a {@link String} for text and user data,
     * a {@code Set<Role>} for roles; {@code null} when unknown (no hardware status, no such user data key, or a figure
     * the node could not measure).
     */
    Object value(Member member) {
        return reader.apply(member);
    }

    /** The member's value as shown in explanations: {@code ?} when unknown. */
    String display(Member member) {
        Object value = value(member);
        if (value == null) {
            return "?";
        }
        if (kind == Kind.BYTES) {
            return bytes((BigDecimal) value);
        }
        if (value instanceof BigDecimal number) {
            BigDecimal shown = number.scale() > 2 ? number.setScale(2, RoundingMode.HALF_UP) : number;
            return shown.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Set<?> roles) {
            return roles.stream().map(r -> ((Role) r).label()).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(","));
        }
        return value.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryField field && field.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    private static Map.Entry<String, QueryField> hardware(String name, Kind kind, Function<HardwareStatus, Object> reader) {
        return Map.entry(name, new QueryField(name, kind, m -> m.hardware().map(reader).orElse(null)));
    }

    /** Counts and sizes: negative means the node could not measure it. */
    private static BigDecimal whole(long value) {
        return value < 0 ? null : BigDecimal.valueOf(value);
    }

    /** Load and usage: negative or NaN means the OS has none (load average on Windows). */
    private static BigDecimal fraction(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) || value < 0 ? null : BigDecimal.valueOf(value);
    }

    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    static String bytes(BigDecimal count) {
        BigDecimal value = count;
        int unit = 0;
        BigDecimal k = BigDecimal.valueOf(1024);
        while (unit < BINARY_UNITS.length - 1 && value.compareTo(k) >= 0) {
            value = value.divide(k);
            unit++;
        }
        String number = value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return number + BINARY_UNITS[unit];
    }
}
