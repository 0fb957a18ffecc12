package io.colony.manager.internal.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

/** Where the progress messages of attempts running on other nodes go, by worker and attempt. */
final class ProgressRoutes {

    private final Map<String, DoubleConsumer> routes = new ConcurrentHashMap<>();

    /** @return the route's key, to {@link #remove} it when the attempt ends */
    String add(String workerId, String attemptKey, DoubleConsumer consumer) {
        String route = workerId + '@' + attemptKey;
        routes.put(route, consumer);
        return route;
    }

    void remove(String route) {
        routes.remove(route);
    }

    /** Delivers a manifest task's setup reported by a worker, when the attempt's consumer listens for it. */
    void deliverSetup(String workerId, String attemptKey, io.colony.api.job.TaskSetup setup) {
        if (routes.get(workerId + '@' + attemptKey) instanceof io.colony.api.worker.TaskListener listener) {
            listener.setUp(setup);
        }
    }

    /** Delivers progress reported by a worker; progress for an attempt not (or no longer) running is dropped. */
    void deliver(String workerId, String attemptKey, double fraction) {
        DoubleConsumer consumer = routes.get(workerId + '@' + attemptKey);
        if (consumer != null) {
            consumer.accept(Math.max(0, Math.min(1, fraction)));
        }
    }
}
