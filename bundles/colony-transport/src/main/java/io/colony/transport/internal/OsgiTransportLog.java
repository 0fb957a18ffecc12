package io.colony.transport.internal;

import org.osgi.service.log.Logger;

/** The transport's log lines, into the OSGi log. */
final class OsgiTransportLog implements TransportLog {

    private final Logger logger;

    OsgiTransportLog(Logger logger) {
        this.logger = logger;
    }

    @Override
    public void debug(String message) {
        logger.debug(message);
    }

    @Override
    public void info(String message) {
        logger.info(message);
    }

    @Override
    public void warn(String message) {
        logger.warn(message);
    }
}
