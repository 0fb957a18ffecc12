package io.colony.trust.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.log.Logger;

/** A Logger that keeps what is logged as lines "level: message", with the {} placeholders filled in. */
final class RecordingLogger {

    private final List<String> lines = new ArrayList<>();

    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                if (method.getReturnType() == String.class) {
                    return "test";
                }
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    lines.add(method.getName() + ": " + fill(format, args));
                }
                return null;
            });

    Logger logger() {
        return logger;
    }

    /** Every line so far; a live list, so that a test may clear it. */
    List<String> lines() {
        return lines;
    }

    List<String> at(String level) {
        return lines.stream().filter(line -> line.startsWith(level + ": ")).toList();
    }

    private static String fill(String format, Object[] args) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof Object[] array) {
                values.addAll(List.of(array));
            } else {
                values.add(args[i]);
            }
        }
        StringBuilder line = new StringBuilder();
        int v = 0;
        for (int i = 0; i < format.length(); i++) {
            if (format.startsWith("{}", i) && v < values.size()) {
                line.append(values.get(v++));
                i++;
            } else {
                line.append(format.charAt(i));
            }
        }
        return line.toString();
    }
}
