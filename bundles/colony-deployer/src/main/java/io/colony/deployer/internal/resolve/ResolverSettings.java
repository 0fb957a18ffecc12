package io.colony.deployer.internal.resolve;

import java.time.Duration;

/**
 * How long the resolver waits for a repository.
 *
 * @param connectTimeout for a connection to an HTTP repository
 * @param requestTimeout for one request (between two packets of a download)
 */
public record ResolverSettings(Duration connectTimeout, Duration requestTimeout) {
}
