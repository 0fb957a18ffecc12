package io.colony.api.job;

import java.util.Objects;

/** What each task of a job runs: a plugin (topology 1) or a shell command (as in the seed PCCI). */
public sealed interface Work {

    /**
     * A plugin registered on the workers.
     *
     * @param name the plugin's name
     * @param versionRange an OSGi version range, or {@code null} for the newest version
     */
    record PluginWork(String name, String versionRange) implements Work {
        public PluginWork {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("plugin.name: a plugin name is required");
            }
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
