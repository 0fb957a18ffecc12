package io.colony.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.colony.api.node.NodeInfo;
import io.colony.api.plugin.Payload;
import io.colony.api.worker.CommandExecutor;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.PluginCatalog;
import io.colony.api.worker.PluginDescriptor;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * The bundles a node ships, started in a real Felix: they resolve and start, their components are
 * active, the sample plugins run, and a broken plugin bundle in deploy/ is refused with a clear log
 * line while the node keeps working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeBundlesIT {

    private static final long WAIT_MILLIS = 15_000;
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    private BundleContext context;

    @Inject
    private PluginCatalog catalog;

    @Inject
    private LocalExecutor executor;

    @Inject
    private CommandExecutor commands;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private LogReaderService logReader;

    @Configuration
    public Option[] configuration() throws IOException {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "pax-node-");
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        for (String plugin : List.of("colony-plugin-primes", "colony-plugin-mandelbrot")) {
            Path jar = NodeDirectory.samplePlugin(plugin);
            Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        List<Option> options = new ArrayList<>(List.of(
                systemProperty("java.awt.headless").value("true"),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                frameworkProperty("colony.data").value(work.resolve("data").toString()),
                frameworkProperty("colony.http.port").value("22599"),
                frameworkProperty("colony.mdns").value("false"),
                frameworkProperty("colony.bind.address").value("127.0.0.1"),
                frameworkProperty("gosh.args").value("--nointeractive --noshutdown"),
                frameworkProperty("felix.fileinstall.dir").value(deploy.toString()),
                frameworkProperty("felix.fileinstall.poll").value("500"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.log.level").value("3"),
                junitBundles()));
        NodeDirectory.bundles().forEach(jar -> options.add(bundle(jar.toUri().toString())));
        return options(options.toArray(Option[]::new));
    }

    @Test
    public void everyBundleIsActive() {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders().get("Fragment-Host") == null) {
                assertEquals(bundle.getSymbolicName() + " is not active", Bundle.ACTIVE, bundle.getState());
            }
        }
    }

    @Test
    public void everyColonyComponentIsActive() {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("io.colony")) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                problems.add(description.name + " has no configuration (enabled=" + scr.isComponentEnabled(description) + ")");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                boolean running = configuration.state == ComponentConfigurationDTO.ACTIVE || configuration.state == ComponentConfigurationDTO.SATISFIED;
                if (!running && !waitsOnlyForARoleThisNodeDoesNotPlay(configuration)) {
                    problems.add(description.name + " is in state " + configuration.state + failureOf(configuration));
                }
            }
        }
        assertTrue(problems.toString(), problems.isEmpty());
    }

    @Test
    public void samplePluginsAreListedWithTheirBundles() throws InterruptedException {
        await("both sample plugins registered", () -> catalog.find("primes", null).isPresent() && catalog.find("mandelbrot", null).isPresent());
        PluginDescriptor primes = catalog.find("primes", "[1,2)").orElseThrow();
        assertEquals("1.0.0", primes.version());
        assertTrue(primes.bundle(), primes.bundle().startsWith("io.colony.plugins.primes "));
        assertTrue(primes.splittable());
    }

    @Test
    public void primesCountsCorrectlyInOneTaskAndSplit() throws Exception {
        await("primes registered", () -> catalog.find("primes", null).isPresent());
        TaskRequest request = new TaskRequest("primes", null, Payload.json("{\"from\":1,\"to\":1000000}"), TASK_TIMEOUT);
        assertTrue(executor.run(request, p -> { }).get(1, TimeUnit.MINUTES).asText().contains("\"count\":78498"));
        assertTrue(executor.runSplit(request, 7, p -> { }).get(1, TimeUnit.MINUTES).asText().contains("\"count\":78498"));
    }

    @Test
    public void mandelbrotTilesAreAssembledIntoOnePng() throws Exception {
        await("mandelbrot registered", () -> catalog.find("mandelbrot", null).isPresent());
        TaskRequest request = new TaskRequest("mandelbrot", null,
                Payload.json("{\"width\":320,\"height\":200,\"maxIterations\":200}"), TASK_TIMEOUT);
        Payload image = executor.runSplit(request, 6, p -> { }).get(1, TimeUnit.MINUTES);
        assertEquals(Payload.PNG, image.contentType());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertEquals(320, decoded.getWidth());
        assertEquals(200, decoded.getHeight());
    }

    @Test
    public void unknownPluginAndMalformedInputAreNamed() throws Exception {
        await("primes registered", () -> catalog.find("primes", null).isPresent());
        TaskFailedException unknown = failure(new TaskRequest("nope", null, Payload.json("{}"), TASK_TIMEOUT));
        assertEquals(TaskFailedException.Reason.UNKNOWN_PLUGIN, unknown.reason());
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("no plugin 'nope'"));
        TaskFailedException malformed = failure(new TaskRequest("primes", null, Payload.json("{\"from\":1,\"to\":\"ten\"}"), TASK_TIMEOUT));
        assertEquals(TaskFailedException.Reason.PLUGIN_ERROR, malformed.reason());
        assertTrue(malformed.getMessage(), malformed.getMessage().startsWith("to: "));
    }

    @Test
    public void commandsAreRefusedByTheDefaultTrustPolicy() throws Exception {
        try {
            commands.run("echo hello", Duration.ofSeconds(10)).get(1, TimeUnit.MINUTES);
            fail("the default trust policy should refuse shell commands");
        } catch (ExecutionException e) {
            TaskFailedException refused = (TaskFailedException) e.getCause();
            assertEquals(TaskFailedException.Reason.REJECTED, refused.reason());
            assertTrue(refused.getMessage(), refused.getMessage().contains("commands.enabled"));
        }
    }

    @Test
    public void invalidNodeConfigurationKeepsTheNodeDownWithTheReasonThenRecovers() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("io.colony.node", "?");
        Dictionary<String, Object> bad = new Hashtable<>();
        bad.put("roles", "manager,worker,gardener");
        configuration.update(bad);
        try {
            await("the node component reports the bad value", () -> nodeFailure().contains("roles = 'manager,worker,gardener'"));
            assertTrue(nodeFailure(), nodeFailure().contains("gardener"));
            assertEquals(null, context.getServiceReference(NodeInfo.class));
        } finally {
            configuration.delete();
        }
        await("the node is back with its defaults", () -> context.getServiceReference(NodeInfo.class) != null);
        await("the worker is back", () -> context.getServiceReference(LocalExecutor.class) != null);
    }

    @Test
    public void pluginBundleWithAMissingImportIsRefusedClearlyAndTheNodeKeepsWorking() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        LogListener listener = entry -> lines.add(describe(entry));
        logReader.addLogListener(listener);
        Path badJar = Path.of(context.getProperty("felix.fileinstall.dir"), "bad-plugin.jar");
        try {
            writeBundleImporting(badJar, "bad.plugin", "com.example.missing");
            String line = awaitLine(lines, "com.example.missing");
            assertTrue(line, line.contains("bad.plugin"));
            Bundle bad = findBundle("bad.plugin");
            assertNotNull("FileInstall installed the bundle", bad);
            assertEquals(Bundle.INSTALLED, bad.getState());
            primesCountsCorrectlyInOneTaskAndSplit();
        } finally {
            logReader.removeLogListener(listener);
            Files.deleteIfExists(badJar);
        }
        await("the bad bundle is uninstalled when its jar is removed", () -> findBundle("bad.plugin") == null);
    }

    private TaskFailedException failure(TaskRequest request) throws Exception {
        try {
            executor.run(request, p -> { }).get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TaskFailedException failed) {
                return failed;
            }
            throw e;
        }
        fail("the task should have failed: " + request);
        return null;
    }

    /** A role's component (the tracker's, on a node that is no tracker) rightly waits for a NodeInfo with that role. */
    private static boolean waitsOnlyForARoleThisNodeDoesNotPlay(ComponentConfigurationDTO configuration) {
        if (configuration.state != ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
            return false;
        }
        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
            if (reference.target == null || !reference.target.contains("colony.node.roles=")) {
                return false;
            }
        }
        return configuration.unsatisfiedReferences.length > 0;
    }

    private String nodeFailure() {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (description.name.equals("io.colony.node")) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    return failureOf(configuration);
                }
            }
        }
        return "";
    }

    private static String failureOf(ComponentConfigurationDTO configuration) {
        return configuration.failure == null ? "" : ": " + configuration.failure;
    }

    private Bundle findBundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private static String describe(LogEntry entry) {
        Throwable exception = entry.getException();
        return entry.getMessage() + (exception == null ? "" : " " + exception.getMessage());
    }

    private static String awaitLine(BlockingQueue<String> lines, String fragment) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<String> seen = new ArrayList<>();
        for (long left = WAIT_MILLIS; left > 0; left = deadline - System.currentTimeMillis()) {
            String line = lines.poll(left, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(fragment)) {
                return line;
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no log line mentions " + fragment + " within " + WAIT_MILLIS + " ms; saw " + seen);
    }

    /** Writes the jar beside the watched folder, then moves it in, so that FileInstall never sees half a file. */
    private static void writeBundleImporting(Path jar, String symbolicName, String missingPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "io.colony.api.plugin;version=\"[1.0,2)\"," + missingPackage);
        Path partial = jar.getParent().resolveSibling(jar.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // a manifest is all a bundle needs to fail resolution
        }
        Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
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
