package io.colony.trust.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an operator should be told of a configuration that is valid but probably not what was meant:
 * a misspelt key, a setting without effect, enabled manifest jobs that nothing can pass.
 */
final class PolicyWarnings {

    private PolicyWarnings() {
    }

    static List<String> of(TrustSettings settings, Map<String, ?> properties) {
        List<String> warnings = new ArrayList<>();
        for (String key : TrustSettings.unknownKeys(properties)) {
            warnings.add("Trust policy ignores unknown key " + Quoted.of(key) + " (a misspelling?); known: " + String.join(", ", TrustSettings.KEYS));
        }
        ManifestSettings manifest = settings.manifest();
        if (manifest.enabled()) {
            emptyWhileEnabled(warnings, manifest.repositories(), ManifestSettings.REPOSITORIES);
            emptyWhileEnabled(warnings, manifest.groups(), ManifestSettings.GROUPS);
        }
        Object truststore = properties.get(Truststore.FILE);
        if (!manifest.signaturesRequired() && truststore != null && !String.valueOf(truststore).isBlank()) {
            warnings.add(Truststore.FILE + " is not read while " + ManifestSettings.SIGNATURES_REQUIRED + " is false: jars are loaded whether signed or not");
        }
        SourceSettings source = settings.source();
        if (source.enabled() && source.sandbox().isolation() == io.colony.api.source.Isolation.IN_PROCESS) {
            warnings.add(SourceSettings.ISOLATION + " = in-process: source jobs share the worker's heap, and a run stuck inside a JDK "
                    + "call cannot be stopped (only its thread abandoned); process isolation is the safe setting");
        }
        return warnings;
    }

    private static void emptyWhileEnabled(List<String> warnings, List<?> allowed, String key) {
        if (allowed.isEmpty()) {
            warnings.add(ManifestSettings.ENABLED + " = true, but " + key + " is empty: every manifest job is denied");
        }
    }
}
