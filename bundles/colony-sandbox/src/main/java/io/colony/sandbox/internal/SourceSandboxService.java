package io.colony.sandbox.internal;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.CompilationException;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.Isolation;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.api.source.SourceSandbox;
import io.colony.api.source.VerificationException;
import io.colony.sandbox.internal.compile.BundleApiClassFiles;
import io.colony.sandbox.internal.compile.SourceCompiler;
import io.colony.sandbox.internal.run.PreparedProgram;
import io.colony.sandbox.internal.run.ProgramPreparer;
import io.colony.sandbox.internal.run.ProgramRunner;
import io.colony.sandbox.internal.run.SourceHash;
import io.colony.sandbox.internal.runtime.LimitMessages;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import io.colony.sandbox.internal.process.BundleClassPath;
import io.colony.sandbox.internal.process.ProcessIsolation;
import io.colony.sandbox.internal.process.ProcessSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The worker's {@link SourceSandbox}: prepares source with the {@link ProgramPreparer} and runs it with the
 * {@link ProgramRunner} of the policy's isolation, and keeps what it prepared (or why it could not) in a bounded
 * cache keyed by the SHA-256 of the sources, entry class, compiler options and allowlist extensions.
 */
@Component(name = SandboxConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = SourceSandbox.class)
@Designate(ocd = SandboxConfiguration.class)
public final class SourceSandboxService implements SourceSandbox {

    private final Map<Isolation, ProgramPreparer> preparers;
    private final Map<Isolation, ProgramRunner> runners;
    private final PreparedCache cache;
    private final AutoCloseable resources;

    /** Both isolations: in process, and in child JVMs whose class path is written into this bundle's data area. */
    @Activate
    public SourceSandboxService(Map<String, Object> properties, BundleContext context) throws IOException {
        this(SandboxSettings.read(properties), properties, context);
    }

    private SourceSandboxService(SandboxSettings settings, Map<String, Object> properties, BundleContext context) throws IOException {
        this(SandboxFactory.inProcessParts(new BundleApiClassFiles(apiBundle()), Plugin.class.getClassLoader(), settings),
                new ProcessIsolation(ProcessSettings.read(properties, context.getDataFile("runs").toPath(), settings.compileTimeLimit()),
                        new BundleClassPath(context)),
                settings.cacheEntries());
    }

    private SourceSandboxService(SandboxFactory.Parts inProcess, ProcessIsolation processes, int cacheEntries) {
        this(withProcesses(inProcess.preparers(), processes.preparer()), withProcesses(inProcess.runners(), processes.runner()), cacheEntries,
                processes);
    }

    private static <T> Map<Isolation, T> withProcesses(Map<Isolation, T> inProcess, T process) {
        Map<Isolation, T> both = new EnumMap<>(inProcess);
        both.put(Isolation.PROCESS, process);
        return both;
    }

    /** @param preparers and runners by isolation; an isolation without one is refused with a message */
    public SourceSandboxService(Map<Isolation, ProgramPreparer> preparers, Map<Isolation, ProgramRunner> runners, int cacheEntries) {
        this(preparers, runners, cacheEntries, () -> { });
    }

    /** @param resources closed last when the service closes (the child JVMs' launcher) */
    private SourceSandboxService(Map<Isolation, ProgramPreparer> preparers, Map<Isolation, ProgramRunner> runners, int cacheEntries,
            AutoCloseable resources) {
        this.resources = resources;
        this.preparers = preparers.isEmpty() ? Map.of() : new EnumMap<>(preparers);
        this.runners = runners.isEmpty() ? Map.of() : new EnumMap<>(runners);
        this.cache = new PreparedCache(cacheEntries);
    }

    private static Bundle apiBundle() {
        Bundle bundle = FrameworkUtil.getBundle(Plugin.class);
        if (bundle == null) {
            throw new IllegalStateException("the plugin API (io.colony.api.plugin) does not come from a bundle; the source sandbox needs"
                    + " colony-api installed in the framework");
        }
        return bundle;
    }

    @Override
    public CompiledSource compile(SourceCode source, SandboxPolicy policy) throws CompilationException, VerificationException {
        ProgramPreparer preparer = preparers.get(policy.isolation());
        if (preparer == null) {
            throw new CompilationException(unsupported(policy.isolation(), preparers));
        }
        String key = policy.isolation().configName() + ":" + SourceHash.of(source, SourceCompiler.OPTIONS, policy.allowlist());
        Optional<PreparedProgram> cached = cache.get(key);
        if (cached.isPresent()) {
            return new SandboxedSource(cached.get(), true);
        }
        PreparedProgram program;
        try {
            program = preparer.prepare(source, policy.allowlist());
        } catch (VerificationException e) {
            cache.put(key, e);
            throw e;
        } catch (CompilationException e) {
            cache.put(key, e);
            throw e;
        }
        cache.put(key, program);
        return new SandboxedSource(program, false);
    }

    @Override
    public Payload run(CompiledSource program, Payload input, TaskContext context, SandboxPolicy policy)
            throws PluginException, LimitExceededException, InterruptedException {
        if (!(program instanceof SandboxedSource)) {
            throw new IllegalArgumentException("program: " + program + " was not compiled by this source sandbox");
        }
        ProgramRunner runner = runners.get(policy.isolation());
        if (runner == null) {
            throw new PluginException(unsupported(policy.isolation(), runners));
        }
        PreparedProgram prepared = ((SandboxedSource) program).program();
        if (!prepared.allowlistExtensions().equals(policy.allowlist())) {
            throw new PluginException(prepared.entryClass() + " was verified against another allowlist than this policy's (source.allowlist"
                    + " changed since it was compiled); compile it again");
        }
        return runner.run(prepared, input, context, policy);
    }

    private static String unsupported(Isolation isolation, Map<Isolation, ?> offered) {
        String names = offered.keySet().stream().map(Isolation::configName).collect(Collectors.toCollection(TreeSet::new)).toString();
        return "this worker's source sandbox cannot run source with isolation " + isolation.configName() + " ("
                + LimitMessages.ISOLATION_KEY + " in etc/io.colony.trust.cfg); it offers " + names;
    }

    /** How many sources, or failures to prepare them, the cache holds. */
    int cached() {
        return cache.size();
    }

    @Deactivate
    public void close() {
        runners.values().forEach(ProgramRunner::close);
        preparers.values().forEach(ProgramPreparer::close);
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("the source sandbox could not release its resources: " + e, e);
        }
    }
}
