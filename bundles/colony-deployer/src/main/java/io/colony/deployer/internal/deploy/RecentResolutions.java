package io.colony.deployer.internal.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest manifests resolved, so that the next task of a job, while its bundles are still live,
 * asks no repository and reads no jar again (the trust policy is still asked).
 */
final class RecentResolutions {

    static final int CAPACITY = 64;

    /** In access order: the first is the least recently used. */
    private final Map<String, ResolvedManifest> recent = new LinkedHashMap<>(16, 0.75f, true);

    synchronized ResolvedManifest get(String key) {
        return recent.get(key);
    }

    synchronized void put(String key, ResolvedManifest resolved) {
        recent.put(key, resolved);
        if (recent.size() > CAPACITY) {
            recent.remove(recent.keySet().iterator().next());
        }
    }

    synchronized void clear() {
        recent.clear();
    }
}
