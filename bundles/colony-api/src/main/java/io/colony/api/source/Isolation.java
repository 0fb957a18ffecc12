package io.colony.api.source;

import java.util.Locale;

/** Where the sandbox runs a job's source. */
public enum Isolation {
    /** In a thread of the worker's JVM, with an isolated class loader and instrumented limits. */
    IN_PROCESS,
    /** In a child JVM per task, with its own heap limit, stopped by the worker when it exceeds a limit. */
    PROCESS;

    /** The configuration name: {@code in-process} or {@code process}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Isolation fromConfigName(String name) {
        for (Isolation isolation : values()) {
            if (isolation.configName().equals(name)) {
                return isolation;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not an isolation; use in-process or process");
    }
}
