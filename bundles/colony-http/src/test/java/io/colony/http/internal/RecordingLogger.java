package io.colony.http.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} keeping "level message" lines with {} filled in, and the throwables logged. */
final class RecordingLogger {

    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> throwables = Collections.synchronizedList(new ArrayList<>());
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if (method.getName().startsWith("is")) {
                    return true;
                }
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    lines.add(method.getName() + " " + format(format, args));
                }
                return method.getReturnType() == String.class ? "test" : null;
            });

    List<String> lines(String level) {
        synchronized (lines) {
            return lines.stream().filter(line -> line.startsWith(level + " ")).toList();
        }
    }

    private String format(String format, Object[] args) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof Object[] array) {
                values.addAll(List.of(array));
            } else {
                values.add(args[i]);
            }
        }
        if (!values.isEmpty() && values.get(values.size() - 1) instanceof Throwable thrown) {
            throwables.add(thrown);
        }
        StringBuilder text = new StringBuilder();
        int from = 0;
        int value = 0;
        for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
            text.append(format, from, at).append(value < values.size() ? values.get(value++) : "{}");
            from = at + 2;
        }
        return text.append(format.substring(from)).toString();
    }
}
