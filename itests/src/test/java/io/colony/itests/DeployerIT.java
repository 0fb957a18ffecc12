package io.colony.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.colony.api.deploy.CachedArtifact;
import io.colony.api.deploy.Deployer;
import io.colony.api.deploy.Deployment;
import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.Manifest;
import io.colony.api.deploy.MavenRepository;
import io.colony.api.deploy.ResolvedArtifact;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskSetup;
import io.colony.api.plugin.Payload;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.PluginCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The deployer inside a real Felix with the node's bundles: a manifest's plugin bundle and its
 * third-party dependency are resolved from a file repository, installed and started (the plugin is
 * listed), uninstalled after the linger, served from the cache the next time, kept when the manifest
 * says so; refusals leave nothing installed.
 *
 * <p>The plugin is the stats sample (with commons-math3) from plugins-repo/repository, which the build
 * writes (system property {@code colony.plugins.repository}). The node's own trust policy decides,
 * configured through ConfigAdmin as an operator would in etc/io.colony.trust.cfg: manifest jobs
 * enabled for the test's file repositories and groups; disabled, and requiring signatures (with a
 * truststore made with keytool: no sample jar is signed) in the tests of its refusals.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployerIT {

    private static final long WAIT_MILLIS = 20_000;
    private static final int LINGER_MILLIS = 1000;
    private static final String TRUST_PID = TrustPolicy.PID;

    @Inject
    private BundleContext context;

    @Inject
    private Deployer deployer;

    @Inject
    private PluginCatalog catalog;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private JobService jobs;

    @Configuration
    public Option[] configuration() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "pax-deployer-");
        Path plugins = PluginRepositoryFixture.repository();
        List<Option> options = new ArrayList<>(List.of(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                frameworkProperty("colony.data").value(work.resolve("data").toString()),
                frameworkProperty("colony.http.port").value("22598"),
                frameworkProperty("colony.mdns").value("false"),
                frameworkProperty("colony.bind.address").value("127.0.0.1"),
                frameworkProperty("gosh.args").value("--nointeractive --noshutdown"),
                frameworkProperty("colony.itest.plugins").value(plugins.toUri().toString()),
                frameworkProperty("colony.itest.tampered").value(PluginRepositoryFixture.tamperedCopy(plugins, work.resolve("tampered")).toUri().toString()),
                frameworkProperty("colony.itest.truststore").value(PluginRepositoryFixture.truststore(work.resolve("keys")).toString()),
                frameworkProperty("colony.itest.broken").value(PluginRepositoryFixture.broken(work.resolve("broken")).toUri().toString()),
                junitBundles()));
        NodeDirectory.bundles().forEach(jar -> options.add(bundle(jar.toUri().toString())));
        return options(options.toArray(Option[]::new));
    }

    @Before
    public void shortLingerAndManifestJobsAllowed() throws Exception {
        configure("io.colony.deployer", Map.of("uninstall.delay.ms", String.valueOf(LINGER_MILLIS)));
        configureTrust(Map.of(
                "manifest.enabled", "true",
                "manifest.repositories", String.join(", ", plugins().url(), property("colony.itest.tampered"), property("colony.itest.broken")),
                "manifest.groups", "io.colony.*, org.apache.commons"));
    }

    @After
    public void cleanUp() {
        deployer.clean();
    }

    @Test
    public void deploysThePluginWithItsDependencyAndUninstallsThemAfterTheLinger() throws Exception {
        deployer.clean();
        Deployment deployment = deploy(manifest(plugins(), true));
        List<String> coordinates = deployment.artifacts().stream().map(ResolvedArtifact::coordinates).toList();
        assertEquals(plugin(), coordinates.get(0));
        assertTrue(coordinates.toString(), coordinates.contains(PluginRepositoryFixture.MATH));
        assertFalse(deployment.fromCache());
        assertTrue(deployment.artifacts().stream().allMatch(a -> a.repositoryId().equals("plugins")));
        assertFalse(deployment.installTime().isZero());
        long pluginBundle = deployment.bundleIds().get(0);
        assertEquals(Bundle.ACTIVE, context.getBundle(pluginBundle).getState());
        await("the plugin is listed", () -> catalog.find(pluginName(), null).isPresent());
        assertTrue(deployer.cachedArtifacts().stream().anyMatch(a -> a.coordinates().equals(PluginRepositoryFixture.MATH) && a.inUse()));

        deployment.close();
        await("the plugin and commons-math3 are uninstalled after the linger",
                () -> context.getBundle(pluginBundle) == null && bundleNamed("org.apache.commons.math3") == null);
        assertFalse(catalog.find(pluginName(), null).isPresent());

        Deployment again = deploy(manifest(plugins(), true));
        assertTrue("the second time everything comes from the cache", again.fromCache());
        assertTrue(again.artifacts().stream().allMatch(a -> a.repositoryId().equals("cache")));
        assertFalse("installed again", again.installTime().isZero());
        await("the plugin is listed again", () -> catalog.find(pluginName(), null).isPresent());
        again.close();
    }

    @Test
    public void aManifestJobRunsOnTheNodesWorkerWithTheRightResultAndItsBundlesGoAfterwards() throws Exception {
        deployer.clean();
        JobSpec spec = JobSpec.plugin(pluginName(), null, manifest(plugins(), true))
                .input(Payload.json("{\"values\": [2, 4, 4, 4, 5, 5, 7, 9]}")).build();

        JobResult result = jobs.submit(spec).result().get(2, TimeUnit.MINUTES);

        assertEquals(result.error(), JobStatus.SUCCEEDED, result.status());
        assertEquals("{\"count\":8,\"sum\":40.0,\"mean\":5.0,\"variance\":4.571428571428571,\"standardDeviation\":2.138089935299395,"
                + "\"min\":2.0,\"max\":9.0,\"median\":4.5}", result.result().asText());
        TaskSetup setup = jobs.tasks(result.jobId()).orElseThrow().get(0).setup();
        assertNotNull("the worker reported the setup", setup);
        assertTrue(setup.toString(), setup.artifacts().containsAll(List.of(plugin(), PluginRepositoryFixture.MATH)));
        assertFalse("downloaded: the cache was empty", setup.fromCache());
        await("the plugin and commons-math3 are uninstalled after the job and the linger",
                () -> bundleNamed("io.colony.plugins.stats") == null && bundleNamed("org.apache.commons.math3") == null);
    }

    @Test
    public void aDeploymentDuringTheLingerFindsTheBundlesLive() throws Exception {
        Deployment first = deploy(manifest(plugins(), true));
        first.close();
        Deployment next = deploy(manifest(plugins(), true));
        assertEquals(first.bundleIds(), next.bundleIds());
        assertTrue(next.fromCache());
        next.close();
    }

    @Test
    public void deleteWhenDoneFalseKeepsTheBundlesUntilTheCacheIsCleaned() throws Exception {
        Deployment deployment = deploy(manifest(plugins(), false));
        long pluginBundle = deployment.bundleIds().get(0);
        deployment.close();
        Thread.sleep(LINGER_MILLIS * 4L);
        assertNotNull("kept", context.getBundle(pluginBundle));
        assertNotNull(bundleNamed("org.apache.commons.math3"));
        List<CachedArtifact> removed = deployer.clean();
        assertTrue(removed.toString(), removed.stream().anyMatch(a -> a.coordinates().equals(plugin())));
        assertEquals(null, context.getBundle(pluginBundle));
        assertEquals(null, bundleNamed("org.apache.commons.math3"));
    }

    @Test
    public void coordinatesThatDoNotExistAreNamed() throws Exception {
        DeploymentException e = failure(new Manifest(List.of("io.colony.itests:nothing-here:1.0.0"), List.of(plugins()), true));
        assertEquals(DeploymentException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("io.colony.itests:nothing-here:1.0.0 was not found"));
        assertTrue(e.getMessage(), e.getMessage().contains("plugins (" + plugins().url() + ")"));
        assertNothingInstalled();
    }

    @Test
    public void aTamperedCopyOfTheRepositoryFailsItsChecksum() throws Exception {
        // a release artifact in the cache is used whatever repository a manifest names (it was verified
        // when it was downloaded): the tampered jar is downloaded only when the cache does not hold it
        deployer.clean();
        DeploymentException e = failure(new Manifest(List.of(plugin()),
                List.of(new MavenRepository("tampered", context.getProperty("colony.itest.tampered"))), true));
        assertEquals(DeploymentException.Reason.CHECKSUM, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains(PluginRepositoryFixture.MATH + " from repository tampered"));
        assertNothingInstalled();
    }

    @Test
    public void aBundleWithAnUnresolvableImportIsUninstalledAgain() throws Exception {
        DeploymentException e = failure(new Manifest(List.of(PluginRepositoryFixture.BROKEN),
                List.of(new MavenRepository("broken", context.getProperty("colony.itest.broken"))), true));
        assertEquals(DeploymentException.Reason.UNRESOLVED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains(
                "io.colony.itests.broken 1.0.0 (" + PluginRepositoryFixture.BROKEN + ") cannot resolve: missing package org.example.missing (version [1.0.0,2.0.0))"));
        assertEquals(null, bundleNamed("io.colony.itests.broken"));
        assertNothingInstalled();
    }

    @Test
    public void theNodesTrustPolicyDeniesManifestJobsUntilConfiguredForThem() throws Exception {
        configureTrust(Map.of("manifest.enabled", "false"));
        DeploymentException e = failure(manifest(plugins(), true));
        assertEquals(DeploymentException.Reason.DENIED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().startsWith("the trust policy denies installing " + plugin() + ": "));
        assertTrue(e.getMessage(), e.getMessage().contains("manifest"));
        assertNothingInstalled();
    }

    @Test
    public void aRepositoryThePolicyDoesNotAllowIsRefusedBeforeAnythingIsDownloaded() throws Exception {
        deployer.clean();
        MavenRepository notAllowed = new MavenRepository("elsewhere", "https://repo.example.org/maven2");
        DeploymentException e = failure(new Manifest(List.of(plugin()), List.of(notAllowed), true));
        assertEquals(DeploymentException.Reason.DENIED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("repository '" + notAllowed.url() + "' is not allowed (manifest.repositories)"));
        assertTrue("nothing downloaded", deployer.cachedArtifacts().isEmpty());
        assertNothingInstalled();
    }

    @Test
    public void aDependencyWhoseGroupIdThePolicyDoesNotAllowRefusesTheWholeManifest() throws Exception {
        deployer.clean();
        Map<String, String> pluginsOnly = new HashMap<>(currentTrust());
        pluginsOnly.put("manifest.groups", "io.colony.*");
        configureTrust(pluginsOnly);
        DeploymentException e = failure(manifest(plugins(), true));
        assertEquals(DeploymentException.Reason.DENIED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains(PluginRepositoryFixture.MATH));
        assertTrue(e.getMessage(), e.getMessage().contains("manifest.groups"));
        assertNothingInstalled();
    }

    @Test
    public void anUnsignedJarIsRefusedWhenThePolicyRequiresSignatures() throws Exception {
        Map<String, String> signaturesRequired = new HashMap<>(currentTrust());
        signaturesRequired.put("manifest.signatures.required", "true");
        signaturesRequired.put("manifest.truststore", property("colony.itest.truststore"));
        signaturesRequired.put("manifest.truststore.password", "changeit");
        configureTrust(signaturesRequired);
        DeploymentException e = failure(manifest(plugins(), true));
        assertEquals(e.getMessage(), DeploymentException.Reason.SIGNATURE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("is unsigned (or not every entry of it is signed), and signatures are required"));
        assertNothingInstalled();
    }

    @Test
    public void aBadSettingRefusesNewDeploymentsUntilItIsFixedAndKeepsLiveOnes() throws Exception {
        Deployment live = deploy(manifest(plugins(), true));
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("io.colony.deployer", "?");
        Dictionary<String, Object> bad = new Hashtable<>();
        bad.put("uninstall.delay.ms", "soon");
        configuration.update(bad);
        await("the bad value is reported to deployments", () -> refusal().contains("io.colony.deployer: uninstall.delay.ms = 'soon': not a whole number"));
        assertEquals(Bundle.ACTIVE, context.getBundle(live.bundleIds().get(0)).getState());
        shortLingerAndManifestJobsAllowed();
        await("deployments are accepted again", () -> refusal().isEmpty());
        live.close();
    }

    /** Why a deployment of the plugin is refused now; empty when it is not. */
    private String refusal() {
        try {
            deploy(manifest(plugins(), true)).close();
            return "";
        } catch (Exception e) {
            return String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
        }
    }

    /** Sets the configuration's properties, when they are not what it holds already. */
    private void configure(String pid, Map<String, String> properties) throws IOException {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        if (!properties.equals(stringsOf(configuration.getProperties()))) {
            configuration.update(new Hashtable<>(properties));
        }
    }

    /** Configures the node's trust policy and waits until the policy in service is the one configured. */
    private void configureTrust(Map<String, String> properties) throws Exception {
        configure(TRUST_PID, properties);
        await("the trust policy takes " + properties, () -> {
            ServiceReference<TrustPolicy> reference = context.getServiceReference(TrustPolicy.class);
            return reference != null && properties.equals(stringsOf(reference.getProperties()));
        });
        // the deployer binds the new policy on the configuration thread, maybe after this thread saw it registered
        await("the deployer follows the new trust policy", () -> !probeRefusal().contains("no trust policy service"));
    }

    /** Why a deployment of an artifact that does not exist fails: the trust policy first, then the repository. */
    private String probeRefusal() {
        try {
            return failure(new Manifest(List.of("io.colony.itests:probe:1.0.0"), List.of(plugins()), true)).getMessage();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> currentTrust() throws IOException {
        return stringsOf(configurationAdmin.getConfiguration(TRUST_PID, "?").getProperties());
    }

    /** The configured keys of a configuration or a component's service properties (a component's own are left out). */
    private static Map<String, String> stringsOf(Dictionary<String, ?> properties) {
        Map<String, String> strings = new HashMap<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                if (key.startsWith("manifest.") || key.equals("uninstall.delay.ms")) {
                    strings.put(key, String.valueOf(properties.get(key)));
                }
            }
        }
        return strings;
    }

    private String property(String key) {
        return context.getProperty(key);
    }

    private MavenRepository plugins() {
        return new MavenRepository("plugins", context.getProperty("colony.itest.plugins"));
    }

    private static String plugin() {
        return PluginRepositoryFixture.STATS_PLUGIN;
    }

    private static String pluginName() {
        return "stats";
    }

    private Manifest manifest(MavenRepository repository, boolean deleteWhenDone) {
        return new Manifest(List.of(plugin()), List.of(repository), deleteWhenDone);
    }

    private Deployment deploy(Manifest manifest) throws Exception {
        return deployer.deploy(manifest).get(2, TimeUnit.MINUTES);
    }

    private DeploymentException failure(Manifest manifest) throws Exception {
        try {
            Deployment unexpected = deployer.deploy(manifest).get(2, TimeUnit.MINUTES);
            unexpected.close();
            fail("the deployment should have failed: " + unexpected);
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeploymentException refused) {
                return refused;
            }
            throw e;
        }
    }

    /** No bundle of a deployment is left, once lingering ones are cleaned. */
    private void assertNothingInstalled() {
        deployer.clean();
        for (Bundle bundle : context.getBundles()) {
            assertFalse(bundle.getLocation() + " is still installed", bundle.getLocation().startsWith("colony-deployer:"));
        }
    }

    private Bundle bundleNamed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + WAIT_MILLIS + " ms waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
