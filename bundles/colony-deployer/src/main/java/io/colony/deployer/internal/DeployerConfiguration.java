package io.colony.deployer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = DeployerConfiguration.PID,
        name = "Colony deployer",
        description = "Manifest jobs (topology 2): how long unused bundles linger before they are uninstalled, and how long "
                + "the resolver waits for a repository. A change applies to the next deployment; a bad value is reported "
                + "and the deployer stays down.")
@interface DeployerConfiguration {

    String PID = "io.colony.deployer";

    @AttributeDefinition(name = "Uninstall delay (ms)",
            description = "How long a bundle that no deployment uses any more stays installed before it is uninstalled "
                    + "(when its jobs asked deleteWhenDone), so that the next task of the same job finds it live. 0 uninstalls at once.",
            min = "0", max = "3600000")
    int uninstall_delay_ms() default DeployerSettings.DEFAULT_UNINSTALL_DELAY_MS;

    @AttributeDefinition(name = "Connect timeout (ms)", description = "How long to wait for a connection to an HTTP repository.",
            min = "100", max = "600000")
    int connect_timeout_ms() default DeployerSettings.DEFAULT_CONNECT_TIMEOUT_MS;

    @AttributeDefinition(name = "Request timeout (ms)",
            description = "How long one request to a repository may stay silent before it fails.", min = "100", max = "3600000")
    int request_timeout_ms() default DeployerSettings.DEFAULT_REQUEST_TIMEOUT_MS;
}
