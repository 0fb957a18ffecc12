package io.colony.sandbox.internal.runtime;

import java.time.Duration;
import java.util.Locale;

/**
 * What the user reads when a run goes past a limit or the sandbox refuses work: the limit's value and the key
 * that sets it, in the trust policy ({@code etc/io.colony.trust.cfg}) or the sandbox's own configuration
 * ({@code etc/io.colony.sandbox.cfg}).
 */
public final class LimitMessages {

    public static final String WALL_TIME_KEY = "source.wall.seconds";
    public static final String CPU_TIME_KEY = "source.cpu.seconds";
    public static final String MEMORY_KEY = "source.memory.mb";
    public static final String RESULT_BYTES_KEY = "source.result.kb";
    public static final String LOG_BYTES_KEY = "source.log.kb";
    public static final String ISOLATION_KEY = "source.isolation";
    private static final String CONFIG = " in etc/io.colony.trust.cfg";

    public static final String CACHE_ENTRIES_KEY = "cache.entries";
    public static final String COMPILE_SECONDS_KEY = "compile.seconds";
    public static final String COMPILE_THREADS_KEY = "compile.threads";
    public static final String IN_PROCESS_THREADS_KEY = "inprocess.threads";
    public static final String ABANDONED_MAX_KEY = "abandoned.max";
    private static final String SANDBOX_CONFIG = " in etc/io.colony.sandbox.cfg";

    /** {@code (compile.threads in etc/io.colony.sandbox.cfg)} */
    public static String sandboxSetting(String key) {
        return " (" + key + SANDBOX_CONFIG + ")";
    }

    private LimitMessages() {
    }

    public static String wallTime(Duration limit) {
        return "the run took longer than its wall-time limit of " + duration(limit) + " (" + WALL_TIME_KEY + CONFIG + ")";
    }

    public static String cpuTime(Duration limit) {
        return "the run used more CPU time than its limit of " + duration(limit) + " (" + CPU_TIME_KEY + CONFIG + ")";
    }

    public static String memory(long limit) {
        return "the run allocated more than its memory limit of " + bytes(limit) + " (" + MEMORY_KEY + CONFIG + ")";
    }

    public static String array(long arrayBytes, long limit) {
        return "an array of " + bytes(arrayBytes) + " would take the run past its memory limit of " + bytes(limit) + " (" + MEMORY_KEY
                + CONFIG + "); it was not allocated";
    }

    public static String heap() {
        return "the worker's heap ran out while the run allocated; lower " + MEMORY_KEY + CONFIG + " or run source in a child JVM ("
                + ISOLATION_KEY + " = process)";
    }

    public static String resultSize(long size, long limit) {
        return "the result of " + bytes(size) + " is larger than the limit of " + bytes(limit) + " (" + RESULT_BYTES_KEY + CONFIG + ")";
    }

    public static String logSize(long limit) {
        return "the run logged more than its limit of " + bytes(limit) + " (" + LOG_BYTES_KEY + CONFIG + ")";
    }

    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    public static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " bytes";
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[unit];
    }
}
