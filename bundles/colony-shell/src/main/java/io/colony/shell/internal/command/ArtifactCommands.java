package io.colony.shell.internal.command;

import io.colony.api.deploy.CachedArtifact;
import io.colony.api.deploy.Deployer;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code colony:artifacts [clean]}: the node's cache of Maven artifacts for manifest jobs (topology 2). */
@Component(name = "io.colony.shell.artifacts", service = ArtifactCommands.class, property = {
        "osgi.command.scope=colony",
        "osgi.command.function=artifacts"})
public final class ArtifactCommands {

    static final String CLEAN = "clean";
    static final String EMPTY = "the artifact cache is empty; manifest jobs fill it";
    private static final List<String> HEADER = List.of("ARTIFACT", "SIZE", "LAST USED", "IN USE");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Deployer deployer;

    private final Clock clock;

    @Activate
    public ArtifactCommands() {
        this(Clock.systemDefaultZone());
    }

    ArtifactCommands(Clock clock) {
        this.clock = clock;
    }

    @Descriptor("lists the Maven artifacts cached for manifest jobs, or with 'clean' removes those no deployment uses")
    public void artifacts(@Descriptor("[clean]") String... args) {
        CommandLine line = CommandLine.parse(Usage.ARTIFACTS, args, Set.of(), Set.of());
        if (line.help()) {
            System.out.println(Usage.ARTIFACTS.text());
            return;
        }
        line.noMoreThan(Usage.ARTIFACTS, 1);
        boolean clean = !line.positional().isEmpty();
        if (clean && !CLEAN.equals(line.positional().get(0).strip())) {
            throw Usage.ARTIFACTS.error("unknown argument '" + line.positional().get(0) + "' (expected clean or nothing)");
        }
        Deployer current = deployer;
        if (current == null) {
            throw new IllegalStateException(Usage.ARTIFACTS.command()
                    + ": this node has no deployer (colony-deployer is not running), so it keeps no artifacts");
        }
        if (clean) {
            printCleaned(current.clean(), System.out);
        } else {
            print(current.cachedArtifacts(), clock, System.out);
        }
    }

    static void print(List<CachedArtifact> artifacts, Clock clock, PrintStream out) {
        if (artifacts.isEmpty()) {
            out.println(EMPTY);
            out.flush();
            return;
        }
        TextTable table = new TextTable(HEADER);
        long total = 0;
        for (CachedArtifact artifact : artifacts) {
            total += artifact.size();
            table.row(List.of(artifact.coordinates(), size(artifact.size()), JobText.time(artifact.lastUsed(), clock),
                    artifact.inUse() ? "yes" : "no"));
        }
        table.print(out);
        out.println(artifacts.size() + (artifacts.size() == 1 ? " artifact, " : " artifacts, ") + size(total));
        out.flush();
    }

    static void printCleaned(List<CachedArtifact> removed, PrintStream out) {
        long freed = removed.stream().mapToLong(CachedArtifact::size).sum();
        out.println(removed.isEmpty() ? "nothing to clean: every cached artifact is in use, or the cache is empty"
                : "removed " + removed.size() + (removed.size() == 1 ? " artifact" : " artifacts") + ", " + size(freed) + " freed");
        removed.forEach(artifact -> out.println("  " + artifact.coordinates()));
        out.flush();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
