package io.colony.transport.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Carries the metatype designation of {@value TransportConfiguration#PID}, so that the shell and the
 * docs can describe the transport's settings. The transport component itself reads two PIDs (the
 * node's and its own), and a Designate needs a component with exactly one.
 */
@Component(configurationPid = TransportConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = TransportConfiguration.class)
public final class TransportMetatype {
}
