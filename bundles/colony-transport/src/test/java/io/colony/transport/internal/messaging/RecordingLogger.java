package io.colony.transport.internal.messaging;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} that keeps each line as {@code LEVEL message}, with the {@code {}} filled in. */
final class RecordingLogger {

    private static final Set<String> LEVELS = Set.of("audit", "error", "warn", "info", "debug", "trace");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if (LEVELS.contains(method.getName()) && args != null && args[0] instanceof String format) {
                    lines.add(method.getName().toUpperCase() + " " + fill(format, args));
                    return null;
                }
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                return method.getReturnType() == String.class ? "recording" : null;
            });

    /** The format with its {@code {}} replaced by the arguments, given one by one or as the varargs array. */
    private static String fill(String format, Object[] args) {
        List<Object> values = new ArrayList<>();
        for (int index = 1; index < args.length; index++) {
            if (args[index] instanceof Object[] array) {
                values.addAll(Arrays.asList(array));
            } else {
                values.add(args[index]);
            }
        }
        StringBuilder text = new StringBuilder();
        int from = 0;
        for (Object value : values) {
            int at = format.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            text.append(format, from, at).append(value);
            from = at + 2;
        }
        return text.append(format.substring(from)).toString();
    }

    Logger logger() {
        return logger;
    }

    List<String> lines(String level) {
        return lines.stream().filter(line -> line.startsWith(level + " ")).map(line -> line.substring(level.length() + 1)).toList();
    }
}
