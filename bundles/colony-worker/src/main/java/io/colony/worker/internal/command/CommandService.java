package io.colony.worker.internal.command;

import io.colony.api.node.NodeInfo;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.CommandExecutor;
import io.colony.api.worker.CommandResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Shell command tasks on this node's worker: present only when the node plays the worker role and
 * a trust policy is registered, which is asked about every command (the worker never relies on the
 * manager having asked). Commands run in {@code <colony.data>/commands}; stopping the component
 * destroys the running ones and fails them as rejected.
 */
@Component(name = CommandService.NAME, configurationPolicy = ConfigurationPolicy.IGNORE, service = CommandExecutor.class)
public final class CommandService implements CommandExecutor {

    static final String NAME = "io.colony.worker.command";

    private final CommandRunner runner;

    @Activate
    public CommandService(BundleContext context,
            @Reference(target = "(colony.node.roles=worker)") NodeInfo node,
            @Reference TrustPolicy trust,
            @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        Path directory = CommandDataDirectory.of(context);
        this.runner = new CommandRunner(trust, directory, CommandRunner.defaultMaxCommands(), log);
        log.info("Worker of node {} runs at most {} shell commands at once, in {}, each only if the trust policy allows it",
                node.id(), runner.maxCommands(), directory);
    }

    @Deactivate
    void deactivate() {
        runner.close();
    }

    @Override
    public CompletableFuture<CommandResult> run(String commandLine, Duration timeout) {
        return runner.run(commandLine, timeout);
    }
}
