package io.colony.transport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = TransportConfiguration.PID,
        name = "Colony transport",
        description = "The node-to-node connection: port, heartbeats, limits, TLS. The cluster name and secret come from io.colony.node.")
@interface TransportConfiguration {

    String PID = "io.colony.transport";

    @AttributeDefinition(description = "Port to listen on; 0 means any free port (advertised through discovery).", min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "Bind address", description = "Address to listen on; 0.0.0.0 means every interface.")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(name = "Heartbeat interval (ms)", description = "How often this node sends a heartbeat to every peer.", min = "50", max = "60000")
    int heartbeat_interval_ms() default 1000;

    @AttributeDefinition(name = "Heartbeat timeout (ms)", description = "A peer from which nothing arrived for this long is closed and reported lost.", min = "100", max = "600000")
    int heartbeat_timeout_ms() default 3000;

    @AttributeDefinition(name = "Handshake timeout (ms)", description = "A connection that has not authenticated within this time is closed.", min = "100", max = "600000")
    int handshake_timeout_ms() default 5000;

    @AttributeDefinition(name = "Maximum frame (bytes)", description = "A larger frame closes the connection that sent it.", min = "1024", max = "1073741824")
    int max_frame_bytes() default TransportSettings.DEFAULT_MAX_FRAME_BYTES;

    @AttributeDefinition(name = "Write buffer low water mark (bytes)", description = "A peer becomes writable again below this many queued bytes.", min = "1024")
    int write_buffer_low_water_mark() default TransportSettings.DEFAULT_WRITE_BUFFER_LOW;

    @AttributeDefinition(name = "Write buffer high water mark (bytes)", description = "Above this many queued bytes a peer reports it is not writable: senders should slow down.", min = "1024")
    int write_buffer_high_water_mark() default TransportSettings.DEFAULT_WRITE_BUFFER_HIGH;

    @AttributeDefinition(name = "I/O threads", description = "Threads of the transport's event loop (colony-transport-*).", min = "1", max = "64")
    int io_threads() default TransportSettings.DEFAULT_IO_THREADS;

    @AttributeDefinition(name = "TLS", description = "Encrypt connections with TLS; both sides present a certificate (the server requires one from the client) and the cluster-secret handshake still runs inside TLS. Every node of the cluster must use the same setting.")
    boolean tls_enabled() default false;

    @AttributeDefinition(name = "TLS keystore", description = "PKCS12 file with this node's private key and certificate; required when TLS is on.", required = false)
    String tls_keystore() default "";

    @AttributeDefinition(name = "TLS keystore password", type = AttributeType.PASSWORD, description = "Password of the keystore and of its private key.", required = false)
    String tls_keystore_password() default "";

    @AttributeDefinition(name = "TLS truststore", description = "PKCS12 file with the certificates to trust (a CA's, or the peers' own); empty means the keystore.", required = false)
    String tls_truststore() default "";

    @AttributeDefinition(name = "TLS truststore password", type = AttributeType.PASSWORD, description = "Password of the truststore; empty means the keystore password.", required = false)
    String tls_truststore_password() default "";
}
