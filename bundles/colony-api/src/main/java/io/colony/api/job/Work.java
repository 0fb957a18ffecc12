package io.colony.api.job;

import io.colony.api.deploy.Manifest;
import java.util.Objects;

/**
 * What each task of a job runs: a plugin (topology 1, or topology 2 with a manifest), Java source compiled and run in
 * the workers' sandboxes (topology 3), or a shell command (as in the seed PCCI).
 */
public sealed interface Work {

    /**
     * A plugin: registered on the workers by their operators (topology 1), or installed on them from
     * Maven repositories as the manifest says (topology 2).
     *
     * @param name the plugin's name
     * @param versionRange an OSGi version range, or {@code null} for the newest version
     * @param manifest where the workers get the plugin's bundles, or {@code null} when they have it installed
     */
    record PluginWork(String name, String versionRange, Manifest manifest) implements Work {
        public PluginWork {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("plugin.name: a plugin name is required");
            }
        }

        /** A plugin the workers' operators installed (topology 1). */
        public PluginWork(String name, String versionRange) {
            this(name, versionRange, null);
        }

        /** Whether the workers install the plugin from the manifest (topology 2). */
        public boolean hasManifest() {
            return manifest != null;
        }
    }

    /**
     * Java source that each worker compiles, verifies and runs in its sandbox (topology 3), if the trust policies of
     * the manager and of that worker allow it. The manager never runs it: a source job's input is not split.
     */
    record SourceWork(io.colony.api.source.SourceCode source) implements Work {
        public SourceWork {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * A command line run with {@code sh -c} on each target worker, if the trust policies of the
     * manager and of that worker allow it.
     */
    record CommandWork(String commandLine) implements Work {
        public CommandWork {
            Objects.requireNonNull(commandLine, "commandLine");
            if (commandLine.isBlank()) {
                throw new IllegalArgumentException("command: the command line is empty");
            }
        }
    }
}
