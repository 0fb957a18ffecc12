package io.colony.deployer.internal.deploy;

import io.colony.api.deploy.Deployment;
import io.colony.api.deploy.ResolvedArtifact;
import io.colony.deployer.internal.install.HeldBundle;
import io.colony.deployer.internal.install.Holding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A deployment that holds its bundles in the ledger until it is closed. */
final class LiveDeployment implements Deployment {

    private final List<ResolvedArtifact> artifacts;
    private final List<Long> bundleIds;
    private final Duration resolveTime;
    private final boolean fromCache;
    private final Holding holding;
    private final Consumer<Holding> release;
    private final AtomicBoolean closed = new AtomicBoolean();

    LiveDeployment(ResolvedManifest resolved, Holding holding, Consumer<Holding> release) {
        List<ResolvedArtifact> list = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < resolved.artifacts().size(); i++) {
            VerifiedArtifact artifact = resolved.artifacts().get(i);
            HeldBundle held = holding.bundles().get(i);
            list.add(new ResolvedArtifact(artifact.coordinates(), artifact.fetched().repositoryId(), artifact.headers().key(),
                    held.bundle().id(), held.preinstalled()));
            if (i < resolved.bundleCount()) {
                ids.add(held.bundle().id());
            }
        }
        this.artifacts = List.copyOf(list);
        this.bundleIds = List.copyOf(ids);
        this.resolveTime = resolved.resolveTime();
        this.fromCache = resolved.fromCache();
        this.holding = holding;
        this.release = release;
    }

    @Override
    public List<ResolvedArtifact> artifacts() {
        return artifacts;
    }

    @Override
    public Duration resolveTime() {
        return resolveTime;
    }

    @Override
    public Duration installTime() {
        return holding.installTime();
    }

    @Override
    public boolean fromCache() {
        return fromCache;
    }

    @Override
    public List<Long> bundleIds() {
        return bundleIds;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.accept(holding);
        }
    }

    @Override
    public String toString() {
        return "Deployment" + artifacts.stream().map(ResolvedArtifact::coordinates).toList();
    }
}
