package io.colony.transport.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.config.FrameworkOverrides;
import io.colony.api.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Validated transport settings, read from the raw configuration properties so that a malformed value
 * is reported with its key instead of being silently coerced.
 */
public record TransportSettings(int port, String bindAddress, Duration heartbeatInterval, Duration heartbeatTimeout,
        Duration handshakeTimeout, int maxFrameBytes, int writeBufferLowWaterMark, int writeBufferHighWaterMark,
        int ioThreads, TlsSettings tls) {

    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_WRITE_BUFFER_LOW = 256 * 1024;
    public static final int DEFAULT_WRITE_BUFFER_HIGH = 1024 * 1024;
    public static final int DEFAULT_IO_THREADS = 2;

    /** Defaults: any free port on all interfaces, heartbeats every second, a peer lost after 3 s. */
    public static TransportSettings defaults() {
        return read(Map.of());
    }

    /** Loopback only, any free port: what tests and the benchmark use. */
    public static TransportSettings loopback() {
        return defaults().withBindAddress("127.0.0.1");
    }

    public TransportSettings withBindAddress(String address) {
        return new TransportSettings(port, address, heartbeatInterval, heartbeatTimeout, handshakeTimeout, maxFrameBytes,
                writeBufferLowWaterMark, writeBufferHighWaterMark, ioThreads, tls);
    }

    public TransportSettings withHeartbeat(Duration interval, Duration timeout) {
        return new TransportSettings(port, bindAddress, interval, timeout, handshakeTimeout, maxFrameBytes,
                writeBufferLowWaterMark, writeBufferHighWaterMark, ioThreads, tls);
    }

    public TransportSettings withHandshakeTimeout(Duration timeout) {
        return new TransportSettings(port, bindAddress, heartbeatInterval, heartbeatTimeout, timeout, maxFrameBytes,
                writeBufferLowWaterMark, writeBufferHighWaterMark, ioThreads, tls);
    }

    public TransportSettings withMaxFrameBytes(int bytes) {
        return new TransportSettings(port, bindAddress, heartbeatInterval, heartbeatTimeout, handshakeTimeout, bytes,
                writeBufferLowWaterMark, writeBufferHighWaterMark, ioThreads, tls);
    }

    public TransportSettings withTls(TlsSettings settings) {
        return new TransportSettings(port, bindAddress, heartbeatInterval, heartbeatTimeout, handshakeTimeout, maxFrameBytes,
                writeBufferLowWaterMark, writeBufferHighWaterMark, ioThreads, settings);
    }

    /**
     * Reads the transport's keys; keys of other PIDs merged into the same properties are ignored.
     *
     * @throws InvalidConfigurationException naming the key, the value and the reason
     */
    public static TransportSettings read(Map<String, ?> properties) {
        return read(properties, key -> null);
    }

    /** @param frameworkProperty the framework's properties, for the launcher's {@code --local} */
    public static TransportSettings read(Map<String, ?> properties, Function<String, String> frameworkProperty) {
        ConfigurationValues values = ConfigurationValues.of(TransportConfiguration.PID, properties);
        int port = values.integer("port", 0, 0, 65535);
        String bindOverride = frameworkProperty.apply(FrameworkOverrides.BIND_ADDRESS);
        String bindAddress = bindOverride != null ? bindOverride.trim() : values.text("bind.address", "0.0.0.0");
        if (bindAddress.isEmpty() || !bindAddress.matches("[0-9A-Za-z.:\\-\\[\\]%]+")) {
            throw values.invalid("bind.address", bindAddress, "not an IP address or host name");
        }
        int interval = values.integer("heartbeat.interval.ms", 1000, 50, 60_000);
        int timeout = values.integer("heartbeat.timeout.ms", 3000, 100, 600_000);
        if (timeout <= interval) {
            throw values.invalid("heartbeat.timeout.ms", timeout, "must be longer than heartbeat.interval.ms (" + interval + ")");
        }
        int handshake = values.integer("handshake.timeout.ms", 5000, 100, 600_000);
        int maxFrame = values.integer("max.frame.bytes", DEFAULT_MAX_FRAME_BYTES, 1024, 1 << 30);
        int low = values.integer("write.buffer.low.water.mark", DEFAULT_WRITE_BUFFER_LOW, 1024, 1 << 30);
        int high = values.integer("write.buffer.high.water.mark", DEFAULT_WRITE_BUFFER_HIGH, 1024, 1 << 30);
        if (high < low) {
            throw values.invalid("write.buffer.high.water.mark", high, "must not be below write.buffer.low.water.mark (" + low + ")");
        }
        int threads = values.integer("io.threads", DEFAULT_IO_THREADS, 1, 64);
        TlsSettings tls = TlsSettings.read(values);
        return new TransportSettings(port, bindAddress, Duration.ofMillis(interval), Duration.ofMillis(timeout),
                Duration.ofMillis(handshake), maxFrame, low, high, threads, tls);
    }
}
