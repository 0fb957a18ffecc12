package io.colony.shell.internal.command;

import io.colony.api.node.HardwareStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Durations, ages and sizes as people write them: {@code 2d 3h 4m 5s}, {@code 0.8 s ago}, {@code 64 MiB}. */
final class HumanFormat {

    private HumanFormat() {
    }

    static String duration(Duration duration) {
        if (duration.isNegative()) {
            return "-" + duration(duration.negated());
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        List<String> parts = new ArrayList<>();
        add(parts, duration.toDaysPart(), "d");
        add(parts, duration.toHoursPart(), "h");
        add(parts, duration.toMinutesPart(), "m");
        add(parts, duration.toSecondsPart(), "s");
        return String.join(" ", parts);
    }

    /** How long ago something happened: {@code 0.8 s ago} within a minute, {@code 2m 5s ago} after it. */
    static String ago(Duration age) {
        Duration clamped = age.isNegative() ? Duration.ZERO : age;
        if (clamped.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(java.util.Locale.ROOT, "%.1f s ago", clamped.toMillis() / 1000.0);
        }
        return duration(clamped.withNanos(0)) + " ago";
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }

    /** Physical and logical cores: {@code 4/8}. */
    static String cores(HardwareStatus hardware) {
        return hardware.physicalCores() + "/" + hardware.logicalCores();
    }

    /** The system load average with two decimals, or {@code -} where the system reports none. */
    static String load(HardwareStatus hardware) {
        return hardware.systemLoad() < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2f", hardware.systemLoad());
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + unit);
        }
    }
}
