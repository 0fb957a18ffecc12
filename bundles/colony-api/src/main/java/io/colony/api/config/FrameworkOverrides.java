package io.colony.api.config;

/**
 * Framework properties through which the launcher's command-line options override configuration
 * (so that one node can differ from what etc/ says without editing it).
 */
public final class FrameworkOverrides {

    /** {@code --roles}: the node's roles, comma-separated. */
    public static final String ROLES = "colony.roles";
    /** {@code --http-port}: the HTTP port. */
    public static final String HTTP_PORT = "colony.http.port";
    /** {@code --local}: {@code false} turns mDNS discovery off. */
    public static final String MDNS = "colony.mdns";
    /** {@code --local}: the address every server of the node binds (transport, tracker) instead of its configured one. */
    public static final String BIND_ADDRESS = "colony.bind.address";

    private FrameworkOverrides() {
    }
}
