package io.colony.deployer.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.deployer.internal.resolve.ResolverSettings;
import java.time.Duration;
import java.util.Map;

/** Validated deployer settings, read from the raw configuration so that a malformed value is reported with its key. */
record DeployerSettings(Duration uninstallDelay, Duration connectTimeout, Duration requestTimeout) {

    static final int DEFAULT_UNINSTALL_DELAY_MS = 5_000;
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

    static DeployerSettings read(Map<String, ?> properties) {
        ConfigurationValues values = ConfigurationValues.of(DeployerConfiguration.PID, properties);
        return new DeployerSettings(
                Duration.ofMillis(values.integer("uninstall.delay.ms", DEFAULT_UNINSTALL_DELAY_MS, 0, 3_600_000)),
                Duration.ofMillis(values.integer("connect.timeout.ms", DEFAULT_CONNECT_TIMEOUT_MS, 100, 600_000)),
                Duration.ofMillis(values.integer("request.timeout.ms", DEFAULT_REQUEST_TIMEOUT_MS, 100, 3_600_000)));
    }

    ResolverSettings resolver() {
        return new ResolverSettings(connectTimeout, requestTimeout);
    }
}
