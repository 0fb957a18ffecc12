package io.colony.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Sends the framework's own messages (a bundle that cannot resolve or start, for instance) to the
 * launcher's log as one line each, naming the bundle and the chain of reasons.
 */
final class FelixLogger extends Logger {

    private final LauncherLog log;

    FelixLogger(LauncherLog log) {
        this.log = log;
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference serviceReference, int level, String message, Throwable failure) {
        String text = (bundle == null ? "" : describe(bundle) + ": ") + message + (failure == null ? "" : ": " + Failures.describe(failure));
        switch (level) {
            case LOG_ERROR -> log.error(text);
            case LOG_WARNING -> log.warn(text);
            default -> log.info(text);
        }
    }

    static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }
}
