package io.colony.manager.internal.job;

import io.colony.api.cluster.Member;
import io.colony.api.job.WorkerInfo;
import io.colony.api.job.Work;
import io.colony.api.job.Work.PluginWork;
import io.colony.api.worker.PluginDescriptor;
import java.util.List;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** A worker the manager can send tasks to; touched only on the dispatcher thread. */
final class WorkerEntry {

    final WorkerEndpoint endpoint;
    final boolean local;
    Member member;
    List<PluginDescriptor> plugins = List.of();
    /** What it can do beyond the plugins it has, as it offered. */
    WorkerCapabilities capabilities = WorkerCapabilities.PLUGINS_ONLY;
    /** The worker's own slot count, as it offered; 0 until it did. */
    int slots;
    /** Attempts in flight on it. */
    int running;

    WorkerEntry(WorkerEndpoint endpoint, boolean local, Member member) {
        this.endpoint = endpoint;
        this.local = local;
        this.member = member;
    }

    String id() {
        return endpoint.workerId();
    }

    /** Whether it has a version of the plugin in the work's range (and a splitter, if one is needed). */
    boolean has(PluginWork plugin, boolean needsSplitter) {
        if (plugin.hasManifest()) {
            return capabilities.installsManifests();
        }
        VersionRange range = range(plugin.versionRange());
        for (PluginDescriptor descriptor : plugins) {
            if (descriptor.name().equals(plugin.name()) && (!needsSplitter || descriptor.splittable())
                    && (range == null || includes(range, descriptor.version()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether it can run a task of the work: it has the plugin, runs source, or (a command) it may try. */
    boolean canRun(Work work) {
        if (work instanceof PluginWork plugin) {
            return has(plugin, false);
        }
        return !(work instanceof Work.SourceWork) || capabilities.runsSource();
    }

    WorkerInfo info(int capacity) {
        return new WorkerInfo(id(), member.host(), member.transportPort(), local, member.state(), member.lastHeartbeat(),
                member.hardware(), member.userData(), plugins, slots > 0 ? slots : capacity, running);
    }

    /**
     * An OSGi version range, a single version meaning "at least" (as the worker's plugin catalog reads it), or null
     * for any version.
     *
     * @throws IllegalArgumentException when it is not valid OSGi syntax
     */
    static VersionRange range(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new VersionRange(text.trim());
    }

    private static boolean includes(VersionRange range, String version) {
        try {
            return range.includes(Version.parseVersion(version));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
