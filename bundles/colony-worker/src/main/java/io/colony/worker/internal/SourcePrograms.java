package io.colony.worker.internal;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.CompilationException;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceSandbox;
import io.colony.api.source.VerificationException;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.api.worker.TaskRequest;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Source tasks (topology 3): asks this worker's own trust policy (a worker never trusts the manager blindly), then
 * has the node's {@link SourceSandbox} compile the source (or take it from its cache) and run it on a task slot,
 * with the sandbox limits the policy sets.
 */
@Component(service = SourcePrograms.class)
public final class SourcePrograms {

    private final OptionalService<SourceSandbox> sandbox;
    private final OptionalService<TrustPolicy> trust;

    @Activate
    public SourcePrograms(@Reference(service = LoggerFactory.class) Logger log) {
        this.sandbox = new OptionalService<>(e -> log.warn("A listener to the sandbox's availability failed: {}", e.toString(), e));
        this.trust = new OptionalService<>(e -> { });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setSandbox(SourceSandbox value) {
        sandbox.bind(value);
    }

    public void unsetSandbox(SourceSandbox value) {
        sandbox.unbind(value);
    }

    /** Dynamic, so that a new trust configuration does not restart the worker; without a policy no source runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setTrust(TrustPolicy value) {
        trust.bind(value);
    }

    public void unsetTrust(TrustPolicy value) {
        trust.unbind(value);
    }

    /** Whether this node can run source jobs now (it has a sandbox). */
    public boolean available() {
        return sandbox.isPresent();
    }

    /** Calls the listener whenever {@link #available()} may have changed; closing the handle removes it. */
    public AutoCloseable onAvailabilityChange(Runnable listener) {
        return sandbox.onChange(listener);
    }

    /** Why this worker will not run a source task with this entry class, or {@code null} when it may. */
    public String refusal(String entryClass) {
        TrustPolicy policy = trust.get();
        if (policy == null) {
            return "this worker has no trust policy service, so it runs no source jobs";
        }
        Decision decision = policy.check(new Request.RunSource(entryClass, ""));
        if (!decision.allowed()) {
            return "the trust policy of this worker denies it: " + decision.reason();
        }
        return sandbox.isPresent() ? null : "this worker cannot run source jobs: colony-sandbox is not running on it";
    }

    /** Compiles and runs a source task on the runner's pool; fails with a {@link TaskFailedException} saying why. */
    CompletableFuture<Payload> run(TaskRequest request, DoubleConsumer progress, TaskRunner runner) {
        String refusal = refusal(request.source().entryClass());
        SourceSandbox current = sandbox.get();
        TrustPolicy policy = trust.get();
        if (refusal != null || current == null || policy == null) {
            return CompletableFuture.failedFuture(new TaskFailedException(Reason.REJECTED,
                    refusal != null ? refusal : "the sandbox or the trust policy went away"));
        }
        SandboxPolicy limits = policy.sandboxPolicy();
        return runner.submit("source " + request.source().entryClass(), context -> {
            try {
                CompiledSource program = current.compile(request.source(), limits);
                return current.run(program, request.input(), context, limits);
            } catch (CompilationException | VerificationException | LimitExceededException e) {
                throw new PluginException(e.getMessage(), e);
            }
        }, request.timeout(), progress);
    }
}
