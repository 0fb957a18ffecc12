package io.colony.discovery.internal.testsupport;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} that records what is logged, by level, with the arguments put in. */
public final class RecordingLogger {

    private static final Set<String> LEVELS = Set.of("audit", "error", "warn", "info", "debug", "trace");

    public record Line(String level, String message) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final boolean echo;
    private final Logger logger;

    public RecordingLogger() {
        this(false);
    }

    /** @param echo also print each line on standard error (for child processes) */
    public RecordingLogger(boolean echo) {
        this.echo = echo;
        this.logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (LEVELS.contains(name) && args != null && args.length > 0 && args[0] instanceof String format) {
                        record(name, format, Arrays.copyOfRange(args, 1, args.length));
                        return null;
                    }
                    if (name.startsWith("is") && name.endsWith("Enabled")) {
                        return true;
                    }
                    if (name.equals("getName")) {
                        return "test";
                    }
                    if (name.equals("toString")) {
                        return "RecordingLogger";
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
    }

    private synchronized void record(String level, String format, Object[] args) {
        List<Object> flat = new ArrayList<>();
        for (Object arg : args) {
            if (arg instanceof Object[] array) {
                flat.addAll(Arrays.asList(array));
            } else {
                flat.add(arg);
            }
        }
        StringBuilder message = new StringBuilder();
        int from = 0;
        for (Object arg : flat) {
            int at = format.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            message.append(format, from, at).append(arg);
            from = at + 2;
        }
        message.append(format.substring(from));
        lines.add(new Line(level, message.toString()));
        if (echo) {
            System.err.println(level.toUpperCase() + " " + message);
        }
    }

    public Logger logger() {
        return logger;
    }

    public synchronized List<String> at(String level) {
        return lines.stream().filter(line -> line.level().equals(level)).map(Line::message).toList();
    }
}
