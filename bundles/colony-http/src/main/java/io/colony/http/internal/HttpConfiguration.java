package io.colony.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = HttpConfiguration.PID,
        name = "Colony REST API",
        description = "The manager's REST API: jobs, workers, the event stream, the PCCI-compatible routes and API tokens.")
@interface HttpConfiguration {

    String PID = "io.colony.http";

    @AttributeDefinition(description = "TCP port of the REST API; 0 picks any free port. The launcher's --http-port (framework property colony.http.port) overrides it.",
            min = "0", max = "65535")
    int port() default HttpSettings.DEFAULT_PORT;

    @AttributeDefinition(name = "Bind address", description = "Address the HTTP server listens on; 0.0.0.0 means every interface. The launcher's --local (framework property colony.bind.address) overrides it.")
    String bind_address() default HttpSettings.DEFAULT_BIND_ADDRESS;

    @AttributeDefinition(name = "Maximum body bytes", description = "Largest request body accepted, by Content-Length or while reading; a larger one is refused with 413.",
            min = "1024", max = "268435456")
    int max_body_bytes() default HttpSettings.DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(name = "API tokens", description = "Accepted API tokens (16 to 512 characters of A-Z a-z 0-9 - . _ ~ + / =), comma-separated. Empty: the token in the token file.")
    String[] tokens() default {};

    @AttributeDefinition(name = "Token file", description = "Where the node's API token is kept when no tokens are configured; generated (owner-only) on first start. Empty: <node data>/api.token.")
    String token_file() default "";

    @AttributeDefinition(name = "Authentication required", description = "Whether every route but the health check needs a token. false opens the whole API to anyone who can reach the port.")
    boolean auth_required() default true;

    @AttributeDefinition(name = "PCCI open addresses", description = "Client IP addresses allowed to use the PCCI-compatible routes (/job, /pool, /pools, /workers, /kill) without a token, comma-separated. Empty: none.")
    String[] pcci_open_addresses() default {};

    @AttributeDefinition(name = "Maximum connections", description = "Open HTTP connections at once; beyond that new connections are closed.", min = "1", max = "100000")
    int max_connections() default HttpSettings.DEFAULT_MAX_CONNECTIONS;

    @AttributeDefinition(name = "Maximum event streams", description = "Clients of /api/v1/events at once; beyond that a new one is refused with 503.", min = "1", max = "10000")
    int max_event_streams() default HttpSettings.DEFAULT_MAX_EVENT_STREAMS;

    @AttributeDefinition(name = "Request threads", description = "Threads that answer requests (the network threads never wait on the manager).", min = "1", max = "256")
    int threads() default HttpSettings.DEFAULT_THREADS;

    @AttributeDefinition(name = "Request queue", description = "Requests that may wait for a request thread; beyond that a request is refused with 503.", min = "1", max = "100000")
    int queue_capacity() default HttpSettings.DEFAULT_QUEUE_CAPACITY;
}
