package io.colony.worker.internal.remote;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** An OSGi logger that keeps each line as its level and format, for tests that check what was logged. */
final class TestLog {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && method.getReturnType() == boolean.class) {
                    return true;
                }
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    lines.add(name + " " + format);
                }
                return method.getReturnType() == String.class ? "test" : null;
            });

    boolean has(String level, String format) {
        return lines.contains(level + " " + format);
    }
}
