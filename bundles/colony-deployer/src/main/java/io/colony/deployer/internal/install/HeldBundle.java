package io.colony.deployer.internal.install;

/**
 * A bundle a deployment holds.
 *
 * @param coordinates  the artifact it was asked for as
 * @param bundle       the bundle in the framework
 * @param preinstalled whether it was on the node before any deployment (never uninstalled by one)
 */
public record HeldBundle(String coordinates, HostedBundle bundle, boolean preinstalled) {
}
