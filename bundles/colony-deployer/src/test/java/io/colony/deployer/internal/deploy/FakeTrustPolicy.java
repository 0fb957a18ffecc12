package io.colony.deployer.internal.deploy;

import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A policy the test sets, that records every request. */
final class FakeTrustPolicy implements TrustPolicy {

    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile Function<Request, Decision> rule = request -> Decision.allow("test allows all");

    @Override
    public Decision check(Request request) {
        requests.add(request);
        return rule.apply(request);
    }

    long installRequests() {
        return requests.stream().filter(r -> r instanceof Request.InstallArtifacts).count();
    }
}
