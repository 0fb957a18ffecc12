package io.colony.worker.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.osgi.service.log.Logger;

/** A task's {@link System.Logger}: its lines go to the node's log, tagged with the task id and plugin. */
final class TaskLogger implements System.Logger {

    private final String tag;
    private final Logger log;

    TaskLogger(String taskId, String pluginLabel, Logger log) {
        this.tag = "[task " + taskId + " " + pluginLabel + "] ";
        this.log = log;
    }

    @Override
    public String getName() {
        return tag.trim();
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ALL, TRACE -> log.isTraceEnabled();
            case DEBUG -> log.isDebugEnabled();
            case INFO -> log.isInfoEnabled();
            case WARNING -> log.isWarnEnabled();
            case ERROR -> log.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        write(level, tag + localized(bundle, message), thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        String pattern = localized(bundle, format);
        write(level, tag + (params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params)), null);
    }

    @Override
    public void log(Level level, Supplier<String> message) {
        if (isLoggable(level)) {
            write(level, tag + message.get(), null);
        }
    }

    private void write(Level level, String line, Throwable thrown) {
        Object[] arguments = thrown == null ? new Object[] {line} : new Object[] {line, thrown};
        switch (level) {
            case ALL, TRACE -> log.trace("{}", arguments);
            case DEBUG -> log.debug("{}", arguments);
            case INFO -> log.info("{}", arguments);
            case WARNING -> log.warn("{}", arguments);
            case ERROR -> log.error("{}", arguments);
            case OFF -> { }
        }
    }

    private static String localized(ResourceBundle bundle, String key) {
        return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : String.valueOf(key);
    }
}
