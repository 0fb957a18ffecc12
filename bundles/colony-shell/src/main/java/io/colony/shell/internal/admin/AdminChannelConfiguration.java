package io.colony.shell.internal.admin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = AdminChannelConfiguration.PID,
        name = "Colony shell",
        description = "The admin channel that bin/colony client uses to reach this node's Gogo shell. It listens on "
                + "127.0.0.1 only and admits clients that prove they hold the secret in data/admin.secret.")
@interface AdminChannelConfiguration {

    String PID = "io.colony.shell";

    @AttributeDefinition(name = "Admin port", description = "Loopback port of the admin channel; 0 picks a free port. "
            + "The port in use is written to data/shell.port.", min = "0", max = "65535")
    int admin_port() default AdminSettings.DEFAULT_PORT;

    @AttributeDefinition(name = "Admin sessions", description = "Admin sessions served at once; a client beyond "
            + "that is refused with an error.", min = "1", max = "256")
    int admin_sessions() default AdminSettings.DEFAULT_SESSIONS;

    @AttributeDefinition(name = "Authentication timeout", description = "Seconds a client has to answer the "
            + "challenge before it is disconnected.", min = "1", max = "300")
    int auth_timeout_seconds() default AdminSettings.DEFAULT_AUTH_TIMEOUT_SECONDS;

    @AttributeDefinition(name = "Idle timeout", description = "Minutes an authenticated session may stay silent, "
            + "with no command running, before it is closed.", min = "1", max = "10080")
    int idle_timeout_minutes() default AdminSettings.DEFAULT_IDLE_TIMEOUT_MINUTES;
}
