package io.colony.trust.internal;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
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
    public TrustPolicyService(Map<String, Object> properties, BundleContext context, @Reference(service = LoggerFactory.class) Logger log) {
        this(properties, ConfigDirectory.of(context), log);
    }

    /** @param configDirectory the node's etc/, against which a relative truststore path resolves */
    TrustPolicyService(Map<String, ?> properties, Path configDirectory, Logger log) {
        this.log = log;
        TrustSettings settings;
        try {
            settings = TrustSettings.read(properties, configDirectory);
        } catch (InvalidConfigurationException e) {
            log.error("Trust policy stays down: {}", e.getMessage());
            throw e;
        }
        PolicyWarnings.of(settings, properties).forEach(log::warn);
        this.rules = new TrustRules(settings);
        log.info("Trust policy: {}", PolicySummary.of(settings));
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

    @Override
    public SandboxPolicy sandboxPolicy() {
        return rules.settings().source().sandbox();
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
        if (request instanceof Request.LoadBundle bundle) {
            return "jar " + Quoted.of(bundle.coordinates()) + (bundle.signerChains().isEmpty() ? " (unsigned)"
                    : " signed by " + bundle.signerChains().stream().map(chain -> chain.isEmpty() ? "(empty chain)" : SignerTrust.subject(chain.get(0)))
                            .collect(Collectors.joining(", ")));
        }
        if (request instanceof Request.RunSource source) {
            return "source job with entry class " + Quoted.of(source.entryClass()) + (source.token().isEmpty() ? " (no token)" : " (with a token)");
        }
        return "unknown request";
    }
}
