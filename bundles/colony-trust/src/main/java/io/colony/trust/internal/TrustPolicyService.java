package io.colony.trust.internal;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The node's trust policy, configured by {@value TrustPolicy#PID}. There is no modified method: a
 * configuration change re-creates the policy, and a bad value keeps it down with the reason logged
 * (then callers, who require the policy, run nothing they would have to ask about).
 *
 * <p>Allowed requests are logged at debug, denied ones at info with the reason; user input in them
 * is quoted and cut short.
 */
@Component(name = TrustPolicy.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = TrustPolicy.class)
@Designate(ocd = TrustConfiguration.class)
public final class TrustPolicyService implements TrustPolicy {

    private final TrustRules rules;
    private final Logger log;

    @Activate
    public TrustPolicyService(Map<String, Object> properties, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        TrustSettings settings;
        try {
            settings = TrustSettings.read(properties);
        } catch (InvalidConfigurationException e) {
            log.error("Trust policy stays down: {}", e.getMessage());
            throw e;
        }
        for (String key : TrustSettings.unknownKeys(properties)) {
            log.warn("Trust policy ignores unknown key {} (a misspelling?); known: {}", Quoted.of(key), String.join(", ", TrustSettings.KEYS));
        }
        ManifestSettings manifest = settings.manifest();
        if (manifest.enabled()) {
            warnIfEmpty(manifest.repositories(), ManifestSettings.REPOSITORIES);
            warnIfEmpty(manifest.groups(), ManifestSettings.GROUPS);
        }
        if (settings.sourceEnabled()) {
            log.warn("source.enabled = true has no effect yet: source jobs stay denied until colony-sandbox brings their checks");
        }
        this.rules = new TrustRules(settings);
        log.info("Trust policy: {}", PolicySummary.of(settings));
    }

    private void warnIfEmpty(List<?> allowed, String key) {
        if (allowed.isEmpty()) {
            log.warn("{} = true, but {} is empty: every manifest job is denied", ManifestSettings.ENABLED, key);
        }
    }

    @Override
    public Decision check(Request request) {
        Decision decision = rules.decide(request);
        if (decision.allowed()) {
            log.debug("Trust policy allows {}: {}", describe(request), decision.reason());
        } else {
            log.info("Trust policy denies {}: {}", describe(request), decision.reason());
        }
        return decision;
    }

    /** The request for a log line: user input quoted and cut short, tokens never shown. */
    static String describe(Request request) {
        if (request instanceof Request.RunPlugin plugin) {
            return "plugin " + Quoted.of(plugin.plugin()) + " version " + Quoted.of(plugin.version());
        }
        if (request instanceof Request.RunCommand command) {
            return "command " + Quoted.of(command.commandLine());
        }
        if (request instanceof Request.InstallArtifacts artifacts) {
            return "artifacts " + Quoted.of(String.join(", ", artifacts.coordinates()))
                    + " from " + Quoted.of(String.join(", ", artifacts.repositoryUrls()));
        }
        if (request instanceof Request.RunSource source) {
            return "source job with entry class " + Quoted.of(source.entryClass()) + (source.token().isEmpty() ? " (no token)" : " (with a token)");
        }
        return "unknown request";
    }
}
