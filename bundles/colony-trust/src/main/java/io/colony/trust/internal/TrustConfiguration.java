package io.colony.trust.internal;

import io.colony.api.trust.TrustPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
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
            description = "Topology 2: install Maven artifacts named by a job. Its checks (repositories, groupIds, "
                    + "signatures) come with colony-deployer; until then manifest jobs are denied even when enabled.")
    boolean manifest_enabled() default false;

    @AttributeDefinition(name = "Source jobs enabled",
            description = "Topology 3: compile and run Java source from a job. Its checks (tokens, limits, allowlist) "
                    + "come with colony-sandbox; until then source jobs are denied even when enabled.")
    boolean source_enabled() default false;
}
