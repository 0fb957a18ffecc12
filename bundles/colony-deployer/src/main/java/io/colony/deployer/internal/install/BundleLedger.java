package io.colony.deployer.internal.install;

import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.framework.BundleException;

/**
 * The bundles deployments hold, counted: every bundle operation of the deployer happens here, one at
 * a time (under one lock), so that two deployments needing the same bundle install it once.
 *
 * <p>A bundle is known by its symbolic name and version, so two versions of one bundle live side by
 * side. A bundle that was installed before (by the operator, or among the node's own) is used as it
 * is and never uninstalled. A bundle this ledger installed is uninstalled when no deployment holds
 * it any more and every deployment that held it since it was installed asked {@code deleteWhenDone}
 * (a job that asked to keep it keeps it until {@link #removeUnused} or the deployer stops) — not at
 * once, but after the linger, so that the next task of the same job finds it live.
 */
public final class BundleLedger {

    /** The location prefix of the bundles the deployer installs: {@code colony-deployer:group:artifact:version}. */
    public static final String LOCATION_PREFIX = "colony-deployer:";

    private final Object lock = new Object();
    private final Map<String, Entry> entries = new HashMap<>();
    private final BundleHost host;
    private final Delayer delayer;
    private final Supplier<Duration> linger;
    private boolean closed;

    public BundleLedger(BundleHost host, Delayer delayer, Supplier<Duration> linger) {
        this.host = host;
        this.delayer = delayer;
        this.linger = linger;
    }

    /**
     * Makes the jars' bundles live and holds them: installs those that are not installed, resolves
     * them together and starts them. On failure nothing this call installed stays installed.
     *
     * @throws DeploymentException UNRESOLVED naming every bundle that cannot resolve and what it misses;
     *     INSTALL when installing or starting failed otherwise
     */
    public Holding acquire(List<BundleJar> jars, boolean deleteWhenDone) throws DeploymentException {
        synchronized (lock) {
            if (closed) {
                throw new DeploymentException(Reason.INSTALL, "the deployer is stopping");
            }
            long start = System.nanoTime();
            List<Entry> held = new ArrayList<>();
            List<Entry> installed = new ArrayList<>();
            try {
                for (BundleJar jar : jars) {
                    Entry entry = entries.get(jar.headers().key());
                    if (entry == null) {
                        entry = adopt(jar);
                        entries.put(entry.key, entry);
                        if (!entry.preinstalled) {
                            installed.add(entry);
                        }
                    }
                    entry.users++;
                    entry.generation++;
                    held.add(entry);
                }
                startAll(installed);
            } catch (DeploymentException e) {
                rollBack(held, installed);
                throw e;
            }
            List<HeldBundle> bundles = new ArrayList<>();
            for (Entry entry : held) {
                entry.keep |= !deleteWhenDone;
                bundles.add(new HeldBundle(entry.coordinates, entry.bundle, entry.preinstalled));
            }
            return new Holding(held, bundles, installed.isEmpty() ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Gives back what a deployment held; bundles no deployment holds any more are uninstalled after the linger. */
    public void release(Holding holding) {
        synchronized (lock) {
            releaseAll(holding.entries());
        }
    }

    /** Whether every bundle is held or lingering here, so that acquiring them installs nothing. */
    public boolean holdsAll(Set<String> bundleKeys) {
        synchronized (lock) {
            return entries.keySet().containsAll(bundleKeys);
        }
    }

    /** The coordinates of the artifacts whose bundles live deployments hold. */
    public Set<String> coordinatesInUse() {
        synchronized (lock) {
            Set<String> inUse = new LinkedHashSet<>();
            for (Entry entry : entries.values()) {
                if (entry.users > 0) {
                    inUse.add(entry.coordinates);
                }
            }
            return inUse;
        }
    }

    /**
     * Uninstalls now the bundles this ledger installed that no deployment holds (lingering ones, and
     * those kept because a job asked to).
     *
     * @return their coordinates
     */
    public List<String> removeUnused() {
        synchronized (lock) {
            List<Entry> unused = new ArrayList<>();
            for (Entry entry : entries.values()) {
                if (entry.users == 0 && !entry.preinstalled) {
                    unused.add(entry);
                }
            }
            return uninstall(unused);
        }
    }

    /**
     * Uninstalls the bundles a previous run of the deployer installed and could not uninstall (the
     * node was killed): nobody holds them.
     *
     * @return their locations
     */
    public List<String> removeLeftovers() {
        synchronized (lock) {
            Set<Long> known = new LinkedHashSet<>();
            entries.values().forEach(entry -> known.add(entry.bundle.id()));
            List<HostedBundle> leftovers = host.installedFrom(LOCATION_PREFIX).stream().filter(b -> !known.contains(b.id())).toList();
            host.uninstall(leftovers);
            return leftovers.stream().map(HostedBundle::location).toList();
        }
    }

    /**
     * Stops the ledger: every bundle it installed is uninstalled, held or not (the deployments die with
     * the deployer); later acquisitions fail.
     *
     * @return the coordinates of the bundles uninstalled
     */
    public List<String> close() {
        synchronized (lock) {
            closed = true;
            List<Entry> ours = entries.values().stream().filter(entry -> !entry.preinstalled).toList();
            List<String> removed = uninstall(ours);
            entries.clear();
            return removed;
        }
    }

    private Entry adopt(BundleJar jar) throws DeploymentException {
        String symbolicName = jar.headers().symbolicName();
        String version = jar.headers().version().toString();
        HostedBundle existing = host.find(symbolicName, version).orElse(null);
        if (existing != null) {
            return new Entry(jar.headers().key(), existing, jar.coordinates(), !existing.location().startsWith(LOCATION_PREFIX));
        }
        try {
            return new Entry(jar.headers().key(), host.install(LOCATION_PREFIX + jar.coordinates(), jar.file()), jar.coordinates(), false);
        } catch (BundleException | RuntimeException e) {
            throw new DeploymentException(Reason.INSTALL, jar.coordinates() + " (" + jar.headers().key() + ") could not be installed: " + e.getMessage(), e);
        }
    }

    private void startAll(List<Entry> installed) throws DeploymentException {
        if (installed.isEmpty()) {
            return;
        }
        Map<Long, String> unresolved = host.resolve(installed.stream().map(entry -> entry.bundle).toList());
        if (!unresolved.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (Entry entry : installed) {
                String problem = unresolved.get(entry.bundle.id());
                if (problem != null) {
                    problems.add(entry.key + " (" + entry.coordinates + ") cannot resolve: " + problem);
                }
            }
            throw new DeploymentException(Reason.UNRESOLVED, String.join("; ", problems));
        }
        for (Entry entry : installed) {
            if (!entry.bundle.fragment()) {
                try {
                    host.start(entry.bundle);
                } catch (BundleException | RuntimeException e) {
                    boolean resolution = e instanceof BundleException be && be.getType() == BundleException.RESOLVE_ERROR;
                    throw new DeploymentException(resolution ? Reason.UNRESOLVED : Reason.INSTALL,
                            entry.key + " (" + entry.coordinates + ") could not be started: " + e.getMessage(), e);
                }
            }
        }
    }

    private void rollBack(List<Entry> held, List<Entry> installed) {
        Set<Entry> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        fresh.addAll(installed);
        List<Entry> others = new ArrayList<>();
        for (Entry entry : held) {
            if (!fresh.contains(entry)) {
                others.add(entry);
            } else {
                entry.users--;
            }
        }
        uninstall(installed);
        releaseAll(others);
    }

    private void releaseAll(List<Entry> released) {
        List<Entry> expiring = new ArrayList<>();
        for (Entry entry : released) {
            entry.users--;
            if (entry.users > 0 || entries.get(entry.key) != entry) {
                continue;
            }
            if (entry.preinstalled) {
                entries.remove(entry.key);
            } else if (!entry.keep) {
                expiring.add(entry);
            }
        }
        if (!expiring.isEmpty() && !closed) {
            Map<Entry, Integer> generations = new IdentityHashMap<>();
            expiring.forEach(entry -> generations.put(entry, entry.generation));
            delayer.after(linger.get(), () -> expire(generations));
        }
    }

    /** Uninstalls the bundles that nobody acquired again since they were released. */
    private void expire(Map<Entry, Integer> generations) {
        synchronized (lock) {
            List<Entry> expired = new ArrayList<>();
            generations.forEach((entry, generation) -> {
                if (entries.get(entry.key) == entry && entry.users == 0 && entry.generation == generation && !entry.keep) {
                    expired.add(entry);
                }
            });
            uninstall(expired);
        }
    }

    private List<String> uninstall(List<Entry> gone) {
        gone.forEach(entry -> entries.remove(entry.key, entry));
        host.uninstall(gone.stream().map(entry -> entry.bundle).toList());
        return gone.stream().map(entry -> entry.coordinates).toList();
    }

    /** One bundle and who holds it; guarded by the ledger's lock. */
    static final class Entry {
        final String key;
        final HostedBundle bundle;
        final String coordinates;
        final boolean preinstalled;
        int users;
        int generation;
        boolean keep;

        Entry(String key, HostedBundle bundle, String coordinates, boolean preinstalled) {
            this.key = key;
            this.bundle = bundle;
            this.coordinates = coordinates;
            this.preinstalled = preinstalled;
        }
    }
}
