package io.colony.api.trust;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What is about to run, as the trust policy sees it. Every text here may come from a job, that is
 * from a user: a policy matches it, never interprets it.
 *
 * <p>New kinds of request, and new components of these records (with the old constructors kept),
 * may come in minor versions: a policy denies a kind it does not know.
 */
public sealed interface Request {

    /**
     * Topology 1: run a plugin that is a service on the node, that is one the node's operator installed.
     *
     * @param plugin  the plugin's name
     * @param version the version or version range asked for
     */
    record RunPlugin(String plugin, String version) implements Request {
        public RunPlugin {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * A shell command task, as in the seed PCCI.
     *
     * @param commandLine the whole command line, exactly as it would be handed to the shell
     */
    record RunCommand(String commandLine) implements Request {
        public RunCommand {
            Objects.requireNonNull(commandLine, "commandLine");
        }
    }

    /**
     * Topology 2: resolve Maven artifacts and install them as bundles.
     *
     * @param coordinates    the artifacts ({@code group:artifact:version} or {@code mvn:} URLs)
     * @param repositoryUrls the repositories they are to be resolved from
     */
    record InstallArtifacts(List<String> coordinates, List<String> repositoryUrls) implements Request {
        public InstallArtifacts {
            coordinates = List.copyOf(Objects.requireNonNull(coordinates, "coordinates"));
            repositoryUrls = List.copyOf(Objects.requireNonNull(repositoryUrls, "repositoryUrls"));
        }
    }

    /**
     * Topology 2: load one resolved jar as a bundle. Asked after the jar was downloaded and its
     * signatures verified by the JDK, so that a policy requiring signed jars can decide.
     *
     * @param coordinates  the artifact's coordinates
     * @param signerChains the certificate chains (signer first) that signed every entry of the jar; empty
     *                     when the jar is unsigned or not wholly signed
     */
    record LoadBundle(String coordinates, List<List<X509Certificate>> signerChains) implements Request {
        public LoadBundle {
            Objects.requireNonNull(coordinates, "coordinates");
            signerChains = Objects.requireNonNull(signerChains, "signerChains").stream().map(List::copyOf).toList();
        }
    }

    /**
     * Topology 3: compile Java source from a job and run it.
     *
     * @param entryClass the class implementing the plugin SPI
     * @param token      the API token the job was submitted with; empty when none (a {@code null} becomes empty)
     */
    record RunSource(String entryClass, String token) implements Request {
        public RunSource {
            Objects.requireNonNull(entryClass, "entryClass");
            token = token == null ? "" : token;
        }

        /** Never shows the token, so that logging a request does not leak it. */
        @Override
        public String toString() {
            return "RunSource[entryClass=" + entryClass + ", token=" + (token.isEmpty() ? "none" : "(hidden)") + "]";
        }
    }
}
