package io.colony.shell.internal.command;

import io.colony.api.cluster.ClusterMembership;
import io.colony.api.node.HardwareMonitor;
import io.colony.api.node.NodeInfo;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.PluginCatalog;
import io.colony.shell.internal.DataDirectory;
import io.colony.shell.internal.admin.AdminChannelServer;
import io.colony.shell.internal.diagnostics.ComponentDiagnostics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The Gogo commands of scope {@code colony}. Every service they use is optional, so that the
 * commands are there to say why when the node, its worker or the cluster membership is not.
 */
@Component(name = "io.colony.shell.commands", service = ColonyCommands.class, property = {
        "osgi.command.scope=colony",
        "osgi.command.function=node",
        "osgi.command.function=plugins",
        "osgi.command.function=run",
        "osgi.command.function=nodes",
        "osgi.command.function=availability"})
public final class ColonyCommands {

    static final String NODE_COMPONENT = "io.colony.node";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile NodeInfo node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile LocalExecutor executor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile JsonCodec json;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ClusterMembership membership;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HardwareMonitor hardware;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ServiceComponentRuntime componentRuntime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AdminChannelServer adminChannel;

    private final Path dataDirectory;
    private final Availability availability;
    private final Readiness readiness;
    private final Clock clock;

    @Activate
    public ColonyCommands(BundleContext context) {
        this(DataDirectory.of(context), Clock.systemDefaultZone(), service -> context.getServiceReference(service) != null);
    }

    /** @param registered whether a service of the named interface is registered (what colony:node's ready line checks) */
    ColonyCommands(Path dataDirectory, Clock clock, Predicate<String> registered) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        ComponentDiagnostics diagnostics = new ComponentDiagnostics(() -> componentRuntime);
        this.availability = new Availability(() -> node, diagnostics);
        this.readiness = new Readiness(registered, diagnostics);
    }

    @Descriptor("shows this node: id, cluster, roles, whether it is ready, uptime, ports, data folder and Java version")
    public void node(String... args) {
        PrintStream out = System.out;
        if (Usage.NODE.helpOrNoArguments(args, out)) {
            return;
        }
        NodeInfo current = node;
        if (current == null) {
            throw new IllegalStateException("colony:node: " + availability.whyNoNode());
        }
        AdminChannelServer channel = adminChannel;
        NodeCommand.print(current, readiness.describe(current), channel == null ? OptionalInt.empty() : OptionalInt.of(channel.port()),
                dataDirectory, out);
    }

    @Descriptor("lists the plugins on this node with their versions and the bundles that provide them")
    public void plugins(String... args) {
        PrintStream out = System.out;
        if (Usage.PLUGINS.helpOrNoArguments(args, out)) {
            return;
        }
        PluginCatalog current = catalog;
        if (current == null) {
            throw new IllegalStateException("colony:plugins: " + availability.whyNoWorker(PluginCatalog.class));
        }
        PluginsCommand.print(current.plugins(), out);
    }

    @Descriptor("runs a plugin on this node and prints its result; colony:run --help explains the arguments")
    public Object run(CommandSession session, @Descriptor("[options] <plugin> <input>...") String... args) {
        PrintStream out = System.out;
        RunArguments arguments = RunArguments.parse(args);
        if (arguments.help()) {
            out.println(Usage.RUN.text());
            return null;
        }
        LocalExecutor currentExecutor = executor;
        if (currentExecutor == null) {
            throw new IllegalStateException("colony:run: " + availability.whyNoWorker(LocalExecutor.class));
        }
        JsonCodec currentJson = json;
        if (currentJson == null) {
            throw new IllegalStateException("colony:run: " + availability.whyNoWorker(JsonCodec.class));
        }
        new RunCommand(currentExecutor, catalog, currentJson, dataDirectory.resolve(ResultFiles.DIRECTORY), clock)
                .execute(arguments, session.currentDir(), out, System.err);
        return null;
    }

    @Descriptor("lists the nodes this node knows, itself first: id, roles, address, state, last heartbeat, cores, load, CPU, memory")
    public void nodes(String... args) {
        PrintStream out = System.out;
        if (Usage.NODES.helpOrNoArguments(args, out)) {
            return;
        }
        ClusterMembership current = membership(Usage.NODES);
        NodeInfo self = node;
        HardwareMonitor monitor = hardware;
        Optional<NodesCommand.LocalNode> local = Optional.ofNullable(self).map(info -> new NodesCommand.LocalNode(info,
                current.isAvailable(), Optional.ofNullable(monitor).map(HardwareMonitor::current)));
        NodesCommand.print(local, current.members(), clock, out);
    }

    @Descriptor("says whether this node's worker takes work; on or off changes it")
    public void availability(@Descriptor("[on|off]") String... args) {
        PrintStream out = System.out;
        AvailabilityCommand.Action action = AvailabilityCommand.parse(args);
        if (action == AvailabilityCommand.Action.HELP) {
            out.println(Usage.AVAILABILITY.text());
            return;
        }
        AvailabilityCommand.execute(action, membership(Usage.AVAILABILITY), out);
    }

    private ClusterMembership membership(Usage command) {
        ClusterMembership current = membership;
        if (current == null) {
            throw new IllegalStateException(command.command() + ": " + availability.whyNoCluster());
        }
        return current;
    }
}
