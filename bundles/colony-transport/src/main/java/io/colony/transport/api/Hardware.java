package io.colony.transport.api;

import io.colony.api.node.HardwareStatus;
import java.time.Instant;

/** Converts hardware status between the shared API record and its wire message. */
public final class Hardware {

    private Hardware() {
    }

    public static io.colony.transport.proto.HardwareStatus toProto(HardwareStatus status) {
        return io.colony.transport.proto.HardwareStatus.newBuilder()
                .setPhysicalCores(status.physicalCores())
                .setLogicalCores(status.logicalCores())
                .setSystemLoad(status.systemLoad())
                .setCpuUsage(status.cpuUsage())
                .setMemoryTotal(status.memoryTotal())
                .setMemoryAvailable(status.memoryAvailable())
                .setDiskTotal(status.diskTotal())
                .setDiskFree(status.diskFree())
                .setOs(status.os())
                .setJvm(status.jvm())
                .setSampledAtMillis(status.sampledAt().toEpochMilli())
                .build();
    }

    public static HardwareStatus fromProto(io.colony.transport.proto.HardwareStatus message) {
        return new HardwareStatus(message.getPhysicalCores(), message.getLogicalCores(), message.getSystemLoad(),
                message.getCpuUsage(), message.getMemoryTotal(), message.getMemoryAvailable(), message.getDiskTotal(),
                message.getDiskFree(), message.getOs(), message.getJvm(), Instant.ofEpochMilli(message.getSampledAtMillis()));
    }
}
