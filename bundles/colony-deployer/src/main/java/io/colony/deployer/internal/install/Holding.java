package io.colony.deployer.internal.install;

import java.time.Duration;
import java.util.List;

/** What one deployment holds in the ledger until it gives it back with {@link BundleLedger#release}. */
public final class Holding {

    private final List<BundleLedger.Entry> entries;
    private final List<HeldBundle> bundles;
    private final Duration installTime;

    Holding(List<BundleLedger.Entry> entries, List<HeldBundle> bundles, Duration installTime) {
        this.entries = List.copyOf(entries);
        this.bundles = List.copyOf(bundles);
        this.installTime = installTime;
    }

    /** The bundles, in the order of the jars they were acquired for. */
    public List<HeldBundle> bundles() {
        return bundles;
    }

    /** How long installing and starting took; zero when every bundle was live already. */
    public Duration installTime() {
        return installTime;
    }

    List<BundleLedger.Entry> entries() {
        return entries;
    }
}
