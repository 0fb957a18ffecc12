package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.cluster.ClusterMembership;
import io.colony.api.cluster.MemberState;
import io.colony.api.deploy.Deployer;
import io.colony.api.job.JobService;
import io.colony.api.node.Role;
import io.colony.api.plugin.Payload;
import io.colony.api.worker.PluginCatalog;
import io.colony.shell.internal.GogoShell;
import io.colony.shell.internal.diagnostics.FakeComponentRuntime;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/** The commands as Gogo parses and calls them: quoting, key=value without quotes, errors. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ColonyCommandsInGogoTest {

    @TempDir
    Path data;

    private ColonyCommands commands;
    private final Set<String> registered = new HashSet<>();
    private GogoShell gogo;
    private CommandSession session;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        commands = new ColonyCommands(data, NodesCommandTest.CLOCK, registered::contains);
        gogo = new GogoShell().with("colony", commands);
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        session = gogo.processor().createSession(InputStream.nullInputStream(), print, print);
    }

    @AfterEach
    void stop() {
        session.close();
        gogo.close();
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String failureOf(String line) {
        return assertThrows(Exception.class, () -> session.execute(line)).getMessage();
    }

    private FakeWorker worker() {
        FakeWorker worker = new FakeWorker(FakeWorker.plugin("primes")).answering(Payload.json("{\"count\":168}"));
        commands.node = NodeCommandTest.node(EnumSet.of(Role.WORKER));
        commands.executor = worker;
        commands.catalog = worker;
        commands.json = new io.colony.worker.internal.JacksonJsonCodec();
        return worker;
    }

    @Test
    void runTakesKeyValuePairsWithoutQuotes() throws Exception {
        FakeWorker worker = worker();
        assertEquals(null, session.execute("colony:run primes from=1 to=1000"));
        assertEquals(Payload.json("{\"from\":1,\"to\":1000}"), worker.request.input());
        assertTrue(printed().matches("\\{\"count\":168}\\Rcolony:run: primes took \\d+ ms\\R"), printed());
    }

    @Test
    void runTakesJsonInSingleQuotesAndOptions() throws Exception {
        FakeWorker worker = worker();
        session.execute("colony:run --chunks 4 --version '[1.0,2)' primes '{\"from\": 1, \"to\": 10}'");
        assertEquals(Payload.json("{\"from\": 1, \"to\": 10}"), worker.request.input());
        assertEquals("[1.0,2)", worker.request.versionRange());
        assertEquals(4, worker.chunks);
    }

    @Test
    void runExplainsJsonThatGogoUnquoted() {
        worker();
        assertTrue(failureOf("colony:run primes {\"from\":1}").contains("put JSON in single quotes"));
    }

    @Test
    void runWithWrongArgumentsFailsWithTheReasonAndTheUsage() {
        worker();
        String message = failureOf("colony:run primes");
        assertTrue(message.startsWith("colony:run: missing <input> for plugin 'primes'\nusage: colony:run "), message);
    }

    @Test
    void runHelpPrintsTheUsage() throws Exception {
        session.execute("colony:run --help");
        assertTrue(printed().startsWith("usage: colony:run [--chunks N]"), printed());
    }

    @Test
    void commandsSayThatTheNodeHasNoWorkerRole() {
        commands.node = NodeCommandTest.node(EnumSet.of(Role.MANAGER));
        assertEquals("colony:plugins: this node has no worker role (roles: manager); add worker to roles in "
                + "etc/io.colony.node.cfg or start the node with --roles", failureOf("colony:plugins"));
        assertTrue(failureOf("colony:run primes from=1").startsWith("colony:run: this node has no worker role"));
    }

    @Test
    void nodeSaysWhyTheNodeIsNotConfigured() {
        commands.componentRuntime = new FakeComponentRuntime().with(FakeComponentRuntime.description("io.colony.node"),
                FakeComponentRuntime.failed(FakeComponentRuntime.NODE_FAILURE));
        assertEquals("colony:node: the node is not configured: component io.colony.node failed: "
                + "io.colony.node: http.port = 'eighty': not a port number (1..65535)", failureOf("colony:node"));
    }

    @Test
    void nodeIsReadyOnceTheServicesOfItsRolesAreRegistered() throws Exception {
        commands.node = NodeCommandTest.node(EnumSet.of(Role.MANAGER, Role.WORKER));
        commands.componentRuntime = new FakeComponentRuntime()
                .with(FakeComponentRuntime.description("io.colony.manager", JobService.class.getName()),
                        FakeComponentRuntime.configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE))
                .with(FakeComponentRuntime.description("io.colony.worker", PluginCatalog.class.getName()),
                        FakeComponentRuntime.configuration(ComponentConfigurationDTO.ACTIVE))
                .with(FakeComponentRuntime.description("io.colony.deployer", Deployer.class.getName()),
                        FakeComponentRuntime.configuration(ComponentConfigurationDTO.ACTIVE));
        registered.add(PluginCatalog.class.getName());
        session.execute("colony:node");
        String ready = printed().lines().filter(line -> line.startsWith("ready")).findFirst().orElseThrow();
        assertTrue(ready.startsWith("ready    no: no JobService service: component io.colony.manager waits for"), ready);
        assertTrue(ready.contains("; no Deployer service: component io.colony.deployer is active"), ready);

        registered.addAll(List.of(JobService.class.getName(), Deployer.class.getName()));
        out.reset();
        session.execute("colony:node");
        assertTrue(printed().contains("\nready    yes\n"), printed());
    }

    @Test
    void aWorkerWithoutTheDeployerBundleIsReadyWithItsCatalog() throws Exception {
        commands.node = NodeCommandTest.node(EnumSet.of(Role.WORKER));
        commands.componentRuntime = new FakeComponentRuntime();
        registered.add(PluginCatalog.class.getName());
        session.execute("colony:node");
        assertTrue(printed().contains("\nready    yes\n"), printed());
    }

    @Test
    void nodeAndPluginsPrintWhatTheyKnow() throws Exception {
        worker();
        session.execute("colony:node");
        assertTrue(printed().startsWith("id       alpha\n"), printed());
        out.reset();
        session.execute("colony:plugins");
        assertTrue(printed().startsWith("NAME    VERSION  SPLITTABLE"), printed());
    }

    @Test
    void nodeAndPluginsRefuseArguments() {
        assertTrue(failureOf("colony:node extra").startsWith("colony:node: unexpected argument 'extra'\nusage: colony:node"));
        assertTrue(failureOf("colony:plugins --all").startsWith("colony:plugins: unexpected argument '--all'\nusage: colony:plugins"));
    }

    @Test
    void nodesListsThisNodeAndTheOthers() throws Exception {
        commands.node = NodeCommandTest.node(EnumSet.of(Role.WORKER));
        commands.hardware = () -> NodesCommandTest.hardware(4, 8, 0.5, 0.25, 6L << 30, 16L << 30);
        commands.membership = new FakeMembership(NodesCommandTest.member("beta", Set.of(Role.WORKER), MemberState.AVAILABLE,
                Duration.ofMillis(800), Optional.empty()));
        session.execute("colony:nodes");
        String[] lines = printed().split("\n");
        assertEquals(3, lines.length, printed());
        assertTrue(lines[0].startsWith("ID "), printed());
        assertTrue(lines[1].matches("alpha \\(this node\\) +worker +- +available +- +4/8 +0\\.50 +25% +6 GiB/16 GiB"), lines[1]);
        assertTrue(lines[2].matches("beta +worker +10\\.0\\.0\\.7:40123 +available +0\\.8 s ago +- +- +- +-"), lines[2]);
    }

    @Test
    void nodesSaysHowNodesAreFoundWhenThereAreNoOthers() throws Exception {
        commands.membership = new FakeMembership();
        session.execute("colony:nodes");
        assertEquals(NodesCommand.NO_OTHER_NODES + "\n", printed());
    }

    @Test
    void availabilityShowsAndSwitchesTheWorker() throws Exception {
        FakeMembership membership = new FakeMembership();
        commands.membership = membership;
        session.execute("colony:availability off");
        assertFalse(membership.isAvailable());
        session.execute("colony:availability");
        session.execute("colony:availability on");
        assertTrue(membership.isAvailable());
        assertEquals(String.join("\n", AvailabilityCommand.WITHDRAWN, AvailabilityCommand.WITHDRAWN, AvailabilityCommand.AVAILABLE, ""),
                printed());
    }

    @Test
    void availabilityRefusesOtherArgumentsWithTheUsage() {
        commands.membership = new FakeMembership();
        assertEquals("colony:availability: unknown argument 'maybe' (expected on or off)\n" + Usage.AVAILABILITY.text(),
                failureOf("colony:availability maybe"));
        assertTrue(failureOf("colony:nodes --all").startsWith("colony:nodes: unexpected argument '--all'\nusage: colony:nodes"));
    }

    @Test
    void clusterCommandsSayThatTheClusterBundleIsNotActive() {
        commands.componentRuntime = new FakeComponentRuntime();
        assertEquals("colony:nodes: the cluster bundle (colony-discovery) is not active", failureOf("colony:nodes"));
        assertEquals("colony:availability: the cluster bundle (colony-discovery) is not active", failureOf("colony:availability off"));
    }

    @Test
    void clusterCommandsRepeatTheMembershipComponentsFailure() {
        commands.componentRuntime = new FakeComponentRuntime().with(
                FakeComponentRuntime.description("io.colony.discovery", ClusterMembership.class.getName()),
                FakeComponentRuntime.failed("java.lang.IllegalStateException: io.colony.discovery: interfaces = 'eth9': no such interface"));
        assertEquals("colony:nodes: no ClusterMembership service: component io.colony.discovery failed: "
                + "io.colony.discovery: interfaces = 'eth9': no such interface", failureOf("colony:nodes"));
    }

    @Test
    void availabilityHelpNeedsNoMembership() throws Exception {
        session.execute("colony:availability --help");
        assertEquals(Usage.AVAILABILITY.text() + "\n", printed());
    }
}
