package io.colony.shell.internal.admin;

import io.colony.shell.internal.DataDirectory;
import java.io.IOException;
import java.util.Map;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the admin channel while the Gogo runtime is present. Registered as a service (of this
 * private type) only so that {@code colony:node} can show the channel's port.
 */
@Component(name = AdminChannelConfiguration.PID, immediate = true, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = AdminChannelServer.class)
@Designate(ocd = AdminChannelConfiguration.class)
public final class AdminChannelServer {

    private final AdminChannel channel;

    @Activate
    public AdminChannelServer(BundleContext context, Map<String, Object> properties,
            @Reference(name = "commandProcessor") CommandProcessor processor,
            @Reference(name = "logger", service = LoggerFactory.class) Logger logger) throws IOException {
        AdminSettings settings = AdminSettings.read(properties);
        this.channel = AdminChannel.open(DataDirectory.of(context), settings, processor, new LoggerChannelLog(logger));
        logger.info("admin channel listening on 127.0.0.1:{}", channel.port());
    }

    @Deactivate
    void deactivate() {
        channel.close();
    }

    public int port() {
        return channel.port();
    }

    private record LoggerChannelLog(Logger logger) implements ChannelLog {

        @Override
        public void info(String message) {
            logger.info(message);
        }

        @Override
        public void warn(String message) {
            logger.warn(message);
        }

        @Override
        public void debug(String message) {
            logger.debug(message);
        }
    }
}
