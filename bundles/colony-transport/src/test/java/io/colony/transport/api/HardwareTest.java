package io.colony.transport.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.node.HardwareStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HardwareTest {

    @Test
    void hardwareStatusSurvivesTheWireBothWays() {
        HardwareStatus status = new HardwareStatus(8, 16, -1.0, 0.75, 64L << 30, 12L << 30, 1L << 40, 1L << 39,
                "Linux 6.1 amd64", "OpenJDK 64-Bit Server VM 17.0.15", Instant.ofEpochMilli(1_731_000_000_456L));
        io.colony.transport.proto.HardwareStatus message = Hardware.toProto(status);
        assertEquals(16, message.getLogicalCores());
        assertEquals(1_731_000_000_456L, message.getSampledAtMillis());
        assertEquals(status, Hardware.fromProto(message));
    }
}
