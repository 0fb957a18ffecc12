package io.colony.worker.internal.hardware;

import io.colony.api.node.HardwareMonitor;
import io.colony.api.node.HardwareStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Samples this worker's hardware with OSHI every second on one daemon thread and keeps the latest
 * status, so that {@link #current()} costs a field read. Until OSHI's first sample is in, the status
 * holds what the JDK alone can tell; a figure OSHI cannot read comes from the JDK as well.
 */
@Component(name = "io.colony.worker.hardware", service = HardwareMonitor.class, immediate = true)
public final class OshiHardwareMonitor implements HardwareMonitor {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final String THREAD_NAME = "colony-hardware";
    private static final long STOP_WAIT_SECONDS = 2;

    private final HardwareReadings jdk = new JdkReadings();
    private final Path dataDirectory;
    private final Clock clock;
    private final FailureLog failures;
    private final Logger log;
    private final ScheduledThreadPoolExecutor scheduler;
    /** Confined to the scheduler's thread; created there because OSHI's first calls may take a while. */
    private HardwareSampler sampler;
    private volatile HardwareStatus latest;

    @Activate
    public OshiHardwareMonitor(BundleContext context,
            @Reference(service = LoggerFactory.class) Logger log) {
        this(NodeDataDirectory.of(context), Clock.systemUTC(), log);
        log.info("Hardware monitor samples every {} s; disk figures are for {}", INTERVAL.toSeconds(), dataDirectory);
    }

    OshiHardwareMonitor(Path dataDirectory, Clock clock, Logger log) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.log = log;
        this.failures = new FailureLog((message, failure) -> log.warn(message, failure));
        // quiet: the JDK's failures are reported by the sampler below if they ever matter
        this.latest = new HardwareSampler(jdk, jdk, dataDirectory, clock, FailureLog.silent()).sample();
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sampleNow, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public HardwareStatus current() {
        return latest;
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Hardware monitor: the sampling thread did not stop within {} s", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleNow() {
        try {
            if (sampler == null) {
                sampler = new HardwareSampler(oshiOrJdk(), jdk, dataDirectory, clock, failures);
            }
            latest = sampler.sample();
        } catch (RuntimeException | LinkageError e) {
            failures.once("a hardware sample", "keeping the previous one", e);
        }
    }

    private HardwareReadings oshiOrJdk() {
        try {
            return new OshiReadings();
        } catch (RuntimeException | LinkageError e) {
            failures.once("anything with OSHI", "using the JDK's figures", e);
            return jdk;
        }
    }
}
