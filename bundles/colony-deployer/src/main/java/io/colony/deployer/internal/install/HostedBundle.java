package io.colony.deployer.internal.install;

/**
 * A bundle in the framework, as the ledger knows it.
 *
 * @param id           its id
 * @param symbolicName its symbolic name
 * @param version      its version
 * @param location     where it was installed from
 * @param fragment     whether it is a fragment (never started)
 */
public record HostedBundle(long id, String symbolicName, String version, String location, boolean fragment) {
}
