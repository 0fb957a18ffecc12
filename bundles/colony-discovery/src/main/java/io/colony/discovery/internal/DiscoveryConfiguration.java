package io.colony.discovery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = DiscoveryConfiguration.PID,
        name = "Colony discovery",
        description = "How this node finds the other nodes of its cluster: mDNS on the local network, a tracker, a static peer list; all three can be combined.")
@interface DiscoveryConfiguration {

    String PID = "io.colony.discovery";

    @AttributeDefinition(name = "mDNS", description = "Advertise this node as _colony._tcp.local. and browse for others.")
    boolean mdns_enabled() default true;

    @AttributeDefinition(name = "mDNS interfaces",
            description = "Comma-separated interface names or addresses to run mDNS on; empty: every interface that is up and multicast-capable.")
    String mdns_interfaces() default "";

    @AttributeDefinition(name = "Static peers", description = "Comma-separated host:port transport addresses of nodes to join.")
    String peers() default "";

    @AttributeDefinition(name = "Tracker", description = "host:port of a tracker to announce to and learn nodes from; empty: none.")
    String tracker() default "";

    @AttributeDefinition(name = "Tracker interval", description = "Milliseconds between announcements to the tracker.", min = "200", max = "3600000")
    int tracker_interval_ms() default 3000;

    @AttributeDefinition(name = "Reconnect backoff",
            description = "Milliseconds between attempts to connect to a candidate peer: min..max (doubling after each failure), or one fixed value.")
    String reconnect_backoff_ms() default "500..10000";
}
