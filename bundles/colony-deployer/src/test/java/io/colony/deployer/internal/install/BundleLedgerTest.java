package io.colony.deployer.internal.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.deployer.internal.testing.FakeBundleHost;
import io.colony.deployer.internal.testing.ManualDelayer;
import io.colony.deployer.internal.testing.TestBundles;
import io.colony.deployer.internal.verify.BundleHeaders;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLedgerTest {

    private static final Duration LINGER = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final FakeBundleHost host = new FakeBundleHost();
    private final ManualDelayer delayer = new ManualDelayer();
    private final BundleLedger ledger = new BundleLedger(host, delayer, () -> LINGER);

    @Test
    void installsResolvesAndStartsNewBundlesButNotFragments() throws Exception {
        Holding holding = ledger.acquire(List.of(jar("io.example.plugin", "1.0.0"), fragment("io.example.fragment", "1.0.0")), true);
        assertEquals(List.of("install io.example.plugin 1.0.0", "install io.example.fragment 1.0.0", "start io.example.plugin 1.0.0"), host.events);
        assertFalse(holding.installTime().isZero());
        assertTrue(holding.bundles().get(0).bundle().location().startsWith(BundleLedger.LOCATION_PREFIX + "io.example:io.example.plugin:1.0.0"));
        assertFalse(holding.bundles().get(0).preinstalled());
    }

    @Test
    void twoDeploymentsShareOneInstallationAndTheLastReleaseUninstallsAfterTheLinger() throws Exception {
        BundleJar plugin = jar("io.example.plugin", "1.0.0");
        Holding first = ledger.acquire(List.of(plugin), true);
        Holding second = ledger.acquire(List.of(plugin), true);
        assertEquals(1, host.count("install io.example.plugin 1.0.0"));
        assertTrue(second.installTime().isZero());
        assertEquals(first.bundles().get(0).bundle().id(), second.bundles().get(0).bundle().id());

        ledger.release(first);
        delayer.advance(LINGER.multipliedBy(2));
        assertEquals(List.of("io.example.plugin 1.0.0"), host.bundles(), "still held by the second deployment");

        ledger.release(second);
        delayer.advance(LINGER.minusMillis(1));
        assertEquals(List.of("io.example.plugin 1.0.0"), host.bundles(), "lingers");
        delayer.advance(Duration.ofMillis(1));
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void aDeploymentDuringTheLingerReusesTheBundles() throws Exception {
        BundleJar plugin = jar("io.example.plugin", "1.0.0");
        ledger.release(ledger.acquire(List.of(plugin), true));
        delayer.advance(LINGER.dividedBy(2));
        assertTrue(ledger.holdsAll(Set.of("io.example.plugin 1.0.0")));
        Holding again = ledger.acquire(List.of(plugin), true);
        assertTrue(again.installTime().isZero());
        delayer.advance(LINGER.multipliedBy(3));
        assertEquals(List.of("io.example.plugin 1.0.0"), host.bundles(), "the earlier linger does not uninstall a bundle in use");
        ledger.release(again);
        delayer.advance(LINGER);
        assertEquals(List.of(), host.bundles());
        assertEquals(1, host.count("install io.example.plugin 1.0.0"));
    }

    @Test
    void aBundleAnyDeploymentAskedToKeepStaysUntilRemovedUnused() throws Exception {
        BundleJar plugin = jar("io.example.plugin", "1.0.0");
        Holding keeping = ledger.acquire(List.of(plugin), false);
        Holding deleting = ledger.acquire(List.of(plugin), true);
        ledger.release(deleting);
        ledger.release(keeping);
        delayer.advance(LINGER.multipliedBy(10));
        assertEquals(List.of("io.example.plugin 1.0.0"), host.bundles());
        assertEquals(Set.of(), ledger.coordinatesInUse());
        assertEquals(List.of("io.example:io.example.plugin:1.0.0"), ledger.removeUnused());
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void aPreinstalledBundleIsUsedAndNeverUninstalled() throws Exception {
        HostedBundle operators = host.preinstall("io.example.lib", "2.0.0");
        Holding holding = ledger.acquire(List.of(jar("io.example.plugin", "1.0.0"), jar("io.example.lib", "2.0.0")), true);
        assertTrue(holding.bundles().get(1).preinstalled());
        assertEquals(operators.id(), holding.bundles().get(1).bundle().id());
        assertEquals(0, host.count("install io.example.lib 2.0.0"));
        ledger.release(holding);
        delayer.advance(LINGER);
        assertEquals(List.of("io.example.lib 2.0.0"), host.bundles());
        ledger.removeUnused();
        ledger.close();
        assertEquals(List.of("io.example.lib 2.0.0"), host.bundles());
    }

    @Test
    void twoVersionsOfOneBundleLiveSideBySide() throws Exception {
        Holding one = ledger.acquire(List.of(jar("io.example.plugin", "1.0.0")), true);
        Holding two = ledger.acquire(List.of(jar("io.example.plugin", "2.0.0")), true);
        assertEquals(List.of("io.example.plugin 1.0.0", "io.example.plugin 2.0.0"), host.bundles());
        ledger.release(one);
        delayer.advance(LINGER);
        assertEquals(List.of("io.example.plugin 2.0.0"), host.bundles());
        ledger.release(two);
    }

    @Test
    void anUnresolvableBundleUninstallsEverythingThisDeploymentInstalled() throws Exception {
        BundleJar shared = jar("io.example.shared", "1.0.0");
        Holding other = ledger.acquire(List.of(shared), true);
        host.unresolvable("io.example.broken", "missing package org.example.missing (version [1.0.0,2.0.0))");
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> ledger.acquire(List.of(jar("io.example.broken", "1.0.0"), shared, jar("io.example.helper", "1.0.0")), true));
        assertEquals(Reason.UNRESOLVED, e.reason());
        assertEquals("io.example.broken 1.0.0 (io.example:io.example.broken:1.0.0) cannot resolve: missing package org.example.missing "
                + "(version [1.0.0,2.0.0))", e.getMessage());
        assertEquals(List.of("io.example.shared 1.0.0"), host.bundles(), "the shared bundle stays, held by the other deployment");
        assertEquals(Set.of("io.example:io.example.shared:1.0.0"), ledger.coordinatesInUse());
        ledger.release(other);
        delayer.advance(LINGER);
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void closingUninstallsEverythingItInstalledAndRefusesMore() throws Exception {
        ledger.acquire(List.of(jar("io.example.plugin", "1.0.0")), false);
        assertEquals(List.of("io.example:io.example.plugin:1.0.0"), ledger.close());
        assertEquals(List.of(), host.bundles());
        DeploymentException e = assertThrows(DeploymentException.class, () -> ledger.acquire(List.of(jar("io.example.plugin", "1.0.0")), true));
        assertEquals(Reason.INSTALL, e.reason());
    }

    @Test
    void leftoversOfAnEarlierRunAreRemoved() throws Exception {
        host.install(BundleLedger.LOCATION_PREFIX + "io.example:old:1.0.0", TestBundles.bundle(dir, "io.example.old", "1.0.0", Map.of()));
        host.preinstall("io.example.operator", "1.0.0");
        assertEquals(List.of(BundleLedger.LOCATION_PREFIX + "io.example:old:1.0.0"), ledger.removeLeftovers());
        assertEquals(List.of("io.example.operator 1.0.0"), host.bundles());
    }

    private BundleJar jar(String symbolicName, String version) throws IOException, DeploymentException {
        return jarOf(TestBundles.bundle(dir.resolve(version), symbolicName, version, Map.of()), symbolicName, version);
    }

    private BundleJar fragment(String symbolicName, String version) throws IOException, DeploymentException {
        return jarOf(TestBundles.bundle(dir.resolve(version), symbolicName, version, Map.of("Fragment-Host", "io.example.plugin")), symbolicName, version);
    }

    private static BundleJar jarOf(Path file, String symbolicName, String version) throws DeploymentException {
        String coordinates = "io.example:" + symbolicName + ":" + version;
        return new BundleJar(coordinates, file, BundleHeaders.read(file, coordinates));
    }
}
