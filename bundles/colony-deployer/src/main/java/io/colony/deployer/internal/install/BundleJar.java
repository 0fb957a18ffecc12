package io.colony.deployer.internal.install;

import io.colony.deployer.internal.verify.BundleHeaders;
import java.nio.file.Path;

/**
 * A resolved and verified jar to make live.
 *
 * @param coordinates its Maven coordinates
 * @param file        the jar in the cache
 * @param headers     its bundle identity
 */
public record BundleJar(String coordinates, Path file, BundleHeaders headers) {
}
