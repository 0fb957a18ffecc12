package io.colony.trust.internal;

import io.colony.api.trust.TrustPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = TrustPolicy.PID,
        name = "Colony trust policy",
        description = "What this node may run besides the plugins its operator installed. Everything else is denied "
                + "unless enabled here; a change re-creates the policy, a bad value keeps it down (and nothing but "
                + "operator-installed plugins runs).")
@interface TrustConfiguration {

    @AttributeDefinition(name = "Commands enabled", description = "Allow shell command tasks (limited by commands.allow).")
    boolean commands_enabled() default false;

    @AttributeDefinition(name = "Allowed commands",
            description = "Java regular expressions, each matched against the whole command line; a command runs only "
                    + "when one matches. Separated by newlines, or by commas when the value has no newline (write a "
                    + "comma inside a pattern as \\x2c); surrounding spaces are trimmed. Empty: any command, when "
                    + "commands are enabled. Allowing a shell interpreter (sh, bash, python -c ...) allows everything.")
    String commands_allow() default "";

    @AttributeDefinition(name = "Manifest jobs enabled",
            description = "Topology 2: resolve the Maven artifacts a job names and install them as bundles, when their "
                    + "repositories (manifest.repositories) and groupIds (manifest.groups) are allowed.")
    boolean manifest_enabled() default false;

    @AttributeDefinition(name = "Allowed repositories",
            description = "file:, http: or https: URLs of the Maven repositories manifest jobs may be resolved from; a URL "
                    + "below an allowed one (the next character being '/') is allowed too. Compared after normalising "
                    + "(scheme and host in lower case, no default port, no trailing slash, file:/x = file:///x); a requested "
                    + "URL with '.' or '..' path segments, an encoded slash, credentials or a query is denied. Separated by "
                    + "commas or newlines. Empty: no repository is allowed, so every manifest job is denied.")
    String manifest_repositories() default "";

    @AttributeDefinition(name = "Allowed groupIds",
            description = "The groupIds that a manifest job's artifacts and all their dependencies may have: exact "
                    + "(org.apache.commons) or a prefix followed by .* (io.colony.* allows io.colony and io.colony.plugins). "
                    + "Separated by commas or newlines. Empty: no groupId is allowed, so every manifest job is denied.")
    String manifest_groups() default "";

    @AttributeDefinition(name = "Signatures required",
            description = "Load a manifest job's jar only when the JDK verified that every entry is signed and one signer's "
                    + "certificate is in manifest.truststore or was issued by one there (checked with PKIX, no revocation; "
                    + "every certificate on the way must be valid now). Unsigned jars are denied.")
    boolean manifest_signatures_required() default false;

    @AttributeDefinition(name = "Truststore", required = false,
            description = "PKCS12 or JKS keystore whose trusted certificate entries (keytool -importcert) are the signers, "
                    + "or the CAs of the signers, that manifest jobs' jars must have; relative to the node's etc/. Required "
                    + "and read when manifest.signatures.required is true: a missing or unreadable file keeps the policy down.")
    String manifest_truststore() default "";

    @AttributeDefinition(name = "Truststore password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the truststore; may be empty, and then its integrity is not checked.")
    String manifest_truststore_password() default "";

    @AttributeDefinition(name = "Source jobs enabled",
            description = "Topology 3: compile and run Java source from a job. Its checks (tokens, limits, allowlist) "
                    + "come with colony-sandbox; until then source jobs are denied even when enabled.")
    boolean source_enabled() default false;
}
