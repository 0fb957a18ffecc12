package io.colony.deployer.internal.testing;

import io.colony.api.deploy.DeploymentException;
import io.colony.deployer.internal.install.BundleHost;
import io.colony.deployer.internal.install.HostedBundle;
import io.colony.deployer.internal.verify.BundleHeaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleException;

/** A framework in memory: bundles are installed, resolved (unless told what they miss) and started. */
public final class FakeBundleHost implements BundleHost {

    private final AtomicLong ids = new AtomicLong(100);
    private final Map<Long, HostedBundle> installed = new LinkedHashMap<>();
    private final Map<Long, Boolean> started = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();
    public final List<String> events = new ArrayList<>();

    /** An operator's bundle, installed before any deployment. */
    public synchronized HostedBundle preinstall(String symbolicName, String version) {
        HostedBundle bundle = new HostedBundle(ids.incrementAndGet(), symbolicName, version, "file:/deploy/" + symbolicName + ".jar", false);
        installed.put(bundle.id(), bundle);
        return bundle;
    }

    /** Bundles with this symbolic name will not resolve, for this reason. */
    public synchronized void unresolvable(String symbolicName, String reason) {
        missing.put(symbolicName, reason);
    }

    @Override
    public synchronized Optional<HostedBundle> find(String symbolicName, String version) {
        return installed.values().stream().filter(b -> b.symbolicName().equals(symbolicName) && b.version().equals(version)).findFirst();
    }

    @Override
    public synchronized HostedBundle install(String location, Path jar) throws BundleException {
        BundleHeaders headers;
        try {
            headers = BundleHeaders.read(jar, location);
        } catch (DeploymentException e) {
            throw new BundleException(e.getMessage());
        }
        HostedBundle bundle = new HostedBundle(ids.incrementAndGet(), headers.symbolicName(), headers.version().toString(), location, headers.fragment());
        installed.put(bundle.id(), bundle);
        events.add("install " + headers.key());
        return bundle;
    }

    @Override
    public synchronized Map<Long, String> resolve(Collection<HostedBundle> bundles) {
        Map<Long, String> unresolved = new LinkedHashMap<>();
        for (HostedBundle bundle : bundles) {
            String reason = missing.get(bundle.symbolicName());
            if (reason != null) {
                unresolved.put(bundle.id(), reason);
            }
        }
        return unresolved;
    }

    @Override
    public synchronized void start(HostedBundle bundle) {
        started.put(bundle.id(), true);
        events.add("start " + bundle.symbolicName() + " " + bundle.version());
    }

    @Override
    public synchronized void uninstall(Collection<HostedBundle> bundles) {
        for (HostedBundle bundle : bundles) {
            if (installed.remove(bundle.id()) != null) {
                started.remove(bundle.id());
                events.add("uninstall " + bundle.symbolicName() + " " + bundle.version());
            }
        }
    }

    @Override
    public synchronized List<HostedBundle> installedFrom(String locationPrefix) {
        return installed.values().stream().filter(b -> b.location().startsWith(locationPrefix)).toList();
    }

    /** The symbolic names and versions installed now. */
    public synchronized List<String> bundles() {
        return installed.values().stream().map(b -> b.symbolicName() + " " + b.version()).toList();
    }

    public synchronized boolean isStarted(long id) {
        return started.getOrDefault(id, false);
    }

    public synchronized long count(String event) {
        return events.stream().filter(event::equals).count();
    }
}
