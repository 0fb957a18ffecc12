package io.colony.api.worker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs shell command tasks (as in the seed PCCI) on this node's worker: {@code /bin/sh -c <line>},
 * capturing stdout, stderr and the exit code. Every command is checked against the node's trust
 * policy ({@link io.colony.api.trust.TrustPolicy} with a
 * {@link io.colony.api.trust.Request.RunCommand}) before anything starts; the worker asks it itself
 * and never trusts a caller's earlier check.
 */
@ProviderType
public interface CommandExecutor {

    /**
     * Runs one command line.
     *
     * <p>The future completes with the {@link CommandResult} once the process has exited and its
     * output has been read, whatever its exit code (a non-zero exit code is a result, not a failure).
     * It fails with a {@link TaskFailedException} whose reason is
     * <ul>
     * <li>{@link TaskFailedException.Reason#REJECTED REJECTED} when the trust policy denies the
     * command (the message is the policy's reason, and no process is started), when the worker
     * already runs its maximum of commands, or when it is stopping (running commands are then
     * destroyed);</li>
     * <li>{@link TaskFailedException.Reason#TIMEOUT TIMEOUT} when the command runs longer than the
     * timeout: its process and all of its descendants are destroyed first.</li>
     * </ul>
     * Cancelling the future (or completing it in any other way before the command ends) destroys
     * the process and its descendants.
     *
     * @param commandLine the whole command line, handed as is to {@code /bin/sh -c}
     * @param timeout how long the command may run; must be positive
     * @throws NullPointerException when an argument is {@code null}
     * @throws IllegalArgumentException when the command line is blank or the timeout not positive
     */
    CompletableFuture<CommandResult> run(String commandLine, Duration timeout);
}
