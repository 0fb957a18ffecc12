package io.colony.tracker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = TrackerConfiguration.PID,
        name = "Colony tracker",
        description = "The tracker role: nodes on other subnets announce themselves here over HTTP and read the live ones.")
@interface TrackerConfiguration {

    String PID = "io.colony.tracker";

    @AttributeDefinition(description = "TCP port of the tracker's HTTP server; 0 picks any free port.", min = "0", max = "65535")
    int port() default TrackerSettings.DEFAULT_PORT;

    @AttributeDefinition(name = "Bind address", description = "Address the HTTP server listens on; 0.0.0.0 means every interface.")
    String bind_address() default TrackerSettings.DEFAULT_BIND_ADDRESS;

    @AttributeDefinition(name = "Entry TTL (ms)", description = "A node disappears when no announcement came from it for this long; nodes announce every 3 s.",
            min = "100", max = "3600000")
    int ttl_ms() default TrackerSettings.DEFAULT_TTL_MS;

    @AttributeDefinition(name = "Maximum entries", description = "Nodes the tracker remembers at once; a new node beyond that is refused with 503.",
            min = "1", max = "1000000")
    int max_entries() default TrackerSettings.DEFAULT_MAX_ENTRIES;

    @AttributeDefinition(name = "Maximum body bytes", description = "Largest request body accepted; a larger one is refused with 413.",
            min = "1024", max = "1048576")
    int max_body_bytes() default TrackerSettings.DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(name = "Maximum connections", description = "Open HTTP connections at once; each node usually keeps one. Beyond that new connections are closed.",
            min = "1", max = "1000000")
    int max_connections() default TrackerSettings.DEFAULT_MAX_CONNECTIONS;
}
