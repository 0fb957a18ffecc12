package io.colony.deployer.internal.install;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleException;

/** The framework, as far as the ledger uses it: the seam that tests replace. */
public interface BundleHost {

    /** A bundle with this symbolic name and version that is installed now. */
    Optional<HostedBundle> find(String symbolicName, String version);

    HostedBundle install(String location, Path jar) throws BundleException;

    /**
     * Resolves the bundles together.
     *
     * @return for each bundle (by id) that did not resolve, what it misses
     */
    Map<Long, String> resolve(Collection<HostedBundle> bundles);

    void start(HostedBundle bundle) throws BundleException;

    /** Uninstalls the bundles (those already gone are skipped) and refreshes the framework's wiring of them. */
    void uninstall(Collection<HostedBundle> bundles);

    /** The bundles installed from a location starting with the prefix. */
    List<HostedBundle> installedFrom(String locationPrefix);
}
