package io.colony.sandbox.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = SandboxConfiguration.PID,
        name = "Colony source sandbox",
        description = "How the worker compiles and runs the Java source of jobs (topology 3): its cache, its threads and its "
                + "compile time limit. What source may do, and its limits per run, are in the trust policy (source.* in "
                + "etc/io.colony.trust.cfg).")
@interface SandboxConfiguration {

    String PID = "io.colony.sandbox";

    @AttributeDefinition(name = "Cache entries", description = "Compiled and verified sources kept, the least recently used dropped first.",
            min = "1", max = "100000")
    int cache_entries() default SandboxSettings.DEFAULT_CACHE_ENTRIES;

    @AttributeDefinition(name = "Compile time limit", description = "Seconds one compilation may take; javac is then told to stop.",
            min = "1", max = "3600")
    int compile_seconds() default SandboxSettings.DEFAULT_COMPILE_SECONDS;

    @AttributeDefinition(name = "Compilations at once", min = "1", max = "64")
    int compile_threads() default SandboxSettings.DEFAULT_COMPILE_THREADS;

    @AttributeDefinition(name = "In-process runs at once", description = "Runs of source in the worker's JVM at once; 0 means one per "
            + "available processor.", min = "0", max = "4096")
    int inprocess_threads() default 0;

    @AttributeDefinition(name = "Abandoned threads allowed", description = "Compilations or in-process runs that overran and could not be "
            + "stopped (javac, or a JDK call without limit checks); while this many still run, new ones are refused.", min = "1", max = "1000")
    int abandoned_max() default SandboxSettings.DEFAULT_ABANDONED_MAX;
}
