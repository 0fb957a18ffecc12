package io.colony.http.internal;

import io.colony.api.job.JobService;
import io.colony.api.job.JobSpecCodec;
import io.colony.api.node.NodeInfo;
import io.colony.http.internal.auth.AccessControl;
import io.colony.http.internal.auth.ApiTokens;
import io.colony.http.internal.auth.TokenFile;
import io.colony.http.internal.events.EventStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The manager's REST API, configured by {@value HttpConfiguration#PID}. It needs the manager's
 * {@link JobService} and {@link JobSpecCodec}, so it runs only on manager nodes. It is an EventAdmin
 * handler for {@code io/colony/*}, whose events go to the event streams. A bad configuration value
 * is logged and the component stays down; a configuration change restarts the server.
 */
@Component(name = HttpConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + HttpComponent.TOPICS)
@Designate(ocd = HttpConfiguration.class)
public final class HttpComponent implements EventHandler {

    static final String TOPICS = "io/colony/*";

    private final ApiServer server;

    @Activate
    public HttpComponent(BundleContext context, Map<String, Object> properties,
            @Reference JobService jobs,
            @Reference JobSpecCodec codec,
            @Reference NodeInfo node,
            @Reference(service = LoggerFactory.class) Logger log) {
        try {
            HttpSettings settings = HttpSettings.read(properties, context::getProperty);
            AccessControl access = accessControl(settings, context, log);
            this.server = ApiServer.start(settings, access, jobs, codec, node.id(), EventStream.DEFAULT_KEEP_ALIVE, log);
            log.info("REST API of node {} listens on {}", node.id(), server.localAddress());
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            log.error("REST API not started: {}", e.getMessage());
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        server.close();
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        server.publish(event.getTopic(), properties);
    }

    /** For tests: the address the server bound. */
    InetSocketAddress localAddress() {
        return server.localAddress();
    }

    private static AccessControl accessControl(HttpSettings settings, BundleContext context, Logger log) {
        if (!settings.authRequired()) {
            log.warn("REST API: auth.required = false: every route is open to anyone who can reach the port");
            return new AccessControl(false, null, settings.pcciOpenAddresses());
        }
        if (!settings.tokens().isEmpty()) {
            return new AccessControl(true, ApiTokens.of(settings.tokens()), settings.pcciOpenAddresses());
        }
        Path file = tokenFile(settings, context);
        TokenFile.Loaded loaded;
        try {
            loaded = TokenFile.loadOrCreate(file, new SecureRandom());
        } catch (IOException e) {
            throw new UncheckedIOException(HttpConfiguration.PID + ": token.file " + file + ": cannot be read or written (" + e + ")", e);
        }
        if (loaded.generated()) {
            log.info("REST API: generated an API token in {} (send it as Authorization: Bearer <token>)", file);
        } else {
            log.info("REST API: accepting the API token in {}", file);
            if (!loaded.ownerOnly()) {
                log.warn("REST API: the token file {} is readable by other users; restrict it with: chmod 600 {}", file, file);
            }
        }
        return new AccessControl(true, ApiTokens.of(List.of(loaded.token())), settings.pcciOpenAddresses());
    }

    /** The configured token file (relative to the node's data folder), or {@code <data>/api.token}. */
    private static Path tokenFile(HttpSettings settings, BundleContext context) {
        if (!settings.tokenFile().isEmpty()) {
            Path configured = Path.of(settings.tokenFile());
            return configured.isAbsolute() ? configured : DataDirectory.of(context).resolve(configured);
        }
        return DataDirectory.of(context).resolve(TokenFile.DEFAULT_NAME);
    }
}
