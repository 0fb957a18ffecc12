package io.colony.manager.internal.job;

import java.util.Map;

/** Where job events go: EventAdmin on a node, a list in tests. Must not block. */
@FunctionalInterface
interface JobEventSink {

    void post(String topic, Map<String, Object> properties);
}
