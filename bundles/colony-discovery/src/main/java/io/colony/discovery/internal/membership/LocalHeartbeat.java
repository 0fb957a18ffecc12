package io.colony.discovery.internal.membership;

import io.colony.api.node.HardwareMonitor;
import io.colony.transport.api.Hardware;
import io.colony.transport.api.HeartbeatSource;
import io.colony.transport.proto.Heartbeat;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.osgi.service.log.Logger;

/** This node's outgoing heartbeat: its availability and, when a hardware monitor is present, its latest sample. */
public final class LocalHeartbeat implements HeartbeatSource {

    private final AtomicBoolean available = new AtomicBoolean(true);
    private final Supplier<HardwareMonitor> hardwareMonitor;
    private final Clock clock;
    private final Logger log;

    /** @param hardwareMonitor the current monitor, or {@code null} when there is none */
    public LocalHeartbeat(Supplier<HardwareMonitor> hardwareMonitor, Clock clock, Logger log) {
        this.hardwareMonitor = hardwareMonitor;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public Heartbeat heartbeat() {
        Heartbeat.Builder heartbeat = Heartbeat.newBuilder()
                .setSentAtMillis(clock.millis())
                .setAvailable(available.get());
        HardwareMonitor monitor = hardwareMonitor.get();
        if (monitor != null) {
            try {
                heartbeat.setHardware(Hardware.toProto(monitor.current()));
            } catch (RuntimeException e) {
                log.debug("Heartbeat without hardware status: {}", e.toString());
            }
        }
        return heartbeat.build();
    }

    public void setAvailability(boolean availableNow) {
        if (available.getAndSet(availableNow) != availableNow) {
            log.info(availableNow ? "This node is available for work again" : "This node withdrew from the available list");
        }
    }

    public boolean isAvailable() {
        return available.get();
    }
}
