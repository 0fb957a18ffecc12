package io.colony.trust.internal;

import io.colony.api.deploy.Coordinates;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The decisions on manifest jobs (topology 2) once they are enabled: pure logic, no logging, no
 * state. Every repository a request names must be allowed, and the groupId of every artifact; the
 * first that is not is named in the denial, with the key that would allow it. When signatures are
 * required, a jar is loaded only when one of its signers leads to the truststore.
 */
final class ManifestRules {

    private final ManifestSettings settings;
    private final Optional<SignerTrust> signers;

    ManifestRules(ManifestSettings settings) {
        this.settings = settings;
        this.signers = settings.truststore().map(SignerTrust::new);
    }

    Decision install(Request.InstallArtifacts request) {
        if (request.coordinates().isEmpty()) {
            return Decision.deny("a request to install no artifacts is denied");
        }
        if (request.repositoryUrls().isEmpty()) {
            return Decision.deny("a request to install artifacts from no repository is denied: every repository they come from is checked");
        }
        return Stream.concat(request.repositoryUrls().stream().map(this::repositoryDenial), request.coordinates().stream().map(this::groupDenial))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> Decision.allow(count(request.coordinates().size(), "artifact") + " with allowed groupIds ("
                        + ManifestSettings.GROUPS + ") from " + count(request.repositoryUrls().size(), "allowed repository", "allowed repositories")
                        + " (" + ManifestSettings.REPOSITORIES + ")"));
    }

    /** The jar's groupId must be allowed (as after resolution), and when signatures are required, one of its signers trusted. */
    Decision load(Request.LoadBundle request) {
        Optional<Decision> groupDenial = groupDenial(request.coordinates());
        if (groupDenial.isPresent()) {
            return groupDenial.get();
        }
        if (signers.isEmpty()) {
            return Decision.allow("jar " + Quoted.of(request.coordinates()) + " may be loaded: signatures are not required ("
                    + ManifestSettings.SIGNATURES_REQUIRED + " = false)");
        }
        return signed(request, signers.get());
    }

    private static Decision signed(Request.LoadBundle request, SignerTrust trust) {
        String jar = "jar " + Quoted.of(request.coordinates()) + " is ";
        if (request.signerChains().isEmpty()) {
            return Decision.deny(jar + "unsigned (or not every entry of it is signed), and signatures are required ("
                    + ManifestSettings.SIGNATURES_REQUIRED + ")");
        }
        List<SignerTrust.Verdict> verdicts = request.signerChains().stream().map(trust::check).toList();
        String suffix = " (" + Truststore.FILE + ")";
        return verdicts.stream().filter(SignerTrust.Verdict::trusted).findFirst()
                .map(verdict -> Decision.allow(jar + verdict.reason() + suffix))
                .orElseGet(() -> Decision.deny(jar + verdicts.stream().map(SignerTrust.Verdict::reason).collect(Collectors.joining("; and ")) + suffix));
    }

    private Optional<Decision> repositoryDenial(String url) {
        String denied = "repository " + Quoted.of(url) + " is not allowed";
        RepositoryUrl requested;
        try {
            requested = RepositoryUrl.parse(url);
        } catch (IllegalArgumentException e) {
            return Optional.of(Decision.deny(denied + ": " + e.getMessage()));
        }
        if (settings.repositories().isEmpty()) {
            return Optional.of(Decision.deny(denied + ": " + nothingAllowed(ManifestSettings.REPOSITORIES, "repository")));
        }
        if (settings.repositories().stream().noneMatch(requested::isWithin)) {
            return Optional.of(Decision.deny(denied + " (" + ManifestSettings.REPOSITORIES + ")"));
        }
        return Optional.empty();
    }

    private Optional<Decision> groupDenial(String text) {
        String denied = "artifact " + Quoted.of(text) + " is not allowed";
        String groupId;
        try {
            groupId = Coordinates.parse(text).groupId();
        } catch (IllegalArgumentException e) {
            return Optional.of(Decision.deny(denied + ": not Maven coordinates (group:artifact:version or mvn:group/artifact/version)"));
        }
        if (settings.groups().isEmpty()) {
            return Optional.of(Decision.deny(denied + ": " + nothingAllowed(ManifestSettings.GROUPS, "groupId")));
        }
        if (settings.groups().stream().noneMatch(pattern -> pattern.matches(groupId))) {
            return Optional.of(Decision.deny(denied + ": its groupId " + Quoted.of(groupId) + " matches no allowed pattern (" + ManifestSettings.GROUPS + ")"));
        }
        return Optional.empty();
    }

    private static String nothingAllowed(String key, String what) {
        return key + " is empty, so no " + what + " is allowed (list the allowed ones in " + key + " in " + TrustRules.CONFIG_FILE + ")";
    }

    private static String count(int count, String one) {
        return count(count, one, one + "s");
    }

    private static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
