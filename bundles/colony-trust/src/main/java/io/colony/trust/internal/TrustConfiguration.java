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
            description = "Topology 3: compile Java source from a job and run it in the sandbox (bytecode verified against "
                    + "an allowlist, isolated class loader, limits), on workers that run colony-sandbox.")
    boolean source_enabled() default false;

    @AttributeDefinition(name = "Source job tokens", required = false,
            description = "The API tokens (as in io.colony.http tokens) that may submit source jobs, separated by commas or "
                    + "newlines. Empty: any client the REST API lets in. Submissions without a token (the node's shell, an "
                    + "application embedding the manager) are not asked about tokens.")
    String source_tokens() default "";

    @AttributeDefinition(name = "Sandbox isolation", options = {
            @org.osgi.service.metatype.annotations.Option(value = "process", label = "a child JVM per task"),
            @org.osgi.service.metatype.annotations.Option(value = "in-process", label = "a thread of the worker's JVM") },
            description = "Where source tasks run: process (a child JVM per task with its own heap limit, killed at a limit) "
                    + "or in-process (faster to start; shares the worker's heap, and a run stuck inside a JDK call cannot be stopped).")
    String source_isolation() default "process";

    @AttributeDefinition(name = "Wall-clock limit (s)", min = "1", max = "86400", description = "How long one source task may run.")
    int source_wall_seconds() default 60;

    @AttributeDefinition(name = "CPU limit (s)", min = "1", max = "86400", description = "How much CPU time one source task may use.")
    int source_cpu_seconds() default 60;

    @AttributeDefinition(name = "Memory limit (MiB)", min = "16", max = "65536",
            description = "Heap of a source task: the child JVM's maximum heap, or in process the bytes its thread may allocate.")
    int source_memory_mb() default 256;

    @AttributeDefinition(name = "Result limit (KiB)", min = "1", max = "1048576", description = "The largest result of a source task.")
    int source_result_kb() default 16384;

    @AttributeDefinition(name = "Log limit (KiB)", min = "0", max = "1048576", description = "The most log text one source task may write.")
    int source_log_kb() default 1024;

    @AttributeDefinition(name = "Allowlist additions", required = false,
            description = "Entries added to the sandbox's built-in allowlist of JDK classes and members source may use: a class "
                    + "(java.util.BitSet), a package's classes (java.util.*), a member (java.lang.System#nanoTime), or a member "
                    + "denied (!java.lang.String#repeat). Separated by commas or newlines. What would let code leave the sandbox "
                    + "(reflection, class loaders, threads, files, network, processes...) cannot be allowed.")
    String source_allowlist() default "";
}
